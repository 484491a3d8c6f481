import { beforeAll, describe, expect, it } from "vitest";
import { getDb } from "@/db/client";
import { buildSignUpAction } from "@/lib/auth/sign-up";
import { freshEmail } from "./team-setup";

// "Create an account" on an invitation page sends callbackUrl=/invite/<token>; after sign-up the new
// user must come back there, and nowhere off our host.

function form(fields: Record<string, string>): FormData {
  const data = new FormData();
  for (const [k, v] of Object.entries(fields)) data.append(k, v);
  return data;
}

describe("sign-up with a callbackUrl", () => {
  const destinations: string[] = [];
  const signUp = buildSignUpAction(async ({ redirectTo }) => {
    destinations.push(redirectTo);
  });
  beforeAll(async () => {
    await getDb();
  });

  it("sends the new user back to the invitation they came from", async () => {
    const path = "/invite/AbCdEfGhIjKlMnOpQrStUvWxYz0123456789-_abcde";
    const result = await signUp(null, form({ name: "Ivy Invitee", email: freshEmail(), password: "a-long-enough-password", callbackUrl: path }));
    expect(result.ok).toBe(true);
    expect(destinations.at(-1)).toBe(path);
  });

  it("still goes to the dashboard without one, and never to another host", async () => {
    await signUp(null, form({ name: "No Callback", email: freshEmail(), password: "a-long-enough-password" }));
    expect(destinations.at(-1)).toBe("/dashboard");
    for (const evil of ["https://evil.example/phish", "//evil.example", "/\\evil.example"]) {
      await signUp(null, form({ name: "Evil", email: freshEmail(), password: "a-long-enough-password", callbackUrl: evil }));
      expect(destinations.at(-1)).toBe("/dashboard");
    }
  });
});
