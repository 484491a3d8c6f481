import { describe, expect, it } from "vitest";
import { z } from "zod";
import { failure, success, validatedAction } from "@/lib/auth/validated-action";
import { form } from "./records";

const schema = z.object({
  email: z.email("Enter a valid email."),
  password: z.string().min(10, "Too short."),
  tags: z.array(z.string()).optional(),
});

describe("validatedAction", () => {
  it("returns field errors and never runs the action for invalid form data", async () => {
    let ran = false;
    const action = validatedAction(schema, async () => {
      ran = true;
      return success();
    });
    const result = await action(null, form({ email: "nope", password: "short" }));
    expect(result).toEqual({
      ok: false,
      fieldErrors: { email: ["Enter a valid email."], password: ["Too short."] },
      values: { email: "nope" },
    });
    expect(ran).toBe(false);
  });

  it("passes parsed input to the action and returns its result", async () => {
    const action = validatedAction(schema, async (input) => success({ email: input.email }));
    expect(await action(null, { email: "a@example.test", password: "long-enough-1" })).toEqual({ ok: true, data: { email: "a@example.test" } });
  });

  it("turns repeated form fields into a list", async () => {
    const action = validatedAction(schema, async (input) => success(input.tags));
    const data = form({ email: "a@example.test", password: "long-enough-1" });
    data.append("tags", "x");
    data.append("tags", "y");
    expect(await action(null, data)).toEqual({ ok: true, data: ["x", "y"] });
  });

  it("refills the form, minus the password, when the action itself refuses", async () => {
    const action = validatedAction(schema, async () => failure("Nope."));
    expect(await action(null, form({ email: "a@example.test", password: "long-enough-1" }))).toEqual({
      ok: false,
      formError: "Nope.",
      values: { email: "a@example.test" },
    });
  });
});
