import type { NextAuthConfig } from "next-auth";
import { eq } from "drizzle-orm";
import { getDb } from "@/db/client";
import { users } from "@/db/schema";

// Auth.js callbacks, apart from config.ts so they can be tested without loading next-auth itself.
// (User.platformRole and JWT.platformRole are declared by the module augmentation in config.ts.)

/** Magic links sign in existing accounts only; the token carries id + platform role; the session exposes exactly id, email, name, platformRole. */
export const authCallbacks = {
  async signIn({ user, account, email }) {
    // We only ever mail links to existing accounts; refuse the callback for anyone else too, so a
    // magic link can never create an account (sign-up is the one place that does).
    if (account?.type !== "email" || email?.verificationRequest || !user.email) return true;
    const db = await getDb();
    const [existing] = await db.select({ id: users.id, emailVerified: users.emailVerified, passwordHash: users.passwordHash }).from(users).where(eq(users.email, user.email));
    if (!existing) return false;
    // A password set by someone who never proved they own this address (a squatted sign-up) must not
    // keep working once the real owner proves it: the first link sign-in clears it.
    if (!existing.emailVerified && existing.passwordHash) await db.update(users).set({ passwordHash: null }).where(eq(users.id, existing.id));
    return true;
  },
  jwt({ token, user }) {
    // `user` is only present at sign-in; copy named fields only (the adapter's row has the password hash).
    if (user) {
      token.sub = user.id;
      token.platformRole = user.platformRole ?? null;
    }
    return token;
  },
  session({ session, token }) {
    // A fresh object: exactly the four typed fields reach the app, nothing else from the token.
    const user = { id: token.sub ?? "", email: token.email ?? "", name: token.name ?? null, platformRole: token.platformRole ?? null };
    return { ...session, user };
  },
} satisfies NextAuthConfig["callbacks"];
