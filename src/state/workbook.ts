/**
 * The current scenario: the one every page reads and edits. It lives in this browser's local
 * storage and in the page's URL (`#s=…`, the same encoding as a share link), so a reload, Back
 * and a shared link all reproduce the same workbook. Each edit can be undone, and the whole
 * scenario reset to the preset it started from.
 *
 * Browser state, not a view: pages wire their controls to `edit`, and read `scenario`.
 */
import { decodeScenario, encodeScenario } from "../lib/scenario/share.js";
import { parseScenario } from "../lib/scenario/parse.js";
import type { Scenario } from "../lib/schema/index.js";
import { same } from "../lib/util/same.js";

/** Why the current scenario changed: a page's edit, undo, reset, another scenario chosen, or another tab. */
export type Cause = "edit" | "apply" | "undo" | "reset" | "use" | "external";

/** Where the workbook keeps its state: local storage and the address bar (both replaceable in tests). */
export interface Place {
  storage: Pick<Storage, "getItem" | "setItem" | "removeItem">;
  /** The URL's fragment without '#'. */
  hash(): string;
  /** Replaces the fragment without a new history entry. */
  replaceHash(hash: string): void;
  /** How this page was reached: "navigate", "reload" or "back_forward". */
  navigation(): string;
  /** Milliseconds, for telling a burst of keystrokes from separate edits (performance.now by default). */
  now?(): number;
}

/** A shared link read from the URL: its scenario, or why it could not be read (null: no link). */
export type LinkOutcome = { scenario: Scenario } | { error: string } | null;

/** Edits closer together than this are one edit for Undo: a word typed is undone at once. */
export const BURST_MS = 1500;

/** What the workbook starts from. */
export interface WorkbookFacts {
  /** The workbook's own scenario (the bundled sample's, or OFFRAMP_SCENARIO_FILE). */
  bundled: Scenario;
  presets: readonly Scenario[];
}

interface Stored {
  scenario: Scenario;
  /** The scenario edits are measured against ("changed from the preset"). */
  base: Scenario;
  /** Earlier states, newest last: what Undo returns to. */
  history: Scenario[];
  /** Set when a shared link replaced the scenario (its name), until the next edit. */
  arrived?: string | null;
}

export const STORAGE_KEY = "offramp.workbook";
const HISTORY = 50;

/** Equal as a link carries them: a link leaves out inventory references. */
const sameShared = (a: Scenario, b: Scenario) => same({ ...a, inventory: [] }, { ...b, inventory: [] });

/** The share-link text of the scenario in storage (what this workbook last wrote into the URL), if any. */
function storedLink(place: Place): string | null {
  try {
    const scenario = (JSON.parse(place.storage.getItem(STORAGE_KEY) ?? "null") as Partial<Stored> | null)?.scenario;
    return scenario ? encodeScenario(scenario) : null;
  } catch {
    return null;
  }
}

/** The browser's own place: localStorage and location.hash. */
export function browserPlace(): Place {
  return {
    storage: localStorage,
    hash: () => location.hash.replace(/^#/, ""),
    replaceHash: (hash) => history.replaceState(history.state, "", `${location.pathname}${location.search}${hash ? `#${hash}` : ""}`),
    navigation: () => (performance.getEntriesByType("navigation")[0] as PerformanceNavigationTiming | undefined)?.type ?? "navigate",
  };
}

export class Workbook {
  #state: Stored;
  #listeners = new Set<(scenario: Scenario, cause: Cause) => void>();
  #lastEdit = -Infinity;
  /** Set when the URL held a link that could not be read: the reason, for the banner. */
  readonly linkError: string | null = null;

  /**
   * Starts from storage (or the bundled scenario). `link` is what `Workbook.open` made of a
   * shared link in the URL: its scenario, or why it could not be read.
   */
  constructor(
    readonly facts: WorkbookFacts,
    readonly place: Place,
    link: LinkOutcome = null,
  ) {
    const stored = this.#read();
    this.#state = stored ?? { scenario: facts.bundled, base: facts.bundled, history: [] };
    if (link && "error" in link) this.linkError = link.error;
    else if (link && !sameShared(link.scenario, this.#state.scenario)) {
      const shared = link.scenario;
      const base = facts.presets.find((p) => p.id === shared.id) ?? shared;
      this.#state = { scenario: { ...shared, inventory: this.#state.scenario.inventory }, base, history: [...this.#state.history, this.#state.scenario].slice(-HISTORY), arrived: shared.name };
    }
    this.#write();
  }

  /**
   * The workbook as this page's URL asks: a shared link (`#s=…`) is unpacked off the main thread
   * first, unless the page was reached by Back or Forward (which show the workbook as it is now).
   */
  static async open(facts: WorkbookFacts, place: Place): Promise<Workbook> {
    const text = new URLSearchParams(place.hash()).get("s");
    let link: LinkOutcome = null;
    // A reload's URL holds the workbook's own scenario: nothing to unpack, and no worker to start.
    if (text && place.navigation() !== "back_forward" && text !== storedLink(place)) {
      try {
        link = { scenario: await decodeScenario(text) };
      } catch (error) {
        link = { error: (error as Error).message };
      }
    }
    return new Workbook(facts, place, link);
  }

  #read(): Stored | null {
    try {
      const raw = this.place.storage.getItem(STORAGE_KEY);
      if (!raw) return null;
      const value = JSON.parse(raw) as Partial<Stored>;
      const scenario = parseScenario(value.scenario, "the saved workbook");
      const base = value.base ? parseScenario(value.base, "the saved workbook's preset") : this.facts.bundled;
      const history = Array.isArray(value.history) ? value.history.slice(-HISTORY).flatMap((h) => { try { return [parseScenario(h, "history")]; } catch { return []; } }) : [];
      return { scenario, base, history, arrived: typeof value.arrived === "string" ? value.arrived : null };
    } catch {
      // A workbook saved by another version or damaged: start again from the bundled scenario.
      return null;
    }
  }

  #write(): void {
    // Local storage outlives the tab, so it never holds inventory file names: pages attach them
    // again from the current inventory when they open.
    const strip = (s: Scenario): Scenario => ({ ...s, inventory: [] });
    const stored: Stored = { ...this.#state, scenario: strip(this.#state.scenario), base: strip(this.#state.base), history: this.#state.history.map(strip) };
    try {
      this.place.storage.setItem(STORAGE_KEY, JSON.stringify(stored));
    } catch {
      // Storage full or disabled: the URL still carries the scenario.
    }
    this.place.replaceHash(`s=${encodeScenario(this.#state.scenario)}`);
  }

  #set(next: Stored, cause: Cause): void {
    this.#state = next;
    this.#write();
    for (const listener of this.#listeners) listener(next.scenario, cause);
  }

  /** The current scenario. */
  get scenario(): Scenario {
    return this.#state.scenario;
  }

  /** The preset (or shared or imported scenario) the current one started from. */
  get base(): Scenario {
    return this.#state.base;
  }

  get canUndo(): boolean {
    return this.#state.history.length > 0;
  }

  /** The name of a shared scenario this page just opened, if it did. */
  get arrived(): string | null {
    return this.#state.arrived ?? null;
  }

  /**
   * Replaces the current scenario with an edited one; a no-op when nothing changed. "apply" is an
   * edit the page's controls do not show yet (a preset profile applied), so they are rebuilt.
   */
  edit(next: Scenario, cause: "edit" | "apply" = "edit"): boolean {
    if (same(next, this.#state.scenario)) return false;
    const now = this.place.now?.() ?? performance.now();
    const burst = cause === "edit" && now - this.#lastEdit < BURST_MS && this.#state.history.length > 0;
    this.#lastEdit = cause === "edit" ? now : -Infinity;
    // Within a burst the state before it stays what Undo returns to.
    const history = burst ? this.#state.history : [...this.#state.history, this.#state.scenario].slice(-HISTORY);
    this.#set({ ...this.#state, scenario: next, history, arrived: null }, cause);
    return true;
  }

  /**
   * Names the inventory the pages model (file names and content hashes) in the scenario and its
   * preset alike: which exports are modelled is not an edit to undo, and never rows.
   */
  attachInventory(refs: Scenario["inventory"]): void {
    if (same(refs, this.#state.scenario.inventory) && same(refs, this.#state.base.inventory)) return;
    this.#state = { ...this.#state, scenario: { ...this.#state.scenario, inventory: refs }, base: { ...this.#state.base, inventory: refs } };
    this.#write();
    for (const listener of this.#listeners) listener(this.#state.scenario, "external");
  }

  /**
   * Changes every state of the workbook alike (the scenario, its preset and what Undo returns
   * to), with no Undo entry of its own: whose organisation the workbook models is not an edit.
   */
  relabel(change: (s: Scenario) => Scenario): void {
    const next = { ...this.#state, scenario: change(this.#state.scenario), base: change(this.#state.base), history: this.#state.history.map(change) };
    if (same(next, this.#state)) return;
    this.#set(next, "apply");
  }

  /** Works on another scenario (a preset, a saved or imported one): Undo comes back. */
  use(chosen: Scenario, chosenBase: Scenario = chosen): void {
    // The inventory stays the one the pages model.
    const inventory = this.#state.scenario.inventory;
    const scenario = { ...chosen, inventory };
    const base = { ...chosenBase, inventory };
    if (same(scenario, this.#state.scenario) && same(base, this.#state.base)) return;
    this.#set({ scenario, base, history: [...this.#state.history, this.#state.scenario].slice(-HISTORY), arrived: null }, "use");
  }

  undo(): boolean {
    this.#lastEdit = -Infinity;
    const earlier = this.#state.history.at(-1);
    if (!earlier) return false;
    // The inventory stays the one the pages model (stored history never names its files).
    const previous = { ...earlier, inventory: this.#state.scenario.inventory };
    this.#set({ ...this.#state, scenario: previous, history: this.#state.history.slice(0, -1), arrived: null }, "undo");
    return true;
  }

  /** Back to the preset the scenario started from (itself undoable). */
  reset(): boolean {
    this.#lastEdit = -Infinity;
    if (same(this.#state.scenario, this.#state.base)) return false;
    this.#set({ ...this.#state, scenario: this.#state.base, history: [...this.#state.history, this.#state.scenario].slice(-HISTORY), arrived: null }, "reset");
    return true;
  }

  /** Another tab changed the workbook, or the page came back from the back-forward cache. */
  resync(): void {
    const stored = this.#read();
    if (!stored) return;
    const inventory = this.#state.scenario.inventory;
    const next = { ...stored, scenario: { ...stored.scenario, inventory }, base: { ...stored.base, inventory } };
    if (!same(next.scenario, this.#state.scenario) || !same(next.base, this.#state.base)) this.#set(next, "external");
  }

  subscribe(listener: (scenario: Scenario, cause: Cause) => void): () => void {
    this.#listeners.add(listener);
    return () => this.#listeners.delete(listener);
  }

  /**
   * For Framework's `Generators.observe`: the scenario now, then each time it changes for a
   * reason other than this page's own edits (undo, reset, another scenario, another tab). Controls
   * built from it are rebuilt only then, so a slider being dragged keeps its focus.
   */
  reloads() {
    return (notify: (s: Scenario) => void) => {
      notify(this.scenario);
      return this.subscribe((s, cause) => {
        if (cause !== "edit") notify(s);
      });
    };
  }

  /** For `Generators.observe`: the scenario now, then after every change. */
  changes() {
    return (notify: (s: Scenario) => void) => {
      notify(this.scenario);
      return this.subscribe((s) => notify(s));
    };
  }
}

let opened: Promise<Workbook> | null = null;

/** The page's workbook (one per page), kept in step with other tabs and the back-forward cache. */
export function openWorkbook(facts: WorkbookFacts, place: Place = browserPlace()): Promise<Workbook> {
  opened ??= Workbook.open(facts, place).then((workbook) => {
    listen(workbook);
    return workbook;
  });
  return opened;
}

function listen(workbook: Workbook): void {
  if (typeof window !== "undefined") {
    window.addEventListener("storage", (event) => {
      if (event.key === STORAGE_KEY) workbook.resync();
    });
    window.addEventListener("pageshow", (event) => {
      if (event.persisted) workbook.resync();
    });
  }
}
