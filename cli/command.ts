/** What every `offramp` subcommand provides. */
export interface Io {
  out: (text: string) => void;
  err: (text: string) => void;
  env: NodeJS.ProcessEnv;
}

export interface Command {
  name: string;
  summary: string;
  usage: string;
  /** Returns the process exit code: 0 success, 2 bad usage or unreadable input. */
  run(args: string[], io: Io): Promise<number>;
}

/** An error in how the command was called; printed with the usage line, exit code 2. */
export class UsageError extends Error {}
