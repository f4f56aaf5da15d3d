// The case services and queries with the tests' fixed clock (NOW), in the positional shape the tests
// read best. No test depends on today's date: every date is fixed relative to NOW.
import type { CurrentUser } from "@/lib/auth/session";
import * as queries from "@/lib/cases/queries";
import * as service from "@/lib/cases/service";
import { handoffsSettled } from "@/lib/notifications/handoff";
import type { PartnerRequestInput } from "@/lib/cases/partner-request";
import type { TkksdOpinionValue } from "@/lib/generated/prisma/enums";
import type { EventInput } from "@/lib/workflow";

/** The tests' "now": 15 June 2026, 10.00 WIB. */
export const NOW = new Date("2026-06-15T03:00:00Z");

export const createDraft = (actor: CurrentUser, input: service.DraftInput, now = NOW) =>
  service.createDraft({ actor, now, input });
export const registerPartnerOffer = (actor: CurrentUser, input: service.DraftInput & { opdId: string }, now = NOW) =>
  service.registerPartnerOffer({ actor, now, input });
export const updateDraft = (actor: CurrentUser, caseId: string, input: service.DraftInput, expectedVersion: number, now = NOW) =>
  service.updateDraft({ actor, now, caseId, input, expectedVersion });
/** The transition, then its hand-off fan-out (kicked after commit, in the background) finished. */
export const transitionCase = async (actor: CurrentUser, caseId: string, event: string, input: EventInput, expectedVersion: number, now = NOW) => {
  try {
    return await service.transitionCase({ actor, now, caseId, event, input, expectedVersion });
  } finally {
    await handoffsSettled();
  }
};
export const giveTkksdOpinion = (actor: CurrentUser, caseId: string, input: { opinion: TkksdOpinionValue; note: string }, now = NOW) =>
  service.giveTkksdOpinion({ actor, now, caseId, input });
export const startPksTurunan = (actor: CurrentUser, kbAgreementId: string, input: { title: string; opdId: string }, now = NOW) =>
  service.startPksTurunan({ actor, now, kbAgreementId, input });
export const requestPartner = (actor: CurrentUser, input: PartnerRequestInput, now = NOW) =>
  service.requestPartner({ actor, now, input });

export const getCaseDetail = (actor: CurrentUser, caseId: string, now = NOW) => queries.getCaseDetail(actor, caseId, now);
export const inbox = (actor: CurrentUser, now = NOW) => queries.inbox(actor, now);
export const listActiveKbOptions = (actor: CurrentUser, now = NOW) => queries.listActiveKbOptions(actor, now);
export const { listCases, listPartnerOptions } = queries;
export const startPerpanjangan = (actor: CurrentUser, caseId: string, now = NOW) =>
  service.startPerpanjangan({ actor, now, caseId });
