import type { CompiledCatalog } from "../catalog/match.js";
import type { CatalogProduct, ReplacementProduct } from "../schema/index.js";
import { tokenName } from "./names.js";
import type { SoftwareObservation } from "./types.js";

/** A software observation and the catalog product it is. */
export interface MatchedSoftware {
  observation: SoftwareObservation;
  product: CatalogProduct;
}

const PACKAGE_LIKE = /^[a-z0-9][a-z0-9.+\-]*$/;
/** How Defender and NVD write a vendor or product: lower case, words joined by underscores. */
const TOKEN = /^[a-z0-9][a-z0-9_.+\-]*$/;
/** Package types that only Linux installs. */
const LINUX_PURL = /^pkg:(deb|rpm|apk|alpm)\//i;

/**
 * Matches an observation against the catalog. Defender and NVD tokens (`kaspersky` +
 * `endpoint_security_for_windows`) are matched as a vendor/product pair (`token` rules) and
 * also spelled as a display name would be (`kaspersky endpoint security for windows`); a bare
 * lower-case name also counts as a package name (`kesl`, `klnagent64`). A token vendor that is
 * not the catalog's (`kaspersky_fans_club`) is a look-alike: nothing it names is read as the
 * vendor's. The device's operating system (or a Linux package type) picks the product a shared
 * token or CPE names on that platform.
 */
export function matchSoftware(observation: SoftwareObservation, catalog: CompiledCatalog): MatchedSoftware | null {
  const { fields, spelled } = fieldsOf(observation, catalog);
  const product = catalog.match(fields) ?? (spelled ? catalog.match({ ...fields, name: observation.name }) : null);
  return product ? { observation, product } : null;
}

/** The replacement software an observation is (CrowdStrike's sensor, Defender for Endpoint), read through the same fields. */
export function matchReplacement(observation: SoftwareObservation, catalog: CompiledCatalog): ReplacementProduct | null {
  // Any token vendor is taken at its word here: look-alikes are the banned vendor's concern.
  const { fields, spelled } = fieldsOf(observation, catalog, false);
  return catalog.replacement(fields) ?? (spelled ? catalog.replacement({ ...fields, name: observation.name }) : null);
}

/** The fields the rules read, as `matchSoftware` explains: tokens paired and spelled, packages, the platform. */
function fieldsOf(observation: SoftwareObservation, catalog: CompiledCatalog, screenLookAlikes = true) {
  const vendor = observation.vendor?.trim();
  const tokenVendor = vendor !== undefined && TOKEN.test(vendor) ? vendor : undefined;
  const lookAlike = screenLookAlikes && tokenVendor !== undefined && !catalog.isVendorToken(tokenVendor);
  const spelled = tokenName(lookAlike ? undefined : vendor, observation.name);
  const fields = {
    name: spelled ?? observation.name,
    publisher: observation.publisher ?? (lookAlike ? undefined : vendor),
    package: observation.package ?? (PACKAGE_LIKE.test(observation.name) ? observation.name : undefined),
    bundleId: observation.bundleId,
    cpe: observation.cpe,
    purl: observation.purl,
    path: observation.path,
    token: tokenVendor && !lookAlike && TOKEN.test(observation.name) ? `${tokenVendor}/${observation.name}` : undefined,
    os: observation.device.osFamily ?? (observation.purl && LINUX_PURL.test(observation.purl) ? ("linux" as const) : undefined),
  };
  return { fields, spelled };
}
