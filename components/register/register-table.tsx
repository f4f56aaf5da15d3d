import Link from "@/components/ui/link";
import { AGREEMENT_TYPE_LABELS, PARTNER_CLASS_LABELS } from "@/components/cases/labels";
import { Table, TBody, TD, TH, THead, TR } from "@/components/ui/table";
import type { PolicyUser } from "@/lib/auth/policy";
import type { RegisterRow } from "@/lib/register/queries";
import { registerRowHref } from "@/lib/register/rules";
import { registerState } from "@/lib/register/status";
import type { WhereContext } from "@/lib/register/sql";
import { KIND_LABELS } from "@/lib/workflow";
import { RegisterStatus } from "./register-status";

import { tanggalPendek as tanggal } from "./dates";

/**
 * The register's rows: readable at 1366 px (six columns, long words wrap) and a card per row on a
 * phone (each cell names its column).
 */
export function RegisterTable({
  user, rows, context, caption, showOpd = true, showPartner = true,
}: {
  user: PolicyUser;
  rows: RegisterRow[];
  context: WhereContext;
  caption: string;
  showOpd?: boolean;
  showPartner?: boolean;
}) {
  return (
    <Table caption={caption} captionHidden>
      <THead>
        <TR>
          <TH className="w-[30%]">Kerja sama</TH>
          {showPartner && <TH className="w-[18%]">Mitra</TH>}
          {showOpd && <TH>OPD</TH>}
          <TH className="w-[17%]">Naskah dan nomor</TH>
          <TH>Periode</TH>
          <TH className="w-[14%]">Status</TH>
        </TR>
      </THead>
      <TBody>
        {rows.map((r) => {
          const href = registerRowHref(user, r);
          const state = registerState(r, context.today, context.endingSoonDays);
          const start = tanggal(r.mainStartDate);
          const end = tanggal(r.mainEndDate);
          const signed = tanggal(r.mainSignedAt);
          return (
            <TR key={r.id}>
              <TH scope="row" label="Kerja sama">
                {href ? (
                  <Link href={href} className="text-brand-800 underline hover:text-brand-950">
                    {r.title}
                  </Link>
                ) : (
                  r.title
                )}
                <span className="mt-0.5 block text-xs font-normal text-slate-600">
                  <span className="font-mono">{r.code}</span> ·{" "}
                  <abbr title={KIND_LABELS[r.kind]} className="no-underline">
                    {r.kind}
                  </abbr>
                  {r.governmentAffair && <> · {r.governmentAffair}</>}
                </span>
              </TH>
              {showPartner && (
                <TD label="Mitra">
                  {r.partnerName ?? "—"}
                  {r.partnerClass && <span className="block text-xs text-slate-600">{PARTNER_CLASS_LABELS[r.partnerClass]}</span>}
                </TD>
              )}
              {showOpd && (
                <TD label="OPD">
                  <abbr title={r.opdName} className="no-underline">
                    {r.opdShortName}
                  </abbr>
                </TD>
              )}
              <TD label="Naskah">
                {r.mainType ? (
                  <>
                    <span className="font-medium">{AGREEMENT_TYPE_LABELS[r.mainType]}</span>
                    {r.mainStatus === "DRAF" && <span className="text-slate-600"> (draf)</span>}
                    {r.mainOurNumber && (
                      <span className="block text-xs text-slate-700">
                        <span className="sr-only">Nomor pihak daerah: </span>
                        <span aria-hidden="true">Daerah: </span>
                        {r.mainOurNumber}
                      </span>
                    )}
                    {r.mainPartnerNumber && (
                      <span className="block text-xs text-slate-700">
                        <span className="sr-only">Nomor pihak mitra: </span>
                        <span aria-hidden="true">Mitra: </span>
                        {r.mainPartnerNumber}
                      </span>
                    )}
                  </>
                ) : (
                  <span className="text-slate-600">Belum ada naskah</span>
                )}
              </TD>
              <TD label="Periode">
                {start || end ? (
                  <>
                    <span className="md:whitespace-nowrap">{start ?? "—"} –</span>{" "}
                    <span className="md:block md:whitespace-nowrap">{end ?? "—"}</span>
                    {signed && <span className="block text-xs text-slate-600">Ditandatangani {signed}</span>}
                  </>
                ) : (
                  "—"
                )}
              </TD>
              <TD label="Status">
                <RegisterStatus state={state} stage={r.stage} initiator={r.initiator} endingSoonDays={context.endingSoonDays} />
              </TD>
            </TR>
          );
        })}
      </TBody>
    </Table>
  );
}
