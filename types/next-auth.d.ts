import "next-auth";
import "@auth/core/jwt";

declare module "next-auth" {
  interface User {
    /** Session row created by the sign-in (lib/auth/sign-in.ts). */
    sid?: string;
  }
  interface Session {
    sid?: string;
  }
}

declare module "@auth/core/jwt" {
  interface JWT {
    /** The Session row this cookie stands for; the row decides whether it is still valid. */
    sid?: string;
  }
}
