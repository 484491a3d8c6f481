import { describe, expect, it } from "vitest";
import { negotiateLocale } from "@/lib/i18n/locales";

describe("negotiateLocale", () => {
  it.each([
    [null, "es-MX,es;q=0.9,en;q=0.8", "es"],
    [null, "en-US,en;q=0.9,es;q=0.8", "en"],
    [null, "fr-FR,es;q=0.5", "es"],
    [null, "fr-FR", "en"],
    [null, "", "en"],
    [null, "en;q=0.2, es;q=0.9", "es"],
    [null, "es;q=0", "en"],
    ["es", "en-US", "es"],
    ["en", "es-MX", "en"],
    ["de", "es-MX", "es"],
  ])("choice %j with Accept-Language %j → %s", (choice, header, expected) => {
    expect(negotiateLocale(choice, header)).toBe(expected);
  });
});
