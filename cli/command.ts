/** What every `offramp` subcommand provides. */
export interface Io {
  out: (text: string) => void;
  err: (text: string) => void;
  env: NodeJS.ProcessEnv;
}

/** A subcommand's code, loaded when it runs. */
export interface Command {
  /** The full usage line, when it says more than the registry's (it may list what only the module knows). */
  usage?: string;
  /** Returns the process exit code: 0 success, 2 bad usage or unreadable input. */
  run(args: string[], io: Io): Promise<number>;
}

/** A subcommand as `--help` lists it, and how to load its code. */
export interface CommandInfo {
  name: string;
  summary: string;
  usage: string;
  load(): Promise<Command>;
}

/** An error in how the command was called; printed with the usage line, exit code 2. */
export class UsageError extends Error {}
