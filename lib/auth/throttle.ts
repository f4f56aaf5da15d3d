import "server-only";
import { getDb } from "@/lib/db";
import { combineVerdicts, evaluateThrottle, LOGIN_MAX_FAILURES, LOGIN_WINDOW_MS, type ThrottleVerdict } from "./throttle-rule";

/** Failures for one key since its last success, inside the window, newest first. */
async function recentFailures(field: "username" | "ip", value: string, now: Date): Promise<Date[]> {
  const since = new Date(now.getTime() - LOGIN_WINDOW_MS);
  const rows = await getDb().loginAttempt.findMany({
    where: { [field]: value, createdAt: { gte: since } },
    orderBy: { createdAt: "desc" },
    take: LOGIN_MAX_FAILURES * 4,
    select: { success: true, createdAt: true },
  });
  // A success clears the username's count; an address is not cleared by one success,
  // otherwise one valid account would unlock guessing at every other account.
  const out: Date[] = [];
  for (const r of rows) {
    if (r.success) {
      if (field === "username") break;
      continue;
    }
    out.push(r.createdAt);
  }
  return out;
}

export async function checkLoginThrottle(username: string, ip: string, now = new Date()): Promise<ThrottleVerdict> {
  const [byUser, byIp] = await Promise.all([recentFailures("username", username, now), recentFailures("ip", ip, now)]);
  return combineVerdicts(evaluateThrottle(byUser, now), evaluateThrottle(byIp, now));
}

export async function recordLoginAttempt(username: string, ip: string, success: boolean): Promise<void> {
  await getDb().loginAttempt.create({ data: { username, ip, success } });
}

/**
 * Client address for per-address throttling. Next.js fills X-Forwarded-For from the socket only when
 * the request has none, and each reverse proxy that uses `$proxy_add_x_forwarded_for` appends the
 * address it saw. So the trustworthy entry is the one TRUSTED_PROXY_HOPS (default 1) from the right:
 * the address seen by the outermost proxy we run. Anything left of it may be forged by the client.
 */
export function clientIpFrom(headers: Headers): string {
  const xff = headers.get("x-forwarded-for");
  const parts = xff ? xff.split(",").map((s) => s.trim()).filter(Boolean) : [];
  if (parts.length === 0) return "unknown";
  const hops = Math.max(1, Number.parseInt(process.env.TRUSTED_PROXY_HOPS ?? "1", 10) || 1);
  return parts[Math.max(0, parts.length - hops)];
}
