import path from "node:path";
import { Font, StyleSheet, Text, View } from "@react-pdf/renderer";
import type { RegionProfile } from "@/lib/settings/defaults";

/*
 * Shared parts of the printed rekap and the Ringkasan (react-pdf, rendered in the server process:
 * no browser, no binary — see the README's "Rekap" section for why). The font is the app's own
 * Geist, read from the `geist` package (already a dependency), so the PDF needs nothing from the
 * machine it runs on.
 */
const FONT_DIR = path.join(process.cwd(), "node_modules", "geist", "dist", "fonts", "geist-sans");
let registered = false;
export function registerFonts(): void {
  if (registered) return;
  Font.register({
    family: "Geist",
    fonts: [
      { src: path.join(FONT_DIR, "Geist-Regular.ttf") },
      { src: path.join(FONT_DIR, "Geist-Bold.ttf"), fontWeight: "bold" },
      { src: path.join(FONT_DIR, "Geist-Italic.ttf"), fontStyle: "italic" },
    ],
  });
  // Long numbers and names wrap where they can; never hyphenate Indonesian words with English rules.
  Font.registerHyphenationCallback((word) => [word]);
  registered = true;
}

export const INK = "#0f172a";
export const MUTED = "#475569";
export const RULE = "#94a3b8";

export const base = StyleSheet.create({
  page: { fontFamily: "Geist", fontSize: 8, color: INK, paddingTop: 28, paddingBottom: 40, paddingHorizontal: 32 },
  kop: { alignItems: "center", borderBottomWidth: 2, borderBottomColor: INK, paddingBottom: 6, marginBottom: 2 },
  kopRule: { borderBottomWidth: 0.5, borderBottomColor: INK, marginBottom: 10 },
  kopGov: { fontSize: 12, fontWeight: "bold", letterSpacing: 0.5 },
  kopUnit: { fontSize: 10.5, fontWeight: "bold", marginTop: 2 },
  kopSub: { fontSize: 8, color: MUTED, marginTop: 2 },
  title: { fontSize: 12, fontWeight: "bold", textAlign: "center", marginBottom: 2 },
  subtitle: { fontSize: 9, textAlign: "center", marginBottom: 2 },
  meta: { fontSize: 7.5, color: MUTED, textAlign: "center", marginBottom: 8 },
  footer: {
    position: "absolute", bottom: 16, left: 32, right: 32, flexDirection: "row", justifyContent: "space-between",
    fontSize: 7, color: MUTED, borderTopWidth: 0.5, borderTopColor: RULE, paddingTop: 4,
  },
});

/** "KABUPATEN SUKAMAJU" → "PEMERINTAH KABUPATEN SUKAMAJU"; the cooperation office of that level. */
export function kopLines(region: RegionProfile): { government: string; unit: string } {
  const unit = region.level === "PROVINSI" ? "BIRO PEMERINTAHAN DAN KERJA SAMA" : "BAGIAN KERJA SAMA";
  return { government: `PEMERINTAH ${region.name.toUpperCase()}`, unit: `SEKRETARIAT DAERAH — ${unit}` };
}

/** Who signs the rekap: the head of the cooperation office of the region's level. */
export function officeHead(region: RegionProfile): string {
  return region.level === "PROVINSI" ? "Kepala Biro Pemerintahan dan Kerja Sama" : "Kepala Bagian Kerja Sama";
}

export function Kop({ region }: { region: RegionProfile }) {
  const { government, unit } = kopLines(region);
  return (
    <View>
      <View style={base.kop}>
        <Text style={base.kopGov}>{government}</Text>
        <Text style={base.kopUnit}>{unit}</Text>
        <Text style={base.kopSub}>Sistem Informasi Kerja Sama Daerah (SIKERDA)</Text>
      </View>
      <View style={base.kopRule} />
    </View>
  );
}

/** Footer on every page: who printed it, when, and "Halaman x dari y". */
export function Footer({ printed }: { printed: string }) {
  return (
    <View style={base.footer} fixed>
      <Text>{printed}</Text>
      <Text render={({ pageNumber, totalPages }) => `Halaman ${pageNumber} dari ${totalPages}`} />
    </View>
  );
}
