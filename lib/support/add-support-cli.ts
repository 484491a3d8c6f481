// npm run support:add -- <email> — makes <email> a support admin (creates the account if needed); safe to re-run.
import { z } from "zod";
import { closeDb, getDb } from "@/db/client";
import { rootUrl } from "@/lib/tenancy/urls";
import { ensureSupportAdmin } from "./support-users";

const email = z.email().trim().toLowerCase().safeParse(process.argv[2] ?? "");
if (!email.success) {
  console.error("usage: npm run support:add -- <email>");
  process.exit(2);
}
try {
  const result = await ensureSupportAdmin(await getDb(), email.data);
  console.log(
    result.created
      ? `Created ${email.data} as a support admin.`
      : result.changed
        ? `${email.data} is now a support admin.`
        : `${email.data} is already a support admin; nothing changed.`,
  );
  console.log(`Sign in at ${rootUrl("/sign-in")} with "Email me a sign-in link" (or a password, if the account has one), then open ${rootUrl("/support")}.`);
} finally {
  await closeDb();
}
