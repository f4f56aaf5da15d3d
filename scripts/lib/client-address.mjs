// The client address SIKERDA throttles sign-ins by, decided once per request by scripts/server.mjs
// and handed to the app in CLIENT_IP_HEADER. Whatever the client sent in that header is dropped.
//
//   TRUSTED_PROXY_HOPS=0 (default): the app is exposed directly — the socket's peer address.
//     X-Forwarded-For is ignored entirely: a client can write anything into it.
//   TRUSTED_PROXY_HOPS=N: N reverse proxies of ours each append the address they saw, so the
//     entry N from the right is the address the outermost proxy saw. Entries further left were
//     written by the client and may be forged. Fewer than N entries → the socket address.
import net from "node:net";

export const CLIENT_IP_HEADER = "x-sikerda-client-ip";
export const MAX_PROXY_HOPS = 10;

/** TRUSTED_PROXY_HOPS as an integer 0…10; throws a clear message otherwise. */
export function parseProxyHops(raw) {
  if (raw === undefined || raw === "") return 0;
  if (!/^\d+$/.test(String(raw)) || Number(raw) > MAX_PROXY_HOPS) {
    throw new Error(`TRUSTED_PROXY_HOPS harus bilangan bulat 0–${MAX_PROXY_HOPS} / must be an integer 0–${MAX_PROXY_HOPS} (got "${raw}")`);
  }
  return Number(raw);
}

/** "::ffff:192.0.2.1" → "192.0.2.1"; anything that is not an IP address → null. */
export function normalizeIp(value) {
  if (typeof value !== "string") return null;
  let ip = value.trim();
  if (ip.startsWith("[") && ip.includes("]")) ip = ip.slice(1, ip.indexOf("]")); // [v6]:port
  else if (/^\d{1,3}(\.\d{1,3}){3}:\d+$/.test(ip)) ip = ip.slice(0, ip.lastIndexOf(":")); // v4:port
  if (/^::ffff:\d{1,3}(\.\d{1,3}){3}$/i.test(ip)) ip = ip.slice(7);
  return net.isIP(ip) ? ip.toLowerCase() : null;
}

/**
 * @param {string | string[] | undefined} forwardedFor the X-Forwarded-For header(s)
 * @param {string | undefined} socketAddress req.socket.remoteAddress
 * @param {number} hops trusted reverse proxies in front of the app
 */
export function clientAddress(forwardedFor, socketAddress, hops) {
  const socket = normalizeIp(socketAddress) ?? "unknown";
  if (hops === 0) return socket;
  const joined = Array.isArray(forwardedFor) ? forwardedFor.join(",") : (forwardedFor ?? "");
  const entries = joined.split(",").map((s) => s.trim()).filter(Boolean);
  if (entries.length < hops) return socket;
  return normalizeIp(entries[entries.length - hops]) ?? socket;
}
