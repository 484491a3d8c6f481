"use server";

import { and, eq, isNull } from "drizzle-orm";
import { z } from "zod";
import { getDb } from "@/db/client";
import { tenants } from "@/db/schema";
import { memberAction, success } from "@/lib/auth/safe-action";

/** Setup step 3 is done the first time anyone at the practice copies or downloads its link. */
export const markLinkSharedAction = memberAction(z.object({}), {}, async (_input, { tenant }) => {
  const db = await getDb();
  await db
    .update(tenants)
    .set({ portalLinkSharedAt: new Date() })
    .where(and(eq(tenants.id, tenant.id), isNull(tenants.portalLinkSharedAt)));
  return success();
});
