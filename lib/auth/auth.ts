import "server-only";
import NextAuth, { CredentialsSignin } from "next-auth";
import Credentials from "next-auth/providers/credentials";
import { getDb } from "@/lib/db";
import { dummyPasswordHash, verifyPassword } from "./password";
import { checkLoginThrottle, clientIpFrom, recordLoginAttempt } from "./throttle";

export const SESSION_MAX_AGE_S = 8 * 60 * 60;

/** Wrong username or password: one generic code, never which of the two. */
export class InvalidLogin extends CredentialsSignin {
  code = "invalid";
}
/** Too many failures: code carries the minutes to wait. */
export class ThrottledLogin extends CredentialsSignin {
  constructor(minutes: number) {
    super();
    this.code = `throttled:${minutes}`;
  }
}

export const { handlers, auth, signIn, signOut } = NextAuth({
  trustHost: true,
  // Failed sign-ins are expected traffic, not server errors: keep them out of the error log.
  logger: {
    error(error) {
      if (error instanceof CredentialsSignin) return;
      console.error(error);
    },
  },
  session: { strategy: "jwt", maxAge: SESSION_MAX_AGE_S },
  pages: { signIn: "/login", error: "/login" },
  providers: [
    Credentials({
      credentials: { username: { label: "Nama pengguna" }, password: { label: "Kata sandi", type: "password" } },
      async authorize(credentials, request) {
        const username = String(credentials?.username ?? "").trim().toLowerCase().slice(0, 64);
        const password = String(credentials?.password ?? "").slice(0, 256);
        const ip = clientIpFrom(request.headers);
        if (!username || !password) throw new InvalidLogin();

        const verdict = await checkLoginThrottle(username, ip);
        if (verdict.blocked) throw new ThrottledLogin(verdict.retryAfterMinutes);

        const db = getDb();
        const user = await db.user.findUnique({ where: { username } });
        const ok = await verifyPassword(user?.passwordHash ?? (await dummyPasswordHash()), password);
        if (!user || !ok || !user.active) {
          await recordLoginAttempt(username, ip, false);
          if (user) {
            await db.user.update({
              where: { id: user.id },
              data: { failedLoginCount: { increment: 1 }, lastFailedLoginAt: new Date() },
            });
          }
          throw new InvalidLogin();
        }
        await recordLoginAttempt(username, ip, true);
        await db.user.update({ where: { id: user.id }, data: { failedLoginCount: 0, lastLoginAt: new Date() } });
        return { id: user.id, name: user.fullName, sessionVersion: user.sessionVersion };
      },
    }),
  ],
  callbacks: {
    // The token carries only identity, session version and sign-in time; role, OPD and the
    // active flag are re-read from the database on every request (lib/auth/session.ts).
    jwt({ token, user }) {
      if (user?.id) {
        token.uid = user.id;
        token.sv = user.sessionVersion;
        token.iat0 = Math.floor(Date.now() / 1000);
      }
      return token;
    },
    session({ session, token }) {
      session.uid = token.uid;
      session.sv = token.sv;
      session.iat0 = token.iat0;
      return session;
    },
  },
});
