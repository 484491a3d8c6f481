import "server-only";
import { cache } from "react";
import { cookies } from "next/headers";
import { auth } from "./index";
import { PRACTICE_COOKIE } from "./membership";
import type { SessionRequest } from "./access";

/** The session's user id and the practice cookie for the current request (read once per request). */
export const readSessionRequest = cache(async (): Promise<SessionRequest> => {
  const [session, jar] = await Promise.all([auth(), cookies()]);
  return { userId: session?.user?.id || null, preferredTenantId: jar.get(PRACTICE_COOKIE)?.value ?? null };
});
