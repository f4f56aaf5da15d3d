// Demo data of the partner master (issue 7 §2): two partners requested by OPDs from the proposal
// form and waiting for Bagian Kerja Sama — one genuinely new (to confirm), one a duplicate of a
// registered partner under a slightly different name (to merge) — and the legal documents (NIB,
// akta) of a registered partner. Runs after seedDemo() on the same empty database.
import type { PrismaClient } from "../../lib/generated/prisma/client";
import { newStorageKey, putObject, sha256Hex } from "../../lib/storage";
import { opdId } from "./opds";
import { buildPlaceholderPdf } from "./pdf";
import { userId } from "./users";

const DAY = 86_400_000;

export async function seedPartnerRequests(db: PrismaClient, now = new Date()): Promise<{ requests: number; legalDocuments: number }> {
  const at = (daysAgo: number) => new Date(now.getTime() - daysAgo * DAY);
  const requests = [
    {
      // A duplicate: the OPD did not find "PT Medika Husada Utama" and typed the name it knew.
      id: "mitra-usulan-medika-husada", name: "PT. Medika Husada", partnerClass: "SWASTA" as const,
      address: "Jl. Dr. Setiabudi No. 45, Sukamaju", province: "Jawa Barat", opd: "dispar" as const, by: "operator.dispar", days: 6,
    },
    {
      // A new partner: a dairy cooperative for the stunting programme of Dinas Kesehatan.
      id: "mitra-usulan-koperasi-susu", name: "Koperasi Produsen Susu Sapi Perah Sukamaju Makmur", partnerClass: "SWASTA" as const,
      address: "Jl. Raya Cikajang Km 7, Desa Mekarwangi, Kecamatan Cisurupan", province: "Jawa Barat", opd: "dinkes" as const,
      by: "operator.dinkes", days: 3,
    },
  ];
  for (const r of requests) {
    await db.partner.create({
      data: {
        id: r.id, name: r.name, partnerClass: r.partnerClass, address: r.address, province: r.province, country: "Indonesia",
        verified: false, requestedByOpdId: opdId(r.opd), createdById: userId(r.by), createdAt: at(r.days), updatedAt: at(r.days),
      },
    });
    await db.auditEvent.create({
      data: { actorId: userId(r.by), action: "partner.request", entity: "Partner", entityId: r.id, createdAt: at(r.days),
        data: { name: r.name, partnerClass: r.partnerClass } },
    });
  }

  const partnerId = "mitra-medika-husada";
  const docs = [
    { type: "NIB" as const, number: "NIB 9120304561278 (OSS RBA, 14 Maret 2019)", label: "Nomor Induk Berusaha" },
    { type: "AKTA_PENDIRIAN" as const, number: "Akta No. 12 tanggal 4 Februari 2019, Notaris R. Hendarto, S.H., M.Kn.", label: "Akta Pendirian Perseroan" },
  ];
  for (const [i, d] of docs.entries()) {
    const bytes = buildPlaceholderPdf({
      office: "Dokumen legal mitra", label: d.label, caseTitle: "PT Medika Husada Utama", caseCode: d.type, lines: [d.number], createdAt: at(200),
    });
    const key = newStorageKey("pdf", at(200));
    await putObject(key, bytes);
    await db.partnerDocument.create({
      data: {
        id: `dokmitra-medika-${i + 1}`, partnerId, type: d.type, number: d.number, storageKey: key, sha256: sha256Hex(bytes),
        sizeBytes: bytes.byteLength, mimeType: "application/pdf", originalName: `${d.type.toLowerCase()}-medika-husada.pdf`,
        uploadedById: userId("staf.ks"), uploadedAt: at(200),
      },
    });
  }
  return { requests: requests.length, legalDocuments: docs.length };
}
