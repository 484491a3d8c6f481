// Words the sign-in pages show, kept in one place so forms, actions and tests agree.

export const SIGN_IN_MESSAGES = {
  // One message for an unknown email and a wrong password: which one it was is nobody's business.
  wrongCredentials: "Wrong email or password.",
  linkNotSent: "We couldn't send the email just now. Please try again in a minute.",
} as const;

/** The friendly message for an Auth.js `?error=` code on /sign-in (unknown codes get a generic one). */
export function signInErrorMessage(code: string | undefined): string | undefined {
  switch (code) {
    case undefined:
    case "":
      return undefined;
    case "Verification":
      return "That sign-in link has expired or has already been used. Ask for a new one below.";
    case "CredentialsSignin":
      return SIGN_IN_MESSAGES.wrongCredentials;
    case "AccessDenied":
      return "We couldn't sign you in with that link. Ask for a new one below.";
    case "MissingCSRF":
      return "The sign-in form had expired. Please try again.";
    default:
      return "Something went wrong while signing you in. Please try again.";
  }
}
