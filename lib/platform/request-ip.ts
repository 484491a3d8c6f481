import "server-only";
import { headers } from "next/headers";

/** The client's IP as our proxy reports it (first X-Forwarded-For hop), or "unknown". */
export async function requestIp(): Promise<string> {
  const h = await headers();
  const forwarded = h.get("x-forwarded-for")?.split(",")[0]?.trim();
  return forwarded || h.get("x-real-ip") || "unknown";
}
