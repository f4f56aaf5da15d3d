import { NextResponse, type NextRequest } from "next/server";
import { can } from "@/lib/auth/policy";
import { getCurrentUser } from "@/lib/auth/session";
import { similarPartners } from "@/lib/partners/similar";
import { stripControlCharacters } from "@/lib/validation/search-text";

// GET /api/mitra/serupa?nama=…&kecuali=<id>: partners with a similar name (pg_trgm, lib/partners/
// similar.ts) among those the caller may see — the warning the partner forms show while a name is
// typed. For whoever may add a partner (Bagian KS) or ask for one (an OPD, from the proposal form).
export const runtime = "nodejs";

export async function GET(request: NextRequest) {
  const user = await getCurrentUser();
  if (!user) return NextResponse.json({ message: "Sesi Anda telah berakhir. Silakan masuk kembali." }, { status: 401 });
  if (!can(user, "partner.manage") && !can(user, "partner.request")) {
    return NextResponse.json({ message: "Anda tidak berwenang." }, { status: 403 });
  }
  const name = stripControlCharacters(request.nextUrl.searchParams.get("nama") ?? "").slice(0, 200);
  const except = request.nextUrl.searchParams.get("kecuali") ?? undefined;
  const similar = await similarPartners(user, name, { excludeId: except && /^[A-Za-z0-9_-]{1,64}$/.test(except) ? except : undefined });
  return NextResponse.json(
    { similar: similar.map((s) => ({ id: s.id, name: s.name, partnerClass: s.partnerClass, verified: s.verified })) },
    { headers: { "Cache-Control": "no-store" } },
  );
}
