"use server";

import { redirect } from "next/navigation";
import { z } from "zod";
import { getDb } from "@/db/client";
import { failure, memberAction, success } from "@/lib/auth/safe-action";
import { disconnectProcessor, processorDashboardLink, startProcessorOnboarding } from "@/lib/payments";
import { requestIp } from "@/lib/platform/request-ip";
import { revalidatePortal } from "@/lib/tenancy/revalidate-portal";

const connectSchema = z.object({ kind: z.enum(["stripe", "demo"], { error: "Choose a processor." }) });

export const connectProcessorAction = memberAction(connectSchema, { role: "owner" }, async ({ kind }, { user, tenant }) => {
  const result = await startProcessorOnboarding(await getDb(), { tenantId: tenant.id, actorUserId: user.id, ip: await requestIp() }, kind);
  if (!result.ok) return failure(result.message);
  if (result.portalChanged) revalidatePortal(tenant.slug);
  if (result.next === "redirect") redirect(result.url);
  return success(undefined, "Connected. Patients can pay once your registration key is active.");
});

const disconnectSchema = z.object({ confirm: z.literal("yes", { error: "Tick the box to confirm." }) });

export const disconnectProcessorAction = memberAction(disconnectSchema, { role: "owner" }, async (_input, { user, tenant }) => {
  const result = await disconnectProcessor(await getDb(), { tenantId: tenant.id, actorUserId: user.id, ip: await requestIp() });
  if (!result.ok) return failure(result.message);
  if (result.portalChanged) revalidatePortal(tenant.slug);
  return success(undefined, "Disconnected. Patients can't pay online until you connect a processor again.");
});

/** One-time login links expire quickly, so one is made only when the owner asks for it. */
export const openProcessorDashboardAction = memberAction(z.object({}), { role: "owner" }, async (_input, { tenant }) => {
  const link = await processorDashboardLink(await getDb(), tenant.id);
  if (!link.ok) return failure(link.message);
  redirect(link.url);
});
