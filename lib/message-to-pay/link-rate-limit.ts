import type { RateLimitRule } from "@/lib/rate-limit/consume";

/** Personal-link lookups allowed per client IP: plenty for a patient, useless for guessing 256-bit tokens at scale. */
export function linkLookupRule(ip: string): RateLimitRule {
  return { key: `message-link:ip:${ip}`, limit: 60, windowSeconds: 600 };
}
