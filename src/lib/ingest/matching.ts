import type { CompiledCatalog } from "../catalog/match.js";
import type { CatalogProduct } from "../schema/index.js";
import { tokenName } from "./names.js";
import type { SoftwareObservation } from "./types.js";

/** A software observation and the catalog product it is. */
export interface MatchedSoftware {
  observation: SoftwareObservation;
  product: CatalogProduct;
}

const PACKAGE_LIKE = /^[a-z0-9][a-z0-9.+\-]*$/;

/**
 * Matches an observation against the catalog. Defender and NVD tokens (`kaspersky` +
 * `endpoint_security_for_windows`) are first spelled as a display name would be
 * (`kaspersky endpoint security for windows`); a bare lower-case name also counts as a
 * package name (`kesl`, `klnagent64`).
 */
export function matchSoftware(observation: SoftwareObservation, catalog: CompiledCatalog): MatchedSoftware | null {
  const spelled = tokenName(observation.vendor, observation.name);
  const fields = {
    name: spelled ?? observation.name,
    publisher: observation.publisher ?? observation.vendor,
    package: observation.package ?? (PACKAGE_LIKE.test(observation.name) ? observation.name : undefined),
    bundleId: observation.bundleId,
    cpe: observation.cpe,
    purl: observation.purl,
    path: observation.path,
  };
  const product = catalog.match(fields) ?? (spelled ? catalog.match({ ...fields, name: observation.name }) : null);
  return product ? { observation, product } : null;
}
