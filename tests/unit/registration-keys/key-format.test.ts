import { describe, expect, it } from "vitest";
import { formatKey, generateKey, KEY_ALPHABET, keyShapeMessage, keyShapeProblem, normalizeKey } from "@/lib/registration-keys/key-format";

describe("registration key format", () => {
  it("generates keys that pass their own check", () => {
    for (let i = 0; i < 200; i++) expect(keyShapeProblem(generateKey())).toBeNull();
  });

  it("accepts a pasted key with spaces, dashes and lower case", () => {
    const key = generateKey();
    const pasted = ` ${formatKey(key).toLowerCase().replaceAll("-", " - ")} `;
    expect(normalizeKey(pasted)).toBe(key);
    expect(keyShapeProblem(pasted)).toBeNull();
  });

  it("catches every single-character typo", () => {
    const key = generateKey();
    for (let pos = 0; pos < key.length; pos++) {
      for (const ch of KEY_ALPHABET) {
        if (ch === key[pos]) continue;
        const typo = key.slice(0, pos) + ch + key.slice(pos + 1);
        expect(keyShapeProblem(typo)).toBe("checksum");
      }
    }
  });

  it("catches swapped neighbours", () => {
    const key = generateKey();
    for (let pos = 0; pos < key.length - 1; pos++) {
      if (key[pos] === key[pos + 1]) continue;
      const swapped = key.slice(0, pos) + key[pos + 1] + key[pos] + key.slice(pos + 2);
      expect(keyShapeProblem(swapped)).toBe("checksum");
    }
  });

  it("names the problem for wrong length and look-alike characters", () => {
    expect(keyShapeProblem("ABCD-EFGH")).toBe("length");
    expect(keyShapeProblem("ABCD-EFGH-JKLM-NPQ0")).toBe("characters");
    expect(keyShapeMessage("characters")).toContain("O/0");
  });

  it("formats keys in groups of four", () => {
    expect(formatKey("abcdefghjklmnpqr")).toBe("ABCD-EFGH-JKLM-NPQR");
  });
});
