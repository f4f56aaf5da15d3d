import { describe, expect, it } from "vitest";
import { clientAddress, normalizeIp, parseProxyHops } from "../../scripts/lib/client-address.mjs";
import { addressKey, clientIpFrom } from "@/lib/auth/client";

// scripts/server.mjs decides the client address once per request; lib/auth reads only its header.
describe("clientAddress (scripts/server.mjs)", () => {
  it("exposed directly (TRUSTED_PROXY_HOPS=0): the socket address, whatever X-Forwarded-For says", () => {
    expect(clientAddress("1.2.3.4", "198.51.100.7", 0)).toBe("198.51.100.7");
    expect(clientAddress(undefined, "::ffff:198.51.100.7", 0)).toBe("198.51.100.7");
  });

  it("behind one proxy: the rightmost X-Forwarded-For entry; forged entries on the left are ignored", () => {
    expect(clientAddress("1.2.3.4, 198.51.100.7", "10.0.0.2", 1)).toBe("198.51.100.7");
    expect(clientAddress(["1.2.3.4", "198.51.100.7"], "10.0.0.2", 1)).toBe("198.51.100.7");
  });

  it("behind two proxies: the entry two from the right", () => {
    expect(clientAddress("6.6.6.6, 198.51.100.7, 10.0.0.9", "10.0.0.2", 2)).toBe("198.51.100.7");
  });

  it("fewer entries than hops, or garbage, falls back to the socket address", () => {
    expect(clientAddress(undefined, "10.0.0.2", 1)).toBe("10.0.0.2");
    expect(clientAddress("198.51.100.7", "10.0.0.2", 2)).toBe("10.0.0.2");
    expect(clientAddress("bukan-alamat", "10.0.0.2", 1)).toBe("10.0.0.2");
  });

  it("normalizes IPv4-mapped IPv6 and ports", () => {
    expect(normalizeIp("::ffff:192.0.2.1")).toBe("192.0.2.1");
    expect(normalizeIp("192.0.2.1:5000")).toBe("192.0.2.1");
    expect(normalizeIp("[2001:db8::1]:443")).toBe("2001:db8::1");
    expect(normalizeIp("unknown")).toBeNull();
  });

  it("TRUSTED_PROXY_HOPS defaults to 0 and must be 0–10", () => {
    expect(parseProxyHops(undefined)).toBe(0);
    expect(parseProxyHops("2")).toBe(2);
    expect(() => parseProxyHops("-1")).toThrow(/TRUSTED_PROXY_HOPS/);
    expect(() => parseProxyHops("11")).toThrow(/0–10/);
  });
});

describe("lib/auth/client", () => {
  it("reads only x-sikerda-client-ip; X-Forwarded-For is never trusted by the app", () => {
    expect(clientIpFrom(new Headers({ "x-sikerda-client-ip": "198.51.100.7", "x-forwarded-for": "1.2.3.4" }))).toBe("198.51.100.7");
    expect(clientIpFrom(new Headers({ "x-forwarded-for": "1.2.3.4" }))).toBe("unknown");
  });

  it("an IPv6 client is throttled by its /64, an IPv4 client by its address", () => {
    expect(addressKey("2001:db8:1:2:aaaa::1")).toBe("2001:db8:1:2::/64");
    expect(addressKey("2001:db8:1:2:bbbb:cccc:dddd:eeee")).toBe("2001:db8:1:2::/64");
    expect(addressKey("2001:db8::1")).toBe("2001:db8:0:0::/64");
    expect(addressKey("198.51.100.7")).toBe("198.51.100.7");
  });
});
