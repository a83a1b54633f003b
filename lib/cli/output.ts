// Commands print with console.log / console.error. When the app runs a forwarded command, the
// lines it prints belong to that command's caller, not to the server's log: an async context
// routes them, so the app's own logging at the same moment is untouched.
import { AsyncLocalStorage } from "node:async_hooks";
import { format } from "node:util";

export type OutputLine = { stream: "out" | "err"; text: string };

const sink = new AsyncLocalStorage<OutputLine[]>();
let installed = false;

function install() {
  if (installed) return;
  installed = true;
  const original = { log: console.log, error: console.error, warn: console.warn };
  const route = (stream: OutputLine["stream"], fallback: (...args: unknown[]) => void) =>
    (...args: unknown[]) => {
      const lines = sink.getStore();
      if (lines) lines.push({ stream, text: format(...args) });
      else fallback(...args);
    };
  console.log = route("out", original.log);
  console.error = route("err", original.error);
  console.warn = route("err", original.warn);
}

/** Runs fn and returns what it printed, instead of printing it. */
export async function captureOutput<T>(fn: () => Promise<T>): Promise<{ result: T; lines: OutputLine[] }> {
  install();
  const lines: OutputLine[] = [];
  const result = await sink.run(lines, fn);
  return { result, lines };
}
