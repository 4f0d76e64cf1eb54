/** Parameters of the detection-decay multiplier of a frozen endpoint. */
export interface DecayParameters {
  /** Infection-rate multiplier once the threat population has turned over (×, vs up-to-date AV). */
  mInf: number;
  /** The immediate step when cloud lookups stop (×). */
  mKsn: number;
  /** Days for the circulating threat population to turn over. */
  tau: number;
}

/**
 * How many times more likely a frozen endpoint is to be infected than an up-to-date one,
 * `days` after its last update: M(t) = M_ksn + (M_inf − M_ksn)·(1 − e^(−t/τ)).
 */
export function decayMultiplier(days: number, { mInf, mKsn, tau }: DecayParameters): number {
  const t = Math.max(0, days);
  return mKsn + (mInf - mKsn) * (1 - Math.exp(-t / tau));
}
