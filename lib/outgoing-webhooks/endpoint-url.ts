import { lookup } from "node:dns/promises";
import { isIP } from "node:net";

// Webhook URLs are typed by practices, and we fetch them from inside our network: refuse anything that could
// reach our own or a private network (SSRF). Plain http only for a local receiver outside production.

const LOCAL_HOSTS = new Set(["localhost", "127.0.0.1", "[::1]"]);

/** True for loopback, private, link-local, CGNAT and unspecified addresses (IPv4 and IPv6, including v4-mapped). */
export function isPrivateAddress(address: string): boolean {
  const ip = address.replace(/^\[|\]$/g, "").toLowerCase();
  const mapped = /^::ffff:(\d+\.\d+\.\d+\.\d+)$/.exec(ip);
  if (mapped) return isPrivateAddress(mapped[1]!);
  if (isIP(ip) === 4) {
    const [a, b] = ip.split(".").map(Number) as [number, number];
    return a === 0 || a === 10 || a === 127 || (a === 169 && b === 254) || (a === 172 && b >= 16 && b <= 31) || (a === 192 && b === 168) || (a === 100 && b >= 64 && b <= 127) || a >= 224;
  }
  if (isIP(ip) === 6) return ip === "::" || ip === "::1" || /^f[cd]/.test(ip) || /^fe[89ab]/.test(ip);
  return false;
}

/** The URL if a practice may register it, else a message for the form. */
export function checkEndpointUrl(raw: string, production: boolean): { ok: true; url: string } | { ok: false; message: string } {
  let url: URL;
  try {
    url = new URL(raw.trim());
  } catch {
    return { ok: false, message: "Enter a full URL starting with https://." };
  }
  if (url.username || url.password) return { ok: false, message: "Leave user names and passwords out of the URL." };
  const host = url.hostname.toLowerCase();
  const local = LOCAL_HOSTS.has(host);
  if (url.protocol === "http:" && !(local && !production)) return { ok: false, message: "The URL must start with https://." };
  if (url.protocol !== "https:" && url.protocol !== "http:") return { ok: false, message: "The URL must start with https://." };
  if (production && (local || host.endsWith(".localhost") || host.endsWith(".internal") || isPrivateAddress(host))) {
    return { ok: false, message: "The URL must point at a public server, not a private or local address." };
  }
  return { ok: true, url: url.toString() };
}

/** In production, refuses a host that resolves to a private address at delivery time (names can change after registration). */
export async function assertPublicHost(url: string, production: boolean): Promise<void> {
  if (!production) return;
  const host = new URL(url).hostname;
  const addresses = isIP(host.replace(/^\[|\]$/g, "")) ? [{ address: host }] : await lookup(host, { all: true });
  if (addresses.some((a) => isPrivateAddress(a.address))) throw new Error("endpoint resolves to a private address");
}
