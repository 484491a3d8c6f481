"use server";

import { redirect } from "next/navigation";
import { z } from "zod";
import { getDb } from "@/db/client";
import { failure, validatedAction } from "@/lib/auth/validated-action";
import { submitDemoCheckout } from "@/lib/payments/demo/demo-checkout";

// Never fails to parse, so the wrapper never echoes what was typed: a card number must not travel back.
const text = (max: number) => z.preprocess((v) => (typeof v === "string" ? v.slice(0, max) : ""), z.string());
const demoCheckoutSchema = z.object({ session: text(100), cardNumber: text(40), expiry: text(20), cvc: text(10), savedCardId: text(100) });

/** The demo page's Pay button: success answers a 303 to the practice's result page; a refusal comes back as the form's alert. */
export const payDemoCheckout = validatedAction(demoCheckoutSchema, async (input) => {
  const entry = input.savedCardId ? { savedCardId: input.savedCardId } : { cardNumber: input.cardNumber, expiry: input.expiry, cvc: input.cvc };
  const result = await submitDemoCheckout(await getDb(), input.session, entry);
  if (result.ok) redirect(result.redirectUrl);
  return { ...failure(result.message, result.field ? { [result.field]: [result.message] } : undefined), values: {} };
});
