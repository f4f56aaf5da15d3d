import "server-only";
import { cookies, headers } from "next/headers";
import { clientIpFrom } from "@/lib/auth/client";
import { DEVICE_COOKIE } from "@/lib/auth/device";

/** Who is asking, for the throttle of re-authentication (same buckets as the sign-in). */
export type RequestClient = { ip: string; deviceToken: string | null };

export async function requestClient(): Promise<RequestClient> {
  const [h, jar] = await Promise.all([headers(), cookies()]);
  return { ip: clientIpFrom(h), deviceToken: jar.get(DEVICE_COOKIE)?.value ?? null };
}
