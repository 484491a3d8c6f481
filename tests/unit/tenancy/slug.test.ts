import { describe, expect, it } from "vitest";
import { isReservedSubdomain, slugSchema } from "@/lib/tenancy/slug";

describe("slugSchema", () => {
  it("accepts a DNS-safe name and lower-cases it", () => {
    expect(slugSchema.parse("  Bright-Smiles ")).toBe("bright-smiles");
  });

  it.each([
    ["ab", "Use at least 3 characters."],
    ["a".repeat(41), "Use at most 40 characters."],
    ["bright smiles", "Use only letters, numbers and hyphens."],
    ["bright_smiles", "Use only letters, numbers and hyphens."],
    ["-bright", "Start and end with a letter or number, and don't use two hyphens in a row."],
    ["bright--smiles", "Start and end with a letter or number, and don't use two hyphens in a row."],
    ["support", "That name is reserved. Please choose another."],
  ])("refuses %j with a specific message", (input, message) => {
    const result = slugSchema.safeParse(input);
    expect(result.success).toBe(false);
    expect(result.error?.issues[0]?.message).toBe(message);
  });

  it("knows our own subdomains are reserved", () => {
    expect(isReservedSubdomain("api")).toBe(true);
    expect(isReservedSubdomain("bright-smiles")).toBe(false);
  });
});
