import "server-only";
import NextAuth, { CredentialsSignin, type NextAuthConfig } from "next-auth";
import Credentials from "next-auth/providers/credentials";
import { env } from "@/lib/env";
import { clientIpFrom, cookieFrom, userAgentFrom } from "./client";
import { DEVICE_COOKIE } from "./device";
import { SESSION_MAX_AGE_MS } from "./session-rule";
import { signInWithPassword, signInWithSecondFactor, type SignInContext } from "./sign-in";
import { endSession } from "./sign-out";

/** Wrong username, password or code: one generic code, never which one. */
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
/** The password was right and a second factor is needed: code carries the signed challenge. */
export class SecondFactorRequired extends CredentialsSignin {
  constructor(challenge: string) {
    super();
    this.code = `second-factor:${challenge}`;
  }
}
/** The second-factor step came after its challenge expired (5 minutes). */
export class ExpiredChallenge extends CredentialsSignin {
  code = "expired";
}

function config(): NextAuthConfig {
  const { AUTH_SECRET, AUTH_TRUST_HOST } = env.auth();
  return {
    secret: AUTH_SECRET,
    trustHost: AUTH_TRUST_HOST,
    // Failed sign-ins are expected traffic, not server errors: keep them out of the error log.
    logger: {
      error(error) {
        if (error instanceof CredentialsSignin) return;
        console.error(error);
      },
    },
    session: { strategy: "jwt", maxAge: SESSION_MAX_AGE_MS / 1000 },
    pages: { signIn: "/login", error: "/login" },
    providers: [
      Credentials({
        credentials: {
          username: { label: "Nama pengguna" },
          password: { label: "Kata sandi", type: "password" },
          challenge: {},
          code: { label: "Kode verifikasi" },
        },
        // The only door to a session. Both steps are throttled, recorded and audited by the
        // sign-in service; a direct POST to /api/auth/callback/credentials meets the same rules.
        async authorize(credentials, request) {
          const ctx: SignInContext = {
            ip: clientIpFrom(request.headers),
            userAgent: userAgentFrom(request.headers),
            deviceToken: cookieFrom(request.headers, DEVICE_COOKIE),
            now: new Date(),
          };
          const outcome = credentials?.challenge
            ? await signInWithSecondFactor({ challenge: credentials.challenge, code: credentials.code }, ctx)
            : await signInWithPassword({ username: credentials?.username, password: credentials?.password }, ctx);
          switch (outcome.kind) {
            case "signed-in":
              return { id: outcome.userId, name: outcome.username, sid: outcome.sessionId };
            case "second-factor":
              throw new SecondFactorRequired(outcome.challenge);
            case "throttled":
              throw new ThrottledLogin(outcome.retryAfterMinutes);
            case "expired":
              throw new ExpiredChallenge();
            default:
              throw new InvalidLogin();
          }
        },
      }),
    ],
    events: {
      // A sign-out through /api/auth/signout (not the "Keluar" button, which revokes first) still
      // ends the Session row; revoking twice is a no-op and is audited once.
      async signOut(message) {
        const token = "token" in message ? message.token : null;
        if (typeof token?.sid === "string" && typeof token.sub === "string") await endSession(token.sub, token.sid, new Date());
      },
    },
    callbacks: {
      // The token carries only the Session row's id: everything else (the user, role, OPD, active
      // flag, revocation, idle time) is read from the database on each request (lib/auth/session.ts).
      jwt({ token, user }) {
        if (user?.sid) token.sid = user.sid;
        return token;
      },
      session({ session, token }) {
        session.sid = token.sid;
        return session;
      },
    },
  };
}

export const { handlers, auth, signIn, signOut } = NextAuth(() => config());
