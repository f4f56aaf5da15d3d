/*
 * THE ACTION-LEVEL AUTHORIZATION MATRIX (targets.md: every server action and route handler × every
 * role × own/other OPD, denials included). Read it as three tables. Each cell is called for real:
 * a signed-in session of that user, over HTTP, against `next start` on the seeded e2e database
 * (tests/api/*.spec.ts). The expectations come from domain.md §3 (who may do what), the policy
 * table (lib/auth/policy-table.ts) and the transition table (lib/workflow/transitions.ts), but are
 * written out here on purpose: a change of the rules must show up as a change of this file.
 *
 * Columns (callers):
 *   anon   not signed in: a well-formed session cookie naming no user (it passes the proxy, which only
 *          looks for the cookie, so the action itself must refuse)
 *   OP     operator.dinkes — Operator OPD of the record's OPD (every fixture record is Dinas Kesehatan's)
 *   OP'    operator.dispar — Operator OPD of another OPD
 *   KO     kepala.dinkes   — Kepala OPD of the record's OPD
 *   KO'    kepala.dispar   — Kepala OPD of another OPD
 *   STAF   staf.ks         — Staf Bagian Kerja Sama
 *   KABAG  kabag.ks        — Kepala Bagian Kerja Sama
 *   TKKSD  tkksd           — Anggota TKKSD
 *   PIMP   pimpinan        — Pimpinan Daerah
 *   ADMIN  admin           — Administrator Sistem
 * Cells:
 *   ✓    accepted: the intended change happened (checked in the database)
 *   ✗    refused: a refusal answer (sign-in page, 403, "tidak berwenang", "tidak ditemukan"…) AND no
 *        business table changed (fingerprint of every table before/after the call)
 *   pub  public by design (next-auth's own endpoints): answers anyone and changes nothing
 *   →    see the TRANSITIONS table (transitionAction: one row per row of the workflow table)
 *
 * Adding a server action or a route handler method: the coverage test (coverage.spec.ts) fails until
 * it has a row here AND a scenario (tests/api/scenarios.ts) that says how to call it and how to see
 * that it worked. A row for an action that no longer exists fails too.
 *
 * `shape` is how the browser calls the action:
 *   form         (undefined, FormData)     — the lib/forms `formAction` helper (the standard; also the
 *                                            sign-in and account actions, which share its reply shape)
 *   none         ()                        — no arguments
 *   (the harness still understands `state` ({}, FormData) and `bind:<field>`; no action uses them now)
 *
 * The account rows (own password, second factor, sessions) act on the caller's OWN account, whose
 * id is never taken from the form: each column there is a fresh user of that column's role and OPD
 * (so the demo users' passwords and sessions stay as they are).
 */

export const CALLER_COLUMNS = ["anon", "OP", "OP'", "KO", "KO'", "STAF", "KABAG", "TKKSD", "PIMP", "ADMIN"] as const;
export type CallerColumn = (typeof CALLER_COLUMNS)[number];
export type Cell = "✓" | "✗" | "pub" | "→";

// Server actions (.next/server/server-reference-manifest.json). One row per action and situation.
export const ACTIONS_TABLE = `
| action                     | scenario                           | shape            | anon | OP | OP' | KO | KO' | STAF | KABAG | TKKSD | PIMP | ADMIN |
|----------------------------|------------------------------------|------------------|------|----|-----|----|-----|------|-------|-------|------|-------|
| passwordLoginAction        | sign in (public by nature)         | form             |  ✓   | ✓  |  ✓  | ✓  |  ✓  |  ✓   |   ✓   |   ✓   |  ✓   |   ✓   |
| codeLoginAction            | second step: recovery code (public)| form             |  ✓   | ✓  |  ✓  | ✓  |  ✓  |  ✓   |   ✓   |   ✓   |  ✓   |   ✓   |
| logoutAction               | sign out (recorded for the user)   | none             |  ✗   | ✓  |  ✓  | ✓  |  ✓  |  ✓   |   ✓   |   ✓   |  ✓   |   ✓   |
| createOpdAction            | new OPD                            | form             |  ✗   | ✗  |  ✗  | ✗  |  ✗  |  ✗   |   ✗   |   ✗   |  ✗   |   ✓   |
| updateOpdAction            | rename an OPD                      | form             |  ✗   | ✗  |  ✗  | ✗  |  ✗  |  ✗   |   ✗   |   ✗   |  ✗   |   ✓   |
| createUserAction           | new user                           | form             |  ✗   | ✗  |  ✗  | ✗  |  ✗  |  ✗   |   ✗   |   ✗   |  ✗   |   ✓   |
| updateUserAction           | edit a user                        | form             |  ✗   | ✗  |  ✗  | ✗  |  ✗  |  ✗   |   ✗   |   ✗   |  ✗   |   ✓   |
| resetPasswordAction        | reset a user's password            | form             |  ✗   | ✗  |  ✗  | ✗  |  ✗  |  ✗   |   ✗   |   ✗   |  ✗   |   ✓   |
| resetSecondFactorAction    | remove a user's second factor      | form             |  ✗   | ✗  |  ✗  | ✗  |  ✗  |  ✗   |   ✗   |   ✗   |  ✗   |   ✓   |
| changePasswordAction       | own password (own account only)    | form             |  ✗   | ✓  |  ✓  | ✓  |  ✓  |  ✓   |   ✓   |   ✓   |  ✓   |   ✓   |
| startEnrolmentAction       | own second factor: start           | form             |  ✗   | ✓  |  ✓  | ✓  |  ✓  |  ✓   |   ✓   |   ✓   |  ✓   |   ✓   |
| confirmEnrolmentAction     | own second factor: confirm code    | form             |  ✗   | ✓  |  ✓  | ✓  |  ✓  |  ✓   |   ✓   |   ✓   |  ✓   |   ✓   |
| regenerateRecoveryCodesAction | own recovery codes, new set     | form             |  ✗   | ✓  |  ✓  | ✓  |  ✓  |  ✓   |   ✓   |   ✓   |  ✓   |   ✓   |
| disableSecondFactorAction  | own second factor: switch off      | form             |  ✗   | ✓  |  ✓  | ✓  |  ✓  |  ✓   |   ✓   |   ✓   |  ✓   |   ✓   |
| endOtherSessionsAction     | end own other sessions             | form             |  ✗   | ✓  |  ✓  | ✓  |  ✓  |  ✓   |   ✓   |   ✓   |  ✓   |   ✓   |
| createDraftAction          | new draft (always the own OPD)     | form             |  ✗   | ✓  |  ✓  | ✗  |  ✗  |  ✗   |   ✗   |   ✗   |  ✗   |   ✗   |
| updateDraftAction          | edit an OPD's draft                | form             |  ✗   | ✓  |  ✗  | ✗  |  ✗  |  ✗   |   ✗   |   ✗   |  ✗   |   ✗   |
| updateDraftAction          | edit a partner's offer (draft)     | form             |  ✗   | ✗  |  ✗  | ✗  |  ✗  |  ✓   |   ✓   |   ✗   |  ✗   |   ✗   |
| registerPartnerOfferAction | partner's KSDPK offer → an OPD     | form             |  ✗   | ✗  |  ✗  | ✗  |  ✗  |  ✓   |   ✓   |   ✗   |  ✗   |   ✗   |
| requestPartnerAction       | ask for a new partner              | form             |  ✗   | ✓  |  ✓  | ✓  |  ✓  |  ✓   |   ✓   |   ✗   |  ✗   |   ✗   |
| transitionAction           | every workflow row (table below)   | form             |  →   | →  |  →  | →  |  →  |  →   |   →   |   →   |  →   |   →   |
| opinionAction              | TKKSD opinion, case under review   | form             |  ✗   | ✗  |  ✗  | ✗  |  ✗  |  ✗   |   ✗   |   ✓   |  ✗   |   ✗   |
| opinionAction              | TKKSD opinion, case in verification| form             |  ✗   | ✗  |  ✗  | ✗  |  ✗  |  ✗   |   ✗   |   ✗   |  ✗   |   ✗   |
| startPksTurunanAction      | PKS turunan under an active KB     | form             |  ✗   | ✗  |  ✗  | ✗  |  ✗  |  ✓   |   ✓   |   ✗   |  ✗   |   ✗   |
| startPerpanjanganAction    | perpanjangan of a running agreement| form             |  ✗   | ✓  |  ✗  | ✗  |  ✗  |  ✓   |   ✓   |   ✗   |  ✗   |   ✗   |
| createPartnerAction        | new partner (Bagian KS)            | form             |  ✗   | ✗  |  ✗  | ✗  |  ✗  |  ✓   |   ✓   |   ✗   |  ✗   |   ✗   |
| updatePartnerAction        | edit a partner's data              | form             |  ✗   | ✗  |  ✗  | ✗  |  ✗  |  ✓   |   ✓   |   ✗   |  ✗   |   ✗   |
| verifyPartnerAction        | confirm an OPD's partner request   | form             |  ✗   | ✗  |  ✗  | ✗  |  ✗  |  ✓   |   ✓   |   ✗   |  ✗   |   ✗   |
| mergePartnerAction         | merge a requested duplicate        | form             |  ✗   | ✗  |  ✗  | ✗  |  ✗  |  ✓   |   ✓   |   ✗   |  ✗   |   ✗   |
| saveReportAction           | send a drafted due report          | form             |  ✗   | ✓  |  ✗  | ✗  |  ✗  |  ✗   |   ✗   |   ✗   |  ✗   |   ✗   |
| saveReportAction           | resend a report returned for revision | form          |  ✗   | ✓  |  ✗  | ✗  |  ✗  |  ✗   |   ✗   |   ✗   |  ✗   |   ✗   |
| reviewReportAction         | rate a sent report 1–5 with a note | form             |  ✗   | ✗  |  ✗  | ✗  |  ✗  |  ✓   |   ✓   |   ✗   |  ✗   |   ✗   |
| returnReportAction         | return a sent report for revision  | form             |  ✗   | ✗  |  ✗  | ✗  |  ✗  |  ✓   |   ✓   |   ✗   |  ✗   |   ✗   |
| removeEvidenceAction       | remove unsent evidence of a draft  | form             |  ✗   | ✓  |  ✗  | ✗  |  ✗  |  ✗   |   ✗   |   ✗   |  ✗   |   ✗   |
| registerArchiveAction      | Kerja Sama Arsip: signed KSDD + PDFs | form           |  ✗   | ✗  |  ✗  | ✗  |  ✗  |  ✓   |   ✓   |   ✗   |  ✗   |   ✗   |
| saveRegionSettingsAction   | region profile (Kabag, Admin)      | form             |  ✗   | ✗  |  ✗  | ✗  |  ✗  |  ✗   |   ✓   |   ✗   |  ✗   |   ✓   |
| saveMonitoringSettingsAction | reminder and monev rules         | form             |  ✗   | ✗  |  ✗  | ✗  |  ✗  |  ✗   |   ✓   |   ✗   |  ✗   |   ✗   |
| saveNaskahSettingsAction   | PKS years, DPRD deadline, PTN-BH   | form             |  ✗   | ✗  |  ✗  | ✗  |  ✗  |  ✗   |   ✓   |   ✗   |  ✗   |   ✗   |
| saveNumberPatternsAction   | naskah number patterns             | form             |  ✗   | ✗  |  ✗  | ✗  |  ✗  |  ✗   |   ✓   |   ✗   |  ✗   |   ✗   |
| saveRequiredDocumentsAction | required documents of one jenis   | form             |  ✗   | ✗  |  ✗  | ✗  |  ✗  |  ✗   |   ✓   |   ✗   |  ✗   |   ✗   |
| saveSecuritySettingsAction | second-factor requirement (Kabag, Admin) | form       |  ✗   | ✗  |  ✗  | ✗  |  ✗  |  ✗   |   ✓   |   ✗   |  ✗   |   ✓   |
| markReadAction             | mark one's own notification read   | form             |  ✗   | ✓  |  ✓  | ✓  |  ✓  |  ✓   |   ✓   |   ✓   |  ✓   |   ✓   |
| markReadAction             | another user's notification        | form             |  ✗   | ✗  |  ✗  | ✗  |  ✗  |  ✗   |   ✗   |   ✗   |  ✗   |   ✗   |
| markAllReadAction          | mark all one's own notifications read | form          |  ✗   | ✓  |  ✓  | ✓  |  ✓  |  ✓   |   ✓   |   ✓   |  ✓   |   ✓   |
| setEmailPreferencesAction  | own e-mail notification choices    | form             |  ✗   | ✓  |  ✓  | ✓  |  ✓  |  ✓   |   ✓   |   ✓   |  ✓   |   ✓   |
`;

// Route handlers (app/**/route.ts × exported HTTP method).
export const ROUTES_TABLE = `
| route                        | scenario                                  | anon | OP | OP' | KO | KO' | STAF | KABAG | TKKSD | PIMP | ADMIN |
|------------------------------|-------------------------------------------|------|----|-----|----|-----|------|-------|-------|------|-------|
| POST /api/dokumen            | upload KAK, case in DRAF (OPD's desk)     |  ✗   | ✓  |  ✗  | ✓  |  ✗  |  ✗   |   ✗   |   ✗   |  ✗   |   ✗   |
| POST /api/dokumen            | upload draft KB, PENYUSUNAN_KB (shared)   |  ✗   | ✓  |  ✗  | ✓  |  ✗  |  ✓   |   ✓   |   ✗   |  ✗   |   ✗   |
| POST /api/dokumen            | upload berita acara, KAJIAN_TKKSD (KS)    |  ✗   | ✗  |  ✗  | ✗  |  ✗  |  ✓   |   ✓   |   ✗   |  ✗   |   ✗   |
| POST /api/dokumen/bukti-laporan | evidence for a draft report (own OPD) |  ✗   | ✓  |  ✗  | ✗  |  ✗  |  ✗   |   ✗   |   ✗   |  ✗   |   ✗   |
| GET /api/dokumen/[id]        | download, case in PELAKSANAAN             |  ✗   | ✓  |  ✗  | ✓  |  ✗  |  ✓   |   ✓   |   ✗   |  ✓   |   ✗   |
| GET /api/dokumen/[id]        | download, case under TKKSD review         |  ✗   | ✓  |  ✗  | ✓  |  ✗  |  ✓   |   ✓   |   ✓   |  ✓   |   ✗   |
| GET /api/dokumen/[id]        | preview inline (?tampil=1), PELAKSANAAN   |  ✗   | ✓  |  ✗  | ✓  |  ✗  |  ✓   |   ✓   |   ✗   |  ✓   |   ✗   |
| GET /api/kerja-sama/ekspor   | export the register (CSV), own scope only |  ✗   | ✓  |  ✓  | ✓  |  ✓  |  ✓   |   ✓   |   ✓   |  ✓   |   ✗   |
| GET /api/rekap/excel         | rekap Excel of this year, own scope       |  ✗   | ✗  |  ✗  | ✗  |  ✗  |  ✓   |   ✓   |   ✗   |  ✓   |   ✗   |
| GET /api/rekap/pdf           | printed rekap (PDF) of this year          |  ✗   | ✗  |  ✗  | ✗  |  ✗  |  ✓   |   ✓   |   ✗   |  ✓   |   ✗   |
| GET /api/rekap/ringkasan/[id] | one-page Ringkasan, case in PELAKSANAAN  |  ✗   | ✓  |  ✗  | ✓  |  ✗  |  ✓   |   ✓   |   ✓   |  ✓   |   ✗   |
| POST /api/dokumen-mitra      | upload a partner's legal document (NIB)   |  ✗   | ✗  |  ✗  | ✗  |  ✗  |  ✓   |   ✓   |   ✗   |  ✗   |   ✗   |
| GET /api/dokumen-mitra/[id]  | legal document of a confirmed partner     |  ✗   | ✓  |  ✓  | ✓  |  ✓  |  ✓   |   ✓   |   ✓   |  ✓   |   ✗   |
| GET /api/dokumen-mitra/[id]  | legal document of an OPD's request        |  ✗   | ✓  |  ✗  | ✓  |  ✗  |  ✓   |   ✓   |   ✗   |  ✗   |   ✗   |
| GET /api/mitra/serupa        | similar partner names while typing        |  ✗   | ✓  |  ✓  | ✓  |  ✓  |  ✓   |   ✓   |   ✗   |  ✗   |   ✗   |
| POST /api/arsip/berkas       | stage a signed PDF for Kerja Sama Arsip   |  ✗   | ✗  |  ✗  | ✗  |  ✗  |  ✓   |   ✓   |   ✗   |  ✗   |   ✗   |
| GET /api/arsip/impor/templat | download the import template (.xlsx)      |  ✗   | ✗  |  ✗  | ✗  |  ✗  |  ✓   |   ✓   |   ✗   |  ✗   |   ✗   |
| POST /api/arsip/impor        | check a filled workbook (preview only)    |  ✗   | ✗  |  ✗  | ✗  |  ✗  |  ✓   |   ✓   |   ✗   |  ✗   |   ✗   |
| POST /api/arsip/impor        | import a valid workbook (one transaction) |  ✗   | ✗  |  ✗  | ✗  |  ✗  |  ✓   |   ✓   |   ✗   |  ✗   |   ✗   |
| GET /api/auth/[...nextauth]  | next-auth's own (csrf, session): public   |  pub | pub | pub | pub | pub | pub | pub  |  pub  | pub  |  pub  |
| POST /api/auth/[...nextauth] | next-auth's own sign-out: ends the session|  pub | ✓  | ✓   | ✓  | ✓   | ✓    | ✓     |  ✓    | ✓    |  ✓    |
`;

// transitionAction × every row of lib/workflow/transitions.ts (key: from event [jenis] initiator;
// one jenis per row is called). OPD roles act only on their own OPD's cases.
export const TRANSITIONS_TABLE = `
| transition                                              | anon | OP | OP' | KO | KO' | STAF | KABAG | TKKSD | PIMP | ADMIN |
|---------------------------------------------------------|------|----|-----|----|-----|------|-------|-------|------|-------|
| DRAF ajukan [*] daerah                                  |  ✗   | ✓  |  ✗  | ✗  |  ✗  |  ✗   |   ✗   |   ✗   |  ✗   |   ✗   |
| DRAF registrasi_penawaran_mitra [KSDPK] mitra           |  ✗   | ✗  |  ✗  | ✗  |  ✗  |  ✓   |   ✓   |   ✗   |  ✗   |   ✗   |
| PERSETUJUAN_OPD setujui [*]                             |  ✗   | ✗  |  ✗  | ✓  |  ✗  |  ✗   |   ✗   |   ✗   |  ✗   |   ✗   |
| PERSETUJUAN_OPD kembalikan [*]                          |  ✗   | ✗  |  ✗  | ✓  |  ✗  |  ✗   |   ✗   |   ✗   |  ✗   |   ✗   |
| VERIFIKASI lengkap [*]                                  |  ✗   | ✗  |  ✗  | ✗  |  ✗  |  ✗   |   ✓   |   ✗   |  ✗   |   ✗   |
| VERIFIKASI perlu_perbaikan [*]                          |  ✗   | ✗  |  ✗  | ✗  |  ✗  |  ✗   |   ✓   |   ✗   |  ✗   |   ✗   |
| PERBAIKAN ajukan_ulang [*] daerah                       |  ✗   | ✓  |  ✗  | ✗  |  ✗  |  ✗   |   ✗   |   ✗   |  ✗   |   ✗   |
| PERBAIKAN ajukan_ulang [KSDPK] mitra                    |  ✗   | ✗  |  ✗  | ✗  |  ✗  |  ✓   |   ✓   |   ✗   |  ✗   |   ✗   |
| KAJIAN_TKKSD layak [KSDD/KSDPK]                         |  ✗   | ✗  |  ✗  | ✗  |  ✗  |  ✗   |   ✓   |   ✗   |  ✗   |   ✗   |
| KAJIAN_TKKSD layak [SINERGI]                            |  ✗   | ✗  |  ✗  | ✗  |  ✗  |  ✗   |   ✓   |   ✗   |  ✗   |   ✗   |
| KAJIAN_TKKSD layak [KSDPL/KSDLL]                        |  ✗   | ✗  |  ✗  | ✗  |  ✗  |  ✗   |   ✓   |   ✗   |  ✗   |   ✗   |
| KAJIAN_TKKSD tidak_layak [*]                            |  ✗   | ✗  |  ✗  | ✗  |  ✗  |  ✗   |   ✓   |   ✗   |  ✗   |   ✗   |
| KAJIAN_TKKSD perlu_perbaikan [*]                        |  ✗   | ✗  |  ✗  | ✗  |  ✗  |  ✗   |   ✓   |   ✗   |  ✗   |   ✗   |
| PENAWARAN mitra_setuju [KSDD/KSDPK]                     |  ✗   | ✗  |  ✗  | ✗  |  ✗  |  ✓   |   ✓   |   ✗   |  ✗   |   ✗   |
| PENAWARAN mitra_menolak [KSDD/KSDPK]                    |  ✗   | ✗  |  ✗  | ✗  |  ✗  |  ✓   |   ✓   |   ✗   |  ✗   |   ✗   |
| PENAWARAN batal [KSDD/KSDPK]                            |  ✗   | ✗  |  ✗  | ✗  |  ✗  |  ✗   |   ✓   |   ✗   |  ✗   |   ✗   |
| PENYUSUNAN_KB final [KSDD/KSDPK]                        |  ✗   | ✗  |  ✗  | ✗  |  ✗  |  ✓   |   ✓   |   ✗   |  ✗   |   ✗   |
| PENANDATANGANAN_KB tandatangani [KSDD/KSDPK]            |  ✗   | ✗  |  ✗  | ✗  |  ✗  |  ✗   |   ✓   |   ✗   |  ✗   |   ✗   |
| PERSETUJUAN_DPRD dprd_setuju [KSDD/KSDPK]               |  ✗   | ✗  |  ✗  | ✗  |  ✗  |  ✗   |   ✓   |   ✗   |  ✗   |   ✗   |
| PERSETUJUAN_DPRD dprd_tolak [KSDD/KSDPK/KSDPL/KSDLL]    |  ✗   | ✗  |  ✗  | ✗  |  ✗  |  ✗   |   ✓   |   ✗   |  ✗   |   ✗   |
| PENYUSUNAN_PKS final [KSDD/KSDPK]                       |  ✗   | ✗  |  ✗  | ✗  |  ✗  |  ✓   |   ✓   |   ✗   |  ✗   |   ✗   |
| PENANDATANGANAN_PKS tandatangani [KSDD/KSDPK]           |  ✗   | ✗  |  ✗  | ✗  |  ✗  |  ✗   |   ✓   |   ✗   |  ✗   |   ✗   |
| PENYUSUNAN_NK final [SINERGI]                           |  ✗   | ✗  |  ✗  | ✗  |  ✗  |  ✓   |   ✓   |   ✗   |  ✗   |   ✗   |
| PENANDATANGANAN_NK tandatangani [SINERGI]               |  ✗   | ✗  |  ✗  | ✗  |  ✗  |  ✗   |   ✓   |   ✗   |  ✗   |   ✗   |
| PENJAJAKAN_LOI loi_ditandatangani [KSDPL/KSDLL]         |  ✗   | ✗  |  ✗  | ✗  |  ✗  |  ✓   |   ✓   |   ✗   |  ✗   |   ✗   |
| KONSULTASI_KEMENDAGRI konsultasi_selesai [KSDPL/KSDLL]  |  ✗   | ✗  |  ✗  | ✗  |  ✗  |  ✓   |   ✓   |   ✗   |  ✗   |   ✗   |
| PERSETUJUAN_DPRD dprd_setuju [KSDPL/KSDLL]              |  ✗   | ✗  |  ✗  | ✗  |  ✗  |  ✗   |   ✓   |   ✗   |  ✗   |   ✗   |
| PEMBAHASAN_INTERKEMENTERIAN pembahasan_selesai [KSDPL/KSDLL] | ✗ | ✗ |  ✗  | ✗  |  ✗  |  ✓   |   ✓   |   ✗   |  ✗   |   ✗   |
| PERSETUJUAN_PUSAT pusat_setuju [KSDPL/KSDLL]            |  ✗   | ✗  |  ✗  | ✗  |  ✗  |  ✓   |   ✓   |   ✗   |  ✗   |   ✗   |
| PENANDATANGANAN_MOU tandatangani [KSDPL/KSDLL]          |  ✗   | ✗  |  ✗  | ✗  |  ✗  |  ✗   |   ✓   |   ✗   |  ✗   |   ✗   |
| PELAKSANAAN berakhir [*]                                |  ✗   | ✗  |  ✗  | ✗  |  ✗  |  ✗   |   ✓   |   ✗   |  ✗   |   ✗   |
| PELAKSANAAN akhiri [*]                                  |  ✗   | ✗  |  ✗  | ✗  |  ✗  |  ✗   |   ✓   |   ✗   |  ✗   |   ✗   |
| BERAKHIR selesai [*]                                    |  ✗   | ✗  |  ✗  | ✗  |  ✗  |  ✗   |   ✓   |   ✗   |  ✗   |   ✗   |
| PELAKSANAAN mulai_adendum [*]                           |  ✗   | ✓  |  ✗  | ✗  |  ✗  |  ✓   |   ✓   |   ✗   |  ✗   |   ✗   |
| ADENDUM_PENYUSUNAN final [*]                            |  ✗   | ✗  |  ✗  | ✗  |  ✗  |  ✓   |   ✓   |   ✗   |  ✗   |   ✗   |
| ADENDUM_PENYUSUNAN batalkan_adendum [*]                 |  ✗   | ✗  |  ✗  | ✗  |  ✗  |  ✗   |   ✓   |   ✗   |  ✗   |   ✗   |
| ADENDUM_KAJIAN layak [*]                                |  ✗   | ✗  |  ✗  | ✗  |  ✗  |  ✗   |   ✓   |   ✗   |  ✗   |   ✗   |
| ADENDUM_KAJIAN perlu_perbaikan [*]                      |  ✗   | ✗  |  ✗  | ✗  |  ✗  |  ✗   |   ✓   |   ✗   |  ✗   |   ✗   |
| ADENDUM_KAJIAN tidak_layak [*]                          |  ✗   | ✗  |  ✗  | ✗  |  ✗  |  ✗   |   ✓   |   ✗   |  ✗   |   ✗   |
| ADENDUM_DPRD dprd_setuju [*]                            |  ✗   | ✗  |  ✗  | ✗  |  ✗  |  ✗   |   ✓   |   ✗   |  ✗   |   ✗   |
| ADENDUM_DPRD dprd_tolak [*]                             |  ✗   | ✗  |  ✗  | ✗  |  ✗  |  ✗   |   ✓   |   ✗   |  ✗   |   ✗   |
| ADENDUM_PENANDATANGANAN tandatangani [*]                |  ✗   | ✗  |  ✗  | ✗  |  ✗  |  ✗   |   ✓   |   ✗   |  ✗   |   ✗   |
| ADENDUM_PENYUSUNAN berakhir [*]                         |  ✗   | ✗  |  ✗  | ✗  |  ✗  |  ✗   |   ✓   |   ✗   |  ✗   |   ✗   |
| ADENDUM_KAJIAN berakhir [*]                             |  ✗   | ✗  |  ✗  | ✗  |  ✗  |  ✗   |   ✓   |   ✗   |  ✗   |   ✗   |
| ADENDUM_DPRD berakhir [*]                               |  ✗   | ✗  |  ✗  | ✗  |  ✗  |  ✗   |   ✓   |   ✗   |  ✗   |   ✗   |
| ADENDUM_PENANDATANGANAN berakhir [*]                    |  ✗   | ✗  |  ✗  | ✗  |  ✗  |  ✗   |   ✓   |   ✗   |  ✗   |   ✗   |
`;

// ── parsing (the tables above are the data) ─────────────────────────────────────────────────
export type MatrixRow = { key: string; scenario: string; shape: string; cells: Record<CallerColumn, Cell> };

const CELL_VALUES: readonly string[] = ["✓", "✗", "pub", "→"];

function parseTable(table: string, labelColumns: number): MatrixRow[] {
  const lines = table.split("\n").map((l) => l.trim()).filter((l) => l.startsWith("|"));
  const [header, , ...body] = lines;
  const split = (line: string) => line.slice(1, -1).split("|").map((c) => c.trim());
  const columns = split(header).slice(labelColumns);
  if (columns.join(",") !== CALLER_COLUMNS.join(",")) throw new Error(`matrix: caller columns must be ${CALLER_COLUMNS.join(" ")}`);
  return body.map((line) => {
    const parts = split(line);
    const labels = parts.slice(0, labelColumns);
    const values = parts.slice(labelColumns);
    if (values.length !== CALLER_COLUMNS.length || values.some((v) => !CELL_VALUES.includes(v))) {
      throw new Error(`matrix: bad cells in row "${labels.join(" | ")}"`);
    }
    const cells = Object.fromEntries(CALLER_COLUMNS.map((c, i) => [c, values[i] as Cell])) as Record<CallerColumn, Cell>;
    return { key: labels[0], scenario: labels.length > 1 ? labels[1] : labels[0], shape: labels[2] ?? "", cells };
  });
}

export const ACTION_ROWS = parseTable(ACTIONS_TABLE, 3);
export const ROUTE_ROWS = parseTable(ROUTES_TABLE, 2);
export const TRANSITION_ROWS = parseTable(TRANSITIONS_TABLE, 1);
