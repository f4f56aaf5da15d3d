import "server-only";

/*
 * Mutations of a usulan (case). Every function takes the acting user first, authorizes itself
 * (can() plus record scoping: another OPD's case is NOT_FOUND) and throws DomainError. Stage
 * changes and their history row are written in one transaction (transition.ts).
 */
export { createDraft, registerPartnerOffer, updateDraft } from "./drafts";
export { transitionCase } from "./transition";
export { giveTkksdOpinion } from "./tkksd";
export { startPksTurunan } from "./pks-turunan";
export { requestPartner } from "./partner-request";
export { startPerpanjangan } from "./perpanjangan";
export type { DraftInput } from "./schemas";
