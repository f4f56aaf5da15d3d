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
  serverExternalPackages: ["@node-rs/argon2", "pg", "@prisma/adapter-pg", "pg-boss", "exceljs"],
  async headers() {
    return [
      {
        source: "/:path*",
        headers: [
          { key: "X-Content-Type-Options", value: "nosniff" },
          { key: "Referrer-Policy", value: "same-origin" },
          { key: "Permissions-Policy", value: "camera=(), microphone=(), geolocation=()" },
        ],
      },
      // No framing anywhere — except that the document API decides for itself (config headers would
      // override it): DENY on every file and error, SAMEORIGIN only for the inline PDF preview
      // (lib/documents/http.ts, app/api/dokumen/responses.ts).
      {
        source: "/:path((?!api/dokumen/).*)",
        headers: [{ key: "X-Frame-Options", value: "DENY" }],
      },
    ];
  },
};

export default nextConfig;
