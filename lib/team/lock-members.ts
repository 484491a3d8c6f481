import { eq } from "drizzle-orm";
import type { Executor } from "@/db/client";
import { memberships, type MemberRole } from "@/db/schema";

export interface LockedMember {
  userId: string;
  role: MemberRole;
}

/**
 * Every member of the practice, with their rows locked until the transaction ends. Role changes and
 * removals take this lock first, so two owners demoting each other at once can't leave nobody in charge.
 */
export async function lockMembers(tx: Executor, tenantId: string): Promise<LockedMember[]> {
  return tx.select({ userId: memberships.userId, role: memberships.role }).from(memberships).where(eq(memberships.tenantId, tenantId)).for("update");
}

/** How many of `members` are owners. */
export function ownerCount(members: LockedMember[]): number {
  return members.filter((m) => m.role === "owner").length;
}
