// The payments feed's cursor is opaque to clients: a versioned, base64url-wrapped feed position. It only
// positions within the caller's own practice (every feed query filters by the key's practice), so a forged
// cursor can skip or replay that practice's changes but never reveal another's.

/** The cursor for a feed position (0 = the beginning). */
export function encodeFeedCursor(position: number): string {
  return Buffer.from(`v1:${position}`, "utf8").toString("base64url");
}

/** The feed position in a cursor, or null when it isn't one of ours. */
export function decodeFeedCursor(cursor: string): number | null {
  const m = /^v1:(\d{1,15})$/.exec(Buffer.from(cursor, "base64url").toString("utf8"));
  return m ? Number(m[1]) : null;
}
