import { z } from "zod";
import { CountryCode } from "./common.js";

/** Who the organisation is, which decides which regulatory events apply to it. */
export const OrgProfile = z.object({
  name: z.string().min(1),
  /** What the organisation does, in its own words ("freight and logistics"); shown, not modelled. */
  sector: z.string().max(120).optional(),
  usPerson: z.boolean(),
  federalAgency: z.boolean(),
  federalContractor: z.boolean(),
  fccSubsidyRecipient: z.boolean(),
  resellerMspOem: z.boolean(),
  criticalInfrastructure: z.boolean(),
  governmentSystems: z.boolean(),
  countries: z.array(CountryCode).min(1),
});
export type OrgProfile = z.infer<typeof OrgProfile>;

/** A named profile shipped in data/profiles, to start from. */
export const ProfilePreset = z.object({
  id: z.string().regex(/^[a-z0-9-]+$/),
  label: z.string().min(1),
  description: z.string(),
  profile: OrgProfile,
});
export type ProfilePreset = z.infer<typeof ProfilePreset>;
