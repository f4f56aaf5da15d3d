import "server-only";

/*
 * Who is asking. The client address comes ONLY from `x-sikerda-client-ip`, which the production
 * server (scripts/server.mjs) strips from every incoming request and sets itself: the socket
 * address, or behind TRUSTED_PROXY_HOPS reverse proxies the X-Forwarded-For entry that many hops
 * from the right. Without that server (next dev, tests) the address is "unknown".
 */
export const CLIENT_IP_HEADER = "x-sikerda-client-ip";

export function clientIpFrom(headers: Headers): string {
  const value = headers.get(CLIENT_IP_HEADER)?.trim();
  return value && value.length <= 64 ? value : "unknown";
}

/**
 * The key a client address is throttled under. An IPv6 client usually holds a whole /64, so its
 * addresses share one key (otherwise each address would buy a fresh allowance).
 */
export function addressKey(ip: string): string {
  if (!ip.includes(":")) return ip;
  const [head, tail = ""] = ip.toLowerCase().split("::");
  const left = head ? head.split(":") : [];
  const right = tail ? tail.split(":") : [];
  if (!ip.includes("::") && left.length !== 8) return ip;
  const groups = [...left, ...Array(Math.max(0, 8 - left.length - right.length)).fill("0"), ...right];
  return `${groups.slice(0, 4).map((g) => g.replace(/^0+(?=.)/, "")).join(":")}::/64`;
}

export function userAgentFrom(headers: Headers): string | null {
  const ua = headers.get("user-agent");
  return ua ? ua.slice(0, 256) : null;
}

/** One cookie's value from a Cookie header (the sign-in request next-auth hands to authorize). */
export function cookieFrom(headers: Headers, name: string): string | null {
  const header = headers.get("cookie");
  if (!header) return null;
  for (const part of header.split(";")) {
    const eq = part.indexOf("=");
    if (eq > 0 && part.slice(0, eq).trim() === name) {
      try {
        return decodeURIComponent(part.slice(eq + 1).trim());
      } catch {
        return null;
      }
    }
  }
  return null;
}
