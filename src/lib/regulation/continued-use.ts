import type { OrgProfile, Timeline } from "../schema/index.js";
import { isRemovalObligation } from "./deadlines.js";
import { obligationsFor, type ApplicableObligation } from "./obligations.js";

/**
 * The obligations that require this organisation to remove Kaspersky by a date: the legal
 * prohibitions and contractual obligations marked as deadlines, in the order they take effect.
 * Each carries its citation and sources, for the memo to quote.
 */
export function removalObligations(timeline: Timeline, profile: OrgProfile): ApplicableObligation[] {
  return obligationsFor(timeline, profile).filter(isRemovalObligation);
}

/**
 * Whether the organisation may lawfully keep using the Kaspersky products it already has:
 * true when no legal prohibition or contractual obligation that applies to it requires removal
 * by a date. A US person with no federal role, for example, is not penalised for continued use
 * under the BIS Final Determination (it bars Kaspersky's sales and updates, not use), while a
 * federal agency has been barred by NDAA FY2018 §1634 since 1 October 2018. Lawful is not safe:
 * the technical and advisory obligations still apply.
 */
export function continuedUseIsLawful(timeline: Timeline, profile: OrgProfile): boolean {
  return lawfulUnder(obligationsFor(timeline, profile));
}

/** The same rule on obligations already computed (`obligationsFor`): none requires removal by a date. */
export function lawfulUnder(obligations: readonly ApplicableObligation[]): boolean {
  return !obligations.some(isRemovalObligation);
}
