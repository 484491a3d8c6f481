// npm run keys:issue -- --count N --support-until YYYY-MM-DD [--note "…"]
import { parseArgs } from "node:util";
import { z } from "zod";
import { closeDb, getDb } from "@/db/client";
import { issueKeys } from "./issue-keys";
import { formatKey } from "./key-format";

const argsSchema = z.object({
  count: z.coerce.number().int().min(1).max(10_000),
  "support-until": z.iso.date().transform((d) => new Date(`${d}T23:59:59Z`)).refine((d) => d > new Date(), "must be in the future"),
  note: z.string().max(500).optional(),
});

const { values } = parseArgs({ options: { count: { type: "string" }, "support-until": { type: "string" }, note: { type: "string" } } });
const parsed = argsSchema.safeParse(values);
if (!parsed.success) {
  for (const issue of parsed.error.issues) console.error(`--${issue.path.join(".")}: ${issue.message}`);
  console.error("usage: npm run keys:issue -- --count N --support-until YYYY-MM-DD [--note TEXT]");
  process.exit(2);
}
try {
  const keys = await issueKeys(await getDb(), { count: parsed.data.count, supportUntil: parsed.data["support-until"], note: parsed.data.note });
  for (const k of keys) console.log(formatKey(k.key));
} finally {
  await closeDb();
}
