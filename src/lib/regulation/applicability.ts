import type { Audience, OrgProfile, RegulatoryEvent } from "../schema/index.js";

/** Member states of the European Union (ISO 3166-1 alpha-2). */
export const EU_MEMBERS = new Set(["AT", "BE", "BG", "HR", "CY", "CZ", "DK", "EE", "FI", "FR", "DE", "GR", "HU", "IE", "IT", "LV", "LT", "LU", "MT", "NL", "PL", "PT", "RO", "SK", "SI", "ES", "SE"]);

/** Whether the organisation operates where the event's jurisdiction reaches. */
export function operatesIn(profile: OrgProfile, jurisdiction: string): boolean {
  if (jurisdiction === "INTL") return true;
  if (jurisdiction === "EU") return profile.countries.some((c) => EU_MEMBERS.has(c));
  if (jurisdiction === "US" && profile.usPerson) return true;
  return profile.countries.includes(jurisdiction);
}

/** Whether an audience of an event includes this organisation. The vendor audience never does. */
export function inAudience(profile: OrgProfile, audience: Audience, jurisdiction: string): boolean {
  switch (audience) {
    case "vendor":
      return false;
    case "us-persons":
      return profile.usPerson && (jurisdiction === "US" || jurisdiction === "INTL");
    case "federal-agencies":
      return profile.federalAgency;
    case "federal-contractors":
      return profile.federalContractor;
    case "fcc-subsidy-recipients":
      return profile.fccSubsidyRecipient;
    case "resellers-msp-oem":
      return profile.resellerMspOem && operatesIn(profile, jurisdiction);
    case "critical-infrastructure":
      return profile.criticalInfrastructure && operatesIn(profile, jurisdiction);
    case "government-systems":
      return profile.governmentSystems && operatesIn(profile, jurisdiction);
    case "all-users":
      return operatesIn(profile, jurisdiction);
  }
}

/** The event's audiences that include this organisation. */
export function matchingAudiences(profile: OrgProfile, event: RegulatoryEvent): Audience[] {
  return event.appliesTo.filter((audience) => inAudience(profile, audience, event.jurisdiction));
}
