// Open Dental's Message-to-Pay tag names, so offices can paste the wording they already use. Pure: the template
// form runs it in the browser as the office types.

/** Every tag a template may use, in the spelling offices know. */
export const TAGS = ["MsgToPayURL", "StatementBalance", "ClinicName", "namePref", "nameFnoPref", "nameFLnoPref", "PatNum", "currentMonth", "OfficePhone"] as const;
export type TagName = (typeof TAGS)[number];

/** The tag without which a message can't be sent: the patient's personal payment link. */
export const REQUIRED_TAG: TagName = "MsgToPayURL";

const BY_LOWER = new Map(TAGS.map((t) => [t.toLowerCase(), t]));
// Bracketed words only: "[Pay here](…)" style text with spaces is not a tag and is left alone.
const TAG_RE = /\[([A-Za-z][A-Za-z0-9]*)\]/g;

export interface TagContext {
  url: string;
  /** The balance to print, in cents; rendered like 245.50 (the template supplies the $). */
  balanceCents: number;
  practiceName: string;
  practicePhone: string | null;
  clinicName: string | null;
  clinicPhone: string | null;
  patient: { firstName: string; lastName: string; preferredName: string | null; externalId: string };
  timeZone: string;
  now: Date;
}

export interface Rendered {
  text: string;
  /** Bracketed names that aren't tags, as written (without brackets), first occurrence order. */
  unknownTags: string[];
  missingRequired: boolean;
}

/** The known tag a bracketed name means (case-insensitive, as Open Dental is), or null. */
export function tagFor(name: string): TagName | null {
  return BY_LOWER.get(name.toLowerCase()) ?? null;
}

/** Names in brackets that are not tags, each once, in the order they appear. */
export function unknownTagsIn(template: string): string[] {
  const out: string[] = [];
  for (const m of template.matchAll(TAG_RE)) if (!tagFor(m[1]!) && !out.includes(m[1]!)) out.push(m[1]!);
  return out;
}

/** Whether the template carries the personal link tag. */
export function hasRequiredTag(template: string): boolean {
  for (const m of template.matchAll(TAG_RE)) if (tagFor(m[1]!) === REQUIRED_TAG) return true;
  return false;
}

/** 24550 → "245.50": no currency sign, thousands separated, two decimals. */
export function formatBalance(cents: number): string {
  const abs = Math.abs(cents);
  const whole = Math.floor(abs / 100).toLocaleString("en-US");
  return `${cents < 0 ? "-" : ""}${whole}.${String(abs % 100).padStart(2, "0")}`;
}

/** The value each tag stands for in this context. */
export function tagValues(ctx: TagContext): Record<TagName, string> {
  const p = ctx.patient;
  return {
    MsgToPayURL: ctx.url,
    StatementBalance: formatBalance(ctx.balanceCents),
    ClinicName: ctx.clinicName ?? ctx.practiceName,
    namePref: p.preferredName?.trim() || p.firstName,
    nameFnoPref: p.firstName,
    nameFLnoPref: `${p.firstName} ${p.lastName}`,
    PatNum: p.externalId,
    currentMonth: new Intl.DateTimeFormat("en-US", { month: "long", timeZone: ctx.timeZone }).format(ctx.now),
    OfficePhone: ctx.clinicPhone ?? ctx.practicePhone ?? "",
  };
}

/**
 * Replaces every known tag with its value; unknown names stay as written and are reported (a message with any is
 * never sent). `keep` leaves some tags in place, e.g. the link before it exists.
 */
export function renderTemplate(template: string, ctx: TagContext, options: { keep?: TagName[] } = {}): Rendered {
  const values = tagValues(ctx);
  const text = template.replace(TAG_RE, (whole, name: string) => {
    const tag = tagFor(name);
    if (!tag || options.keep?.includes(tag)) return whole;
    return values[tag];
  });
  return { text, unknownTags: unknownTagsIn(template), missingRequired: !hasRequiredTag(template) };
}
