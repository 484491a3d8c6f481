import { describe, expect, it } from "vitest";
import { containsPattern } from "@/db/contains-pattern";

describe("containsPattern", () => {
  it("matches anywhere in the value and takes the searcher's wildcards and backslashes literally", () => {
    expect(containsPattern("smile")).toBe("%smile%");
    expect(containsPattern("100%_off\\")).toBe("%100\\%\\_off\\\\%");
  });
});
