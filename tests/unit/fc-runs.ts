/**
 * fast-check options for the randomly seeded property tests: FC_SEED replays a failure CI
 * printed, FC_RUNS searches longer (the run count scales every test by the same factor).
 */
export function runs(numRuns: number): { numRuns: number; seed?: number } {
  const factor = Number(process.env.FC_RUNS ?? 1);
  const seed = process.env.FC_SEED ? Number(process.env.FC_SEED) : undefined;
  return { numRuns: Math.max(1, Math.round(numRuns * (Number.isFinite(factor) ? factor : 1))), ...(seed === undefined ? {} : { seed }) };
}
