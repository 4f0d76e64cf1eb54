import { z } from "zod";
import { IsoDate } from "./common.js";

/** Where an install was seen: a file and a 1-based line (the first line of a multi-line record). */
export const Evidence = z.object({
  file: z.string().min(1),
  line: z.number().int().min(1),
  format: z.string().min(1),
});
export type Evidence = z.infer<typeof Evidence>;

/** One product installed on one device. */
export const Install = z.object({
  deviceId: z.string().min(1),
  vendor: z.string().min(1),
  /** The product name as the source reported it. */
  product: z.string().min(1),
  /** The catalog product it matched, or null when it matched none. */
  catalogId: z.string().min(1).nullable(),
  version: z.string(),
  installDate: IsoDate.nullable(),
  /** Date of the newest anti-virus database on the device, where a source reports it. */
  signatureDate: IsoDate.nullable(),
  evidence: z.array(Evidence).min(1),
});
export type Install = z.infer<typeof Install>;
