/**
 * An ILIKE pattern matching values that contain `text`, with the user's `%`, `_` and `\` taken literally
 * (backslash is Postgres's default LIKE escape), so a search box can't turn into a wildcard scan.
 */
export function containsPattern(text: string): string {
  return `%${text.replace(/[\\%_]/g, (c) => `\\${c}`)}%`;
}
