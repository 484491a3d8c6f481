// The demo processor accepts Stripe's public test numbers (https://docs.stripe.com/testing), so a
// practice trying Chairside sees the same cards succeed and fail as it will with Stripe's test mode.

export interface TestCard {
  brand: string;
  last4: string;
  /** Set for numbers that are always declined. */
  decline?: string;
}

const TEST_CARDS: Record<string, TestCard> = {
  "4242424242424242": { brand: "visa", last4: "4242" },
  "5555555555554444": { brand: "mastercard", last4: "4444" },
  "4000000000000002": { brand: "visa", last4: "0002", decline: "Your card was declined." },
};

export type CardEntry = { ok: true; card: TestCard; expMonth: number; expYear: number } | { ok: false; field: "cardNumber" | "expiry" | "cvc"; message: string };

/** Reads what the patient typed. The full number is used only here and never kept, returned or logged. */
export function readTestCard(input: { cardNumber: string; expiry: string; cvc: string }, today = new Date()): CardEntry {
  const card = TEST_CARDS[input.cardNumber.replace(/[\s-]/g, "")];
  if (!card) return { ok: false, field: "cardNumber", message: "Your card number is invalid." };
  const digits = input.expiry.replace(/\D/g, "");
  const expMonth = Number(digits.slice(0, 2));
  const expYear = 2000 + Number(digits.slice(2));
  if (digits.length !== 4 || expMonth < 1 || expMonth > 12) return { ok: false, field: "expiry", message: "Your card's expiration date is incomplete." };
  if (expYear * 12 + expMonth < today.getFullYear() * 12 + today.getMonth() + 1) return { ok: false, field: "expiry", message: "Your card's expiration date is in the past." };
  if (!/^\d{3,4}$/.test(input.cvc.trim())) return { ok: false, field: "cvc", message: "Your card's security code is incomplete." };
  return { ok: true, card, expMonth, expYear };
}
