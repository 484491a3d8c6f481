import type { NextAuthConfig } from "next-auth";
import { clientIp } from "@/lib/platform/client-ip";
import type { EmailConfig } from "next-auth/providers/email";
import Credentials from "next-auth/providers/credentials";
import { AuthError } from "next-auth";
import { getDb } from "@/db/client";
import type { PlatformRole } from "@/db/schema";
import { authCallbacks } from "./callbacks";
import { authorizeCredentials } from "./credentials";
import { MAGIC_LINK_MINUTES, sendMagicLinkEmail } from "./magic-link-email";

// Everything Auth.js needs except the database adapter and the secret, which index.ts adds per
// request (both need I/O). No cookie domain: sessions are host-only, on the root host.

declare module "next-auth" {
  interface User {
    platformRole?: PlatformRole | null;
  }
  interface Session {
    user: {
      id: string;
      email: string;
      name: string | null;
      platformRole: PlatformRole | null;
    };
  }
}

declare module "@auth/core/jwt" {
  interface JWT {
    platformRole?: PlatformRole | null;
  }
}

/** Thrown when the sign-in email could not be handed over; an AuthError, so signIn() rethrows it to our action. */
export class SignInEmailNotSent extends AuthError {
  static type = "EmailSignInError";
}

const magicLink: EmailConfig = {
  id: "email",
  type: "email",
  name: "Email",
  maxAge: MAGIC_LINK_MINUTES * 60,
  async sendVerificationRequest({ identifier, url }) {
    try {
      await sendMagicLinkEmail(await getDb(), identifier, url);
    } catch (err) {
      throw new SignInEmailNotSent("The sign-in email could not be sent", { cause: err });
    }
  },
};

/** Providers, pages, session strategy and callbacks; index.ts adds the adapter and secret. */
export const authConfig = {
  trustHost: true,
  // Credentials sign-in only works with JWT sessions; the adapter still stores users and magic-link tokens.
  session: { strategy: "jwt", maxAge: 12 * 60 * 60 },
  pages: { signIn: "/sign-in", verifyRequest: "/sign-in/check-email", error: "/sign-in" },
  providers: [
    Credentials({
      id: "credentials",
      credentials: { email: { label: "Email", type: "email" }, password: { label: "Password", type: "password" } },
      authorize: async (credentials, request) =>
        authorizeCredentials(await getDb(), credentials, clientIp(request.headers)),
    }),
    magicLink,
  ],
  callbacks: authCallbacks,
} satisfies NextAuthConfig;
