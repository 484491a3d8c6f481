import { describe, expect, it } from "vitest";
import { centsToDecimalString, formatCents, parseMoneyToCents } from "@/lib/money";

describe("money", () => {
  it.each([
    ["12", 1200],
    ["12.5", 1250],
    ["12.05", 1205],
    ["$1,234.56", 123456],
    [" $ 0.99 ", 99],
    [".75", 75],
    ["-3.10", -310],
    ["1234567.89", 123456789],
  ])("parses %j as %i cents", (input, cents) => {
    expect(parseMoneyToCents(input)).toBe(cents);
  });

  it.each(["", "abc", "1.234", "1,23", "12,34.00", "$", "1e3", "0x10", "--1"])("refuses %j", (input) => {
    expect(parseMoneyToCents(input)).toBeNull();
  });

  it("never loses a cent on values floats get wrong", () => {
    expect(parseMoneyToCents("0.29")).toBe(29);
    expect(parseMoneyToCents("1.15")).toBe(115);
    expect(parseMoneyToCents("4.35")).toBe(435);
  });

  it("formats cents per locale", () => {
    expect(formatCents(123456)).toBe("$1,234.56");
    expect(formatCents(123456, "usd", "es-US")).toMatch(/1,234\.56/);
    expect(centsToDecimalString(5)).toBe("0.05");
    expect(centsToDecimalString(-12345)).toBe("-123.45");
  });
});
