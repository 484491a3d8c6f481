import { z } from "zod";
import type { Database } from "@/db/client";
import type { SupportContext } from "@/lib/auth/access";
import type { createActionClients } from "@/lib/auth/action-clients";
import { failure, success } from "@/lib/auth/validated-action";
import { extendSupport, releaseKey, revokeKey, type KeyChangeResult } from "@/lib/registration-keys/change-key";
import { issueKeyBatch } from "@/lib/registration-keys/issue-key-batch";
import { formatKey } from "@/lib/registration-keys/key-format";
import { extendSupportSchema, issueKeysSchema, releaseKeySchema, revokeKeySchema } from "@/lib/registration-keys/key-schemas";
import { keysToCsv } from "@/lib/registration-keys/keys-csv";
import { revalidatePortal } from "@/lib/tenancy/revalidate-portal";
import { changeSubdomain } from "./change-subdomain";
import { sendOwnerSignInLink } from "./owner-sign-in-link";
import type { SupportActor } from "./support-actor";
import { inviteSupportSchema, inviteSupportUser, removeSupportSchema, removeSupportUser } from "./support-users";
import { endSupportView, startSupportView } from "./support-views";
import { suspendTenant, unsuspendTenant, type TenantChangeResult } from "./suspend-tenant";
import { changeSubdomainSchema, practiceIdSchema, startViewSchema, suspendSchema, unsuspendSchema } from "./tenant-schemas";

// Every support console action, built once from a supportAction builder. The app binds it to the real
// session (app/support/_components/console-actions.ts); tests bind it to a session they choose, so the
// exact actions the console posts to are the ones tested, guard included.

export interface ConsoleDeps {
  supportAction: ReturnType<typeof createActionClients>["supportAction"];
  db: () => Promise<Database>;
  /** The request's client IP for the audit trail. */
  ip: () => Promise<string | null>;
  /** Marks a console page stale after a change (Next's revalidatePath in the app). */
  revalidatePath: (path: string) => void;
  /** The Auth.js secret that sign-in tokens are hashed with. */
  authSecret: () => string;
}

/** The console's actions; each refuses anyone but support staff with "Not found." before reading its input. */
export function createConsoleActions(deps: ConsoleDeps) {
  const { supportAction } = deps;
  const actor = async (ctx: SupportContext): Promise<SupportActor & { platformRole: SupportContext["user"]["platformRole"] }> => ({
    userId: ctx.user.id,
    email: ctx.user.email,
    platformRole: ctx.user.platformRole,
    ip: await deps.ip(),
  });

  function settleKey(result: KeyChangeResult, message: string) {
    if (!result.ok) return failure(result.message);
    // The practice that held the key opens or closes for the very next patient.
    if (result.tenantSlug) revalidatePortal(result.tenantSlug);
    deps.revalidatePath("/support/keys");
    return success(undefined, message);
  }

  function settleTenant(result: TenantChangeResult, practiceId: string, message: string) {
    if (!result.ok) return failure(result.message);
    revalidatePortal(result.slug);
    deps.revalidatePath(`/support/tenants/${practiceId}`);
    return success(undefined, message);
  }

  return {
    issueKeys: supportAction(issueKeysSchema, async (input, ctx) => {
      const keys = await issueKeyBatch(await deps.db(), await actor(ctx), input);
      deps.revalidatePath("/support/keys");
      const csv = keysToCsv(keys.map((k) => ({ ...k, tenantId: null, tenantName: null, tenantSlug: null })));
      return success({ keys: keys.map((k) => formatKey(k.key)), csv }, `Issued ${keys.length} key${keys.length === 1 ? "" : "s"}.`);
    }),
    extendSupport: supportAction(extendSupportSchema, async (input, ctx) => settleKey(await extendSupport(await deps.db(), await actor(ctx), input), "Support date changed.")),
    revokeKey: supportAction(revokeKeySchema, async (input, ctx) => settleKey(await revokeKey(await deps.db(), await actor(ctx), input), "Key revoked. The practice's portal is closed.")),
    releaseKey: supportAction(releaseKeySchema, async (input, ctx) => settleKey(await releaseKey(await deps.db(), await actor(ctx), input), "Key released. It can be claimed again.")),
    suspend: supportAction(suspendSchema, async (input, ctx) =>
      settleTenant(await suspendTenant(await deps.db(), await actor(ctx), input), input.practiceId, "Practice suspended. Patients now see the unavailable page."),
    ),
    unsuspend: supportAction(unsuspendSchema, async (input, ctx) => settleTenant(await unsuspendTenant(await deps.db(), await actor(ctx), input), input.practiceId, "Suspension lifted.")),
    sendOwnerLink: supportAction(practiceIdSchema, async (input, ctx) => {
      const result = await sendOwnerSignInLink(await deps.db(), await actor(ctx), input, deps.authSecret());
      if (!result.ok) return failure(result.message);
      deps.revalidatePath(`/support/tenants/${input.practiceId}`);
      return success(undefined, `Sign-in link sent to ${result.email}.`);
    }),
    changeSubdomain: supportAction(changeSubdomainSchema, async (input, ctx) => {
      const result = await changeSubdomain(await deps.db(), await actor(ctx), input);
      if (!result.ok) return result.field ? failure(undefined, { slug: [result.message] }) : failure(result.message);
      revalidatePortal(result.oldSlug);
      revalidatePortal(result.newSlug);
      deps.revalidatePath(`/support/tenants/${input.practiceId}`);
      return success(undefined, `Web address changed to ${result.newSlug}; ${result.oldSlug} redirects there for 30 days.`);
    }),
    startView: supportAction(startViewSchema, async (input, ctx) => {
      const result = await startSupportView(await deps.db(), await actor(ctx), input);
      return result.ok ? success({ redirectTo: "/dashboard" }) : failure(result.message);
    }),
    endView: supportAction(z.object({}), async (_input, ctx) => {
      const { tenantId } = await endSupportView(await deps.db(), await actor(ctx));
      return success({ redirectTo: tenantId ? `/support/tenants/${tenantId}` : "/support/tenants" });
    }),
    inviteSupport: supportAction(inviteSupportSchema, async (input, ctx) => {
      const result = await inviteSupportUser(await deps.db(), await actor(ctx), input, deps.authSecret);
      if (!result.ok) return failure(result.message);
      deps.revalidatePath("/support/staff");
      return success(undefined, `Invited ${input.email}; a sign-in link is on its way.`);
    }),
    removeSupport: supportAction(removeSupportSchema, async (input, ctx) => {
      const result = await removeSupportUser(await deps.db(), await actor(ctx), input);
      if (!result.ok) return failure(result.message);
      deps.revalidatePath("/support/staff");
      return success(undefined, "Removed from the support team.");
    }),
  };
}

export type ConsoleActions = ReturnType<typeof createConsoleActions>;
