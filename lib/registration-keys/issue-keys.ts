import type { Executor } from "@/db/client";
import { registrationKeys, type RegistrationKey } from "@/db/schema";
import { generateKey } from "./key-format";

export interface IssueKeysInput {
  count: number;
  /** Exact keys to issue instead of random ones (the demo seed's published keys). */
  keys?: string[];
  supportUntil: Date;
  note?: string | null;
  issuedByUserId?: string | null;
}

/** Inserts `count` new unclaimed keys; a collision with an existing key is retried, never reused. */
export async function issueKeys(db: Executor, input: IssueKeysInput): Promise<RegistrationKey[]> {
  const issued: RegistrationKey[] = [];
  while (issued.length < input.count) {
    const rows = await db
      .insert(registrationKeys)
      .values(
        Array.from({ length: input.count - issued.length }, (_, i) => ({
          key: input.keys?.[issued.length + i] ?? generateKey(),
          supportUntil: input.supportUntil,
          note: input.note ?? null,
          issuedByUserId: input.issuedByUserId ?? null,
        })),
      )
      .onConflictDoNothing({ target: registrationKeys.key })
      .returning();
    issued.push(...rows);
  }
  return issued;
}
