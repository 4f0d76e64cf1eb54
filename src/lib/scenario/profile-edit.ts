import { CountryCode, OrgProfile } from "../schema/index.js";

/** What the Regulation page's profile form gives: the flags, a name and countries as typed. */
export interface ProfileForm extends Omit<OrgProfile, "countries" | "name" | "sector"> {
  name: string;
  sector?: string;
  countries: string;
}

/**
 * The profile a form describes, or why it cannot be one: countries are two-letter codes
 * separated by commas or spaces (at least one), and the organisation needs a name.
 */
export function profileFromForm(form: ProfileForm): { profile: OrgProfile; error: null } | { profile: null; error: string } {
  const name = form.name.trim();
  if (!name) return { profile: null, error: "The organisation needs a name; the profile is unchanged until it has one." };
  const typed = form.countries.split(/[\s,;]+/).map((c) => c.trim().toUpperCase()).filter(Boolean);
  const bad = typed.filter((c) => !CountryCode.safeParse(c).success);
  if (bad.length) return { profile: null, error: `Countries are two-letter codes (US, DE, GB); "${bad.slice(0, 3).join('", "')}" ${bad.length === 1 ? "is" : "are"} not. The profile is unchanged until fixed.` };
  if (typed.length === 0) return { profile: null, error: "Name at least one country of operation (two-letter codes: US, DE)." };
  const sector = form.sector?.trim().slice(0, 120);
  const { sector: _typed, ...flags } = form;
  const parsed = OrgProfile.safeParse({ ...flags, name: name.slice(0, 200), ...(sector ? { sector } : {}), countries: [...new Set(typed)] });
  return parsed.success ? { profile: parsed.data, error: null } : { profile: null, error: parsed.error.issues.map((i) => i.message).join("; ") };
}
