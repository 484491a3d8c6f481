import type { z } from "zod";
import type { ProblemItem } from "./problem";

/** A JSON pointer (RFC 6901) for a path inside the request. */
export function jsonPointer(path: readonly PropertyKey[]): string {
  return path.map((p) => `/${String(p).replace(/~/g, "~0").replace(/\//g, "~1")}`).join("");
}

/** zod's issues as problem items, each pointing at the offending field under `base` (unknown keys point at the key itself). */
export function issuesToProblems(error: z.ZodError, base: readonly PropertyKey[] = []): ProblemItem[] {
  const items: ProblemItem[] = [];
  for (const issue of error.issues) {
    if (issue.code === "unrecognized_keys") {
      for (const key of issue.keys) items.push({ pointer: jsonPointer([...base, ...issue.path, key]), code: "unrecognized_key", message: `Unknown field "${key}".` });
      continue;
    }
    const missing = issue.code === "invalid_type" && issue.input === undefined;
    items.push({ pointer: jsonPointer([...base, ...issue.path]), code: missing ? "required" : issue.code, message: missing ? "This field is required." : issue.message });
  }
  return items;
}
