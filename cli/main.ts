/** Dispatches `offramp <command>`; each command lives in its own module. */
import { SOFTWARE } from "../loaders/data/software.js";
import { terminalSafe } from "../src/lib/export/terminal.js";
import { ValidationError } from "../src/lib/schema/validate.js";
import { UsageError, type Io } from "./command.js";
import { COMMANDS } from "./commands.js";

const version = SOFTWARE.version;

function help(): string {
  const width = Math.max(...COMMANDS.map((c) => c.name.length));
  return [
    `offramp ${version}: leave a banned security vendor, with the evidence to show for it`,
    "",
    "Usage: offramp <command> [options]",
    "",
    "Commands:",
    ...COMMANDS.map((c) => `  ${c.name.padEnd(width)}  ${c.summary}`),
    "",
    "Options: --help (also after a command), --version",
    "Data: the bundled sample organisation, or the folder named by OFFRAMP_DATA_DIR.",
  ].join("\n");
}

/** Standard output and error, with control characters shown rather than run (see terminalSafe). */
const terminal: Io = { out: (t) => console.log(terminalSafe(t)), err: (t) => console.error(terminalSafe(t)), env: process.env };

export async function main(argv: string[], io: Io = terminal): Promise<number> {
  const [name, ...rest] = argv;
  if (name === undefined || name === "--help" || name === "-h" || name === "help") {
    io.out(help());
    return 0;
  }
  if (name === "--version" || name === "-v") {
    io.out(version);
    return 0;
  }
  const info = COMMANDS.find((c) => c.name === name);
  if (!info) {
    io.err(`offramp: unknown command "${name}"\n\n${help()}`);
    return 2;
  }
  const started = performance.now();
  const command = await info.load();
  const usage = command.usage ?? info.usage;
  if (rest.includes("--help") || rest.includes("-h")) {
    io.out(`${info.summary}\n\nUsage: ${usage}`);
    return 0;
  }
  try {
    return await command.run(rest, io);
  } catch (error) {
    if (error instanceof UsageError || (error as { code?: string }).code?.startsWith("ERR_PARSE_ARGS")) {
      io.err(`offramp ${name}: ${(error as Error).message}\nUsage: ${usage}`);
      return 2;
    }
    if (error instanceof ValidationError) {
      io.err(`offramp ${name}: ${error.message}`);
      return 2;
    }
    if (error instanceof Error && /cannot be read|is not valid JSON/.test(error.message)) {
      io.err(`offramp ${name}: ${error.message}`);
      return 2;
    }
    // Anything else is still a message, not a stack trace (OFFRAMP_DEBUG=1 shows the trace).
    if (io.env.OFFRAMP_DEBUG === "1") throw error;
    io.err(`offramp ${name}: ${error instanceof Error ? error.message : String(error)}`);
    return 2;
  } finally {
    // For benchmarks: wall time and peak memory of the whole command.
    if (io.env.OFFRAMP_STATS === "1") io.err(`stats: ${JSON.stringify({ seconds: (performance.now() - started) / 1000, peakRssMb: process.resourceUsage().maxRSS / 1024 })}`);
  }
}
