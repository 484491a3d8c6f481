import "server-only";
import { revalidatePath } from "next/cache";
import { getDb } from "@/db/client";
import { supportAction } from "@/lib/auth/safe-action";
import { authSecret } from "@/lib/auth/secret";
import { requestIp } from "@/lib/platform/request-ip";
import { createConsoleActions } from "@/lib/support/console-actions";

/** The console's actions bound to this request's session; the "use server" files re-export them. */
export const consoleActions = createConsoleActions({ supportAction, db: getDb, ip: requestIp, revalidatePath: (path) => revalidatePath(path), authSecret });
