// Edge- and browser-safe: turns a name into a URL part ("Sonrisas Peñalolén #2" → "sonrisas-penalolen-2").

/** Lower-case letters, digits and single hyphens, at most 40 characters; "" when nothing is left. */
export function slugify(name: string): string {
  return name
    .normalize("NFKD")
    .replace(/\p{M}/gu, "")
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, "-")
    .replace(/^-+|-+$/g, "")
    .slice(0, 40)
    .replace(/-+$/, "");
}
