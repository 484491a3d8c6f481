import { env } from "@/lib/env";

/** True when our public URLs are https (production): cookies are then marked Secure. */
export function isHttps(): boolean {
  return protocol() === "https";
}

function protocol(): string {
  const { PUBLIC_PROTOCOL, ROOT_DOMAIN } = env();
  if (PUBLIC_PROTOCOL) return PUBLIC_PROTOCOL;
  return /^(localhost|127\.|\[::1\])/.test(ROOT_DOMAIN) ? "http" : "https";
}

/** Absolute URL on the root host (dashboard, sign-in, API). */
export function rootUrl(path = "/"): string {
  return `${protocol()}://${env().ROOT_DOMAIN}${path}`;
}

/** Absolute URL on a practice's patient host. */
export function tenantUrl(slug: string, path = "/"): string {
  return `${protocol()}://${slug}.${env().ROOT_DOMAIN}${path}`;
}
