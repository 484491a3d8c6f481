import NextAuth from "next-auth";
import { DrizzleAdapter } from "@auth/drizzle-adapter";
import { getDb } from "@/db/client";
import { accounts, sessions, users, verificationTokens } from "@/db/schema";
import { authConfig } from "./config";
import { authSecret } from "./secret";

// Config as a function: the database opens lazily (PGlite takes seconds) and the secret may live in a
// file, neither of which can happen at import time.

/** Auth.js bound to our tables: `auth()` reads the session, `handlers` serve /api/auth/*. */
export const { auth, handlers, signIn, signOut } = NextAuth(async () => ({
  ...authConfig,
  secret: authSecret(),
  adapter: DrizzleAdapter(await getDb(), {
    usersTable: users,
    accountsTable: accounts,
    sessionsTable: sessions,
    verificationTokensTable: verificationTokens,
  }),
}));
