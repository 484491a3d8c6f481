import { eq } from "drizzle-orm";
import { describe, expect, it } from "vitest";
import { getDb } from "@/db/client";
import { tenants } from "@/db/schema";

describe("data layer", () => {
  it("stores and reads a tenant through the configured driver", async () => {
    const db = await getDb();
    const [created] = await db.insert(tenants).values({ slug: "driver-check", name: "Driver Check" }).returning();
    const [read] = await db.select().from(tenants).where(eq(tenants.id, created!.id));
    expect(read?.name).toBe("Driver Check");
    expect(read?.maxPaymentCents).toBe(500_000);
  });

  it("rolls back a failed transaction completely", async () => {
    const db = await getDb();
    await expect(
      db.transaction(async (tx) => {
        await tx.insert(tenants).values({ slug: "rolled-back", name: "Rolled Back" });
        await tx.insert(tenants).values({ slug: "rolled-back", name: "Duplicate" });
      }),
    ).rejects.toThrow();
    expect(await db.select().from(tenants).where(eq(tenants.slug, "rolled-back"))).toEqual([]);
  });
});
