import { z } from "zod";

// Shared by the forms (to show the rules) and the server actions (to enforce them).

export const PASSWORD_MIN_LENGTH = 10;
// bcrypt silently ignores everything after 72 bytes; refuse longer rather than pretend it counts.
const PASSWORD_MAX_BYTES = 72;
export const PASSWORD_RULE = `At least ${PASSWORD_MIN_LENGTH} characters.`;

/** Trimmed, lower-cased email, as Auth.js normalises magic-link addresses, so one person is one row. */
export const emailField = z
  .string({ error: "Enter your email address." })
  .trim()
  .toLowerCase()
  .min(1, "Enter your email address.")
  .pipe(z.email("Enter a valid email address, like name@example.com."));

/** The page to return to after signing in; only checked for shape here, made safe by safeCallbackUrl. */
const callbackUrlField = z.string().max(2000).optional();

export const signInSchema = z.object({
  email: emailField,
  // No length rule on sign-in: the check is the stored hash, and rules may change after sign-up.
  password: z.string({ error: "Enter your password." }).min(1, "Enter your password.").max(1000),
  callbackUrl: callbackUrlField,
});
export type SignInInput = z.infer<typeof signInSchema>;

export const magicLinkSchema = z.object({
  email: emailField,
  callbackUrl: callbackUrlField,
});
export type MagicLinkInput = z.infer<typeof magicLinkSchema>;

export const signUpSchema = z.object({
  name: z.string({ error: "Enter your name." }).trim().min(1, "Enter your name.").max(100, "Use at most 100 characters."),
  email: emailField,
  password: z
    .string({ error: "Choose a password." })
    .min(PASSWORD_MIN_LENGTH, `Use at least ${PASSWORD_MIN_LENGTH} characters.`)
    .refine((p) => new TextEncoder().encode(p).length <= PASSWORD_MAX_BYTES, "Use at most 72 characters."),
  callbackUrl: callbackUrlField,
});
export type SignUpInput = z.infer<typeof signUpSchema>;

/** Sign-up without a password: the emailed link both signs the person in and proves the address. */
export const linkSignUpSchema = signUpSchema.pick({ name: true, email: true, callbackUrl: true });
export type LinkSignUpInput = z.infer<typeof linkSignUpSchema>;
