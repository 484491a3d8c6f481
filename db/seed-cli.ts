// npm run db:seed — adds the demo practice to the configured database if it is missing.
import { formatKey } from "@/lib/registration-keys/key-format";
import { closeDb, getDb } from "./client";
import { DEMO, seedDemo } from "./seed";

try {
  const summary = await seedDemo(await getDb());
  if (!summary) console.log(`The demo practice "${DEMO.slug}" already exists; nothing to do.`);
  else console.log(`Seeded "${DEMO.name}". Unclaimed registration keys:\n${summary.unclaimedKeys.map((k) => `  ${formatKey(k)}`).join("\n")}`);
} finally {
  await closeDb();
}
