// Wall-clock questions in a practice's time zone (quiet hours, the month texts are counted in).

/** Texts are not sent from QUIET_START:00 to QUIET_END:00 local time. */
export const QUIET_START_HOUR = 21;
export const QUIET_END_HOUR = 8;

interface LocalParts {
  year: number;
  month: number;
  day: number;
  hour: number;
  minute: number;
  second: number;
}

function localParts(at: Date, timeZone: string): LocalParts {
  const parts = new Intl.DateTimeFormat("en-US", {
    timeZone,
    hourCycle: "h23",
    year: "numeric",
    month: "2-digit",
    day: "2-digit",
    hour: "2-digit",
    minute: "2-digit",
    second: "2-digit",
  }).formatToParts(at);
  const get = (type: string) => Number(parts.find((p) => p.type === type)?.value);
  return { year: get("year"), month: get("month"), day: get("day"), hour: get("hour"), minute: get("minute"), second: get("second") };
}

/** The instant a local wall-clock time happens in `timeZone` (DST gaps resolve to the later side). */
function zonedInstant(timeZone: string, year: number, month: number, day: number, hour: number): Date {
  const guess = Date.UTC(year, month - 1, day, hour);
  // Two passes settle the offset even when the guess and the answer sit on different sides of a DST change.
  let at = guess;
  for (let i = 0; i < 2; i++) {
    const p = localParts(new Date(at), timeZone);
    const asUtc = Date.UTC(p.year, p.month - 1, p.day, p.hour, p.minute, p.second);
    at += guess - asUtc;
  }
  return new Date(at);
}

/** Whether `now` falls in text quiet hours (21:00–08:00) in `timeZone`. */
export function isQuietHours(now: Date, timeZone: string): boolean {
  const { hour } = localParts(now, timeZone);
  return hour >= QUIET_START_HOUR || hour < QUIET_END_HOUR;
}

/** The next 08:00 in `timeZone` after `now` (today's if it is still before 08:00 there, else tomorrow's). */
export function quietHoursEnd(now: Date, timeZone: string): Date {
  const p = localParts(now, timeZone);
  // Noon UTC of the local date avoids month/day rollover surprises when adding a day.
  const day = new Date(Date.UTC(p.year, p.month - 1, p.day + (p.hour < QUIET_END_HOUR ? 0 : 1), 12));
  return zonedInstant(timeZone, day.getUTCFullYear(), day.getUTCMonth() + 1, day.getUTCDate(), QUIET_END_HOUR);
}

/** `YYYY-MM` of `now` in `timeZone`: the month a text budget counts against. */
export function localMonth(now: Date, timeZone: string): string {
  const p = localParts(now, timeZone);
  return `${p.year}-${String(p.month).padStart(2, "0")}`;
}
