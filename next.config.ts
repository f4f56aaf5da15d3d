import type { NextConfig } from "next";

const nextConfig: NextConfig = {
  poweredByHeader: false,
  // forbidden() renders app/forbidden.tsx with HTTP 403.
  experimental: {
    authInterrupts: true,
    // proxy.ts reads request bodies to refuse oversized or malformed server-action payloads with a
    // 4xx (lib/http/request-guard.ts): buffer one byte past the 1 MB action limit so it can tell.
    proxyClientMaxBodySize: 1024 * 1024 + 1,
  },
  // Native / WASM server packages must not be bundled.
  serverExternalPackages: ["@node-rs/argon2", "pg", "@prisma/adapter-pg", "exceljs"],
  async headers() {
    return [
      {
        source: "/:path*",
        headers: [
          { key: "X-Content-Type-Options", value: "nosniff" },
          { key: "X-Frame-Options", value: "DENY" },
          { key: "Referrer-Policy", value: "same-origin" },
          { key: "Permissions-Policy", value: "camera=(), microphone=(), geolocation=()" },
        ],
      },
    ];
  },
};

export default nextConfig;
