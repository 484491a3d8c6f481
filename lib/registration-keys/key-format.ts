// Registration key format, shared by the browser (typo check before any request), the
// dashboard action and the support console. Edge/browser-safe: no Node APIs.
//
// A key is 16 characters from a 32-letter alphabet without look-alikes (no 0, 1, I, O), shown as XXXX-XXXX-XXXX-XXXX. The 16th character is a Luhn mod 32 check
// character, which catches every single-character typo and every swap of two neighbours.

export const KEY_ALPHABET = "23456789ABCDEFGHJKLMNPQRSTUVWXYZ";
const N = KEY_ALPHABET.length;
export const KEY_LENGTH = 16;

function codePoint(ch: string): number {
  return KEY_ALPHABET.indexOf(ch);
}

function checkCharacter(body: string): string {
  // Luhn mod N, computed right to left over the body with the check position appended.
  let factor = 2;
  let sum = 0;
  for (let i = body.length - 1; i >= 0; i--) {
    let addend = factor * codePoint(body[i]!);
    factor = factor === 2 ? 1 : 2;
    addend = Math.floor(addend / N) + (addend % N);
    sum += addend;
  }
  return KEY_ALPHABET[(N - (sum % N)) % N]!;
}

/** Upper-cases and drops spaces, dashes and other separators people paste with a key. */
export function normalizeKey(input: string): string {
  return input.toUpperCase().replace(/[\s\-_.–—]/g, "");
}

/** Groups a normalised key as XXXX-XXXX-XXXX-XXXX for display. */
export function formatKey(key: string): string {
  return normalizeKey(key).match(/.{1,4}/g)?.join("-") ?? "";
}

export type KeyShapeProblem = "length" | "characters" | "checksum";

/** Why a typed key cannot be a real one, or null when its shape and check character are right. */
export function keyShapeProblem(input: string): KeyShapeProblem | null {
  const key = normalizeKey(input);
  if (key.length !== KEY_LENGTH) return "length";
  if ([...key].some((c) => codePoint(c) < 0)) return "characters";
  return checkCharacter(key.slice(0, -1)) === key.at(-1) ? null : "checksum";
}

/** Plain-language message for a shape problem, as shown next to the key field. */
export function keyShapeMessage(problem: KeyShapeProblem): string {
  switch (problem) {
    case "length":
      return "A registration key has 16 characters, like ABCD-EFGH-JKMN-PQRS.";
    case "characters":
      return `A registration key uses only the letters and digits ${KEY_ALPHABET}. Check for O/0 or I/1 mix-ups.`;
    case "checksum":
      return "That key has a typo: one of the characters is wrong or two are swapped.";
  }
}

/** The full key for a 15-character body: the body plus its check character. */
export function withCheckCharacter(body: string): string {
  return body + checkCharacter(body);
}

/** A new random key with a valid check character (normalised, no dashes). */
export function generateKey(): string {
  const bytes = new Uint8Array(KEY_LENGTH - 1);
  crypto.getRandomValues(bytes);
  // 256 is a multiple of 32, so `% N` picks every character equally often.
  const body = [...bytes].map((b) => KEY_ALPHABET[b % N]!).join("");
  return body + checkCharacter(body);
}
