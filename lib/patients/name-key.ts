/** The form of a name used for matching: accents, case, spaces and punctuation don't count ("Núñez" = "nunez", "O'Brien" = "obrien"). */
export function nameKey(name: string): string {
  return name
    .normalize("NFKD")
    .replace(/\p{M}/gu, "")
    .toLowerCase()
    .replace(/[^\p{L}\p{N}]/gu, "");
}
