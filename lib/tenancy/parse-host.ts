import { isReservedSubdomain, isSlugShaped } from "./slug";

// Pure and edge-safe: the middleware calls this on every request, with no DB.

export type HostTarget =
  | { kind: "root" }
  | { kind: "tenant"; slug: string }
  /** A subdomain of ours that is not a practice (api., mail., …). */
  | { kind: "reserved"; label: string }
  /** Not a host we can answer for: malformed, over-long, or nested subdomains. */
  | { kind: "invalid" };

const MAX_HOST_LENGTH = 253 + 6; // longest DNS name plus ":65535"
const IPV4_RE = /^\d{1,3}(?:\.\d{1,3}){3}$/;
const HOSTNAME_RE = /^(?=.{1,253}$)[a-z0-9_-]{1,63}(?:\.[a-z0-9_-]{1,63})*$/;
/** Subdomains that are just other names for the root site. */
const ROOT_ALIASES = new Set(["www", "app"]);

function stripPort(host: string): { hostname: string; ok: boolean } {
  if (host.startsWith("[")) {
    // IPv6 literal, with or without a port.
    const end = host.indexOf("]");
    const rest = host.slice(end + 1);
    return { hostname: host.slice(0, end + 1), ok: end > 0 && (rest === "" || /^:\d{1,5}$/.test(rest)) };
  }
  const m = /^([^:]+)(?::(\d{1,5}))?$/.exec(host);
  return m ? { hostname: m[1]!, ok: true } : { hostname: "", ok: false };
}

/** Maps a Host header to the root site, a practice's slug, or a refusal. Case- and port-insensitive. */
export function parseHost(hostHeader: string | null | undefined, rootDomain: string): HostTarget {
  // HTTP/1.0 clients and health checks may send no Host at all: they get the site.
  if (!hostHeader) return { kind: "root" };
  if (hostHeader.length > MAX_HOST_LENGTH) return { kind: "invalid" };
  const { hostname: rawName, ok } = stripPort(hostHeader.trim().toLowerCase());
  if (!ok) return { kind: "invalid" };
  if (rawName.startsWith("[")) return { kind: "root" };
  const hostname = rawName.endsWith(".") ? rawName.slice(0, -1) : rawName;
  if (!HOSTNAME_RE.test(hostname)) return { kind: "invalid" };
  if (IPV4_RE.test(hostname)) return { kind: "root" };

  const root = stripPort(rootDomain.toLowerCase()).hostname;
  if (hostname === root) return { kind: "root" };
  if (!hostname.endsWith(`.${root}`)) {
    // Someone else's name pointed at us (a platform's default domain, a load balancer): the site.
    return { kind: "root" };
  }
  const label = hostname.slice(0, -(root.length + 1));
  if (label.includes(".")) return { kind: "invalid" };
  if (ROOT_ALIASES.has(label)) return { kind: "root" };
  if (isReservedSubdomain(label)) return { kind: "reserved", label };
  if (!isSlugShaped(label)) return { kind: "invalid" };
  return { kind: "tenant", slug: label };
}
