export * from "./types";
export * from "./stages";
export * from "./dprd";
export * from "./documents";
export * from "./proposal";
export { TRANSITIONS, REASON_EVENTS, type Transition } from "./transitions";
export { decide, availableEvents, rowsFor, resolveTarget, documentsFor, type AvailableEvent } from "./decide";
export { GUARDS, dateInZone, kbNotInForce, type GuardName, type Refusal } from "./guards";
export * from "./partner-fit";
