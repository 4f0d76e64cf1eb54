/** Node side of the memo: evaluates a scenario (and alternatives), builds the memo, renders its charts. */
import { parseHTML } from "linkedom/worker";
import { memoFigures } from "../../src/components/memo-figures.js";
import { buildMemo, type MemoInputs } from "../../src/lib/memo/build.js";
import type { Figure, MemoDocument } from "../../src/lib/memo/document.js";
import { memoInputs } from "../../src/lib/memo/inputs.js";
import { evaluateWorkbook } from "../../src/lib/model/evaluate.js";
import type { SourceReport } from "../../src/lib/ingest/types.js";
import type { Scenario } from "../../src/lib/schema/index.js";
import { loadScenario } from "../model/scenario.js";
import { readJson } from "../data/read.js";
import { parseScenario } from "../../src/lib/scenario/parse.js";
import { SOFTWARE } from "../data/software.js";
import { loadFacts } from "../data/facts.js";
import { dataDir } from "../data/paths.js";
import { hintsFrom, readSnapshots, type ReadSnapshots, type SnapshotSpec } from "../progress/snapshots.js";
import { trackScenario } from "../../src/lib/progress/report.js";

export { SOFTWARE };

export interface ComposedMemo {
  memo: MemoDocument;
  figures: Figure[];
  inputs: MemoInputs;
  /** The scenario's load warnings (an inventory file whose SHA-256 no longer matches), for the caller to show. */
  warnings: string[];
  /** The inventory files read and not read, for the caller to report. */
  sources: SourceReport[];
  /** The snapshots read (when asked for), their files and what makes them unusable (the memo then has no progress section). */
  snapshots: ReadSnapshots | null;
}

export interface ComposeOptions {
  /** Replace the scenario's inventory references with these files. */
  inventory?: string[];
  /** Scenario files to compare with. */
  compare?: string[];
  /** Trials of the one evaluation (the scenario's own by default). */
  trials?: number;
  /** Dated snapshots for "Progress since the last board report". */
  snapshots?: SnapshotSpec[];
}

export async function composeMemo(file: string, options: ComposeOptions = {}): Promise<ComposedMemo> {
  const loaded = await loadScenario(file, options.inventory);
  // Compared scenarios are evaluated on this scenario's organisation (alternativeFor): only their own fields are read, not their inventories.
  const others = await Promise.all((options.compare ?? []).map(async (f) => parseScenario(await readJson(f), f)));
  const s = options.trials === undefined ? loaded.scenario : { ...loaded.scenario, trials: options.trials };
  const result = evaluateWorkbook(s, others, loaded.context);
  const inputs = await memoInputs(s, others, loaded.context, { sources: loaded.sources, installs: loaded.installs }, result, SOFTWARE);
  let snapshots: ReadSnapshots | null = null;
  if (options.snapshots?.length) {
    const { compiled } = await loadFacts(s.programme, dataDir());
    snapshots = await readSnapshots(options.snapshots, compiled, { hints: hintsFrom(s.inventory) });
    if (snapshots.problems.length === 0) inputs.progress = trackScenario(s, loaded.context.options, loaded.context.rows, result.subject.timeline, snapshots.snapshots);
  }
  const memo = buildMemo(inputs);
  // The same drawing as the Memo page's worker, so the two memos agree byte for byte.
  const figures: Figure[] = memoFigures(loaded.rows, [inputs.evaluation, ...inputs.alternatives], parseHTML);
  return { memo, figures, inputs, warnings: loaded.warnings, sources: loaded.sources, snapshots };
}

export type { Scenario };
