// Misbehaviour the simulator can be told to show, per action or for all ("*"), to prove the
// client classifies every way a real panel fails.
import type { Prng } from "./prng";

export type FaultKind =
  | { type: "latency"; ms: number }
  | { type: "hang" }
  | { type: "http500" }
  | { type: "http502" }
  | { type: "truncated-json" }
  | { type: "malformed-json" }
  | { type: "error"; message: string }
  | { type: "rate-limit"; retryAfter?: number }
  | { type: "create-then-drop" };

/** `times`: only the next n matching requests; `probability`: each request, drawn from the seeded PRNG. */
export type Fault = FaultKind & { times?: number; probability?: number };

/**
 * Whether the action itself runs before the fault shows. Faults that lose or mangle the answer
 * run it (the panel did the work, the client cannot know); those that refuse up front do not.
 */
export function faultPerformsAction(fault: FaultKind): boolean {
  return fault.type === "latency" || fault.type === "truncated-json" || fault.type === "malformed-json" || fault.type === "create-then-drop";
}

export type FaultTable = {
  set(action: string, fault: Fault | null): void;
  clear(): void;
  /** The fault to apply to this request, if any; consumes one of its `times`. */
  take(action: string): FaultKind | null;
};

export function createFaultTable(prng: Prng): FaultTable {
  const faults = new Map<string, Fault>();
  return {
    set(action, fault) {
      if (fault === null) faults.delete(action);
      else faults.set(action, { ...fault });
    },
    clear: () => faults.clear(),
    take(action) {
      const key = faults.has(action) ? action : faults.has("*") ? "*" : null;
      if (key === null) return null;
      const fault = faults.get(key)!;
      if (fault.probability !== undefined && !prng.chance(fault.probability)) return null;
      if (fault.times !== undefined) {
        fault.times -= 1;
        if (fault.times <= 0) faults.delete(key);
      }
      return fault;
    },
  };
}

/**
 * CLI form: `action=type[:arg][@probability][#times]`, e.g. `add=http500`, `status=latency:3000`,
 * `*=rate-limit:2@0.2`, `add=error:Not enough funds on balance#1`.
 */
export function parseFaultSpec(spec: string): { action: string; fault: Fault } | { error: string } {
  const equals = spec.indexOf("=");
  if (equals <= 0) return { error: `fault "${spec}" is not action=type` };
  const action = spec.slice(0, equals).trim();
  let rest = spec.slice(equals + 1);
  const extras: { times?: number; probability?: number } = {};
  const times = /#(\d+)$/.exec(rest);
  if (times) {
    extras.times = Number(times[1]);
    rest = rest.slice(0, times.index);
  }
  const probability = /@(0(?:\.\d+)?|1(?:\.0+)?)$/.exec(rest);
  if (probability) {
    extras.probability = Number(probability[1]);
    rest = rest.slice(0, probability.index);
  }
  const colon = rest.indexOf(":");
  const type = colon === -1 ? rest : rest.slice(0, colon);
  const arg = colon === -1 ? "" : rest.slice(colon + 1);
  const kind = faultKindFrom(type.trim(), arg);
  if ("error" in kind) return { error: `fault "${spec}": ${kind.error}` };
  return { action, fault: { ...kind, ...extras } };
}

function faultKindFrom(type: string, arg: string): FaultKind | { error: string } {
  switch (type) {
    case "latency":
      return /^\d+$/.test(arg) ? { type, ms: Number(arg) } : { error: "latency needs milliseconds, e.g. latency:3000" };
    case "rate-limit":
      if (arg === "") return { type };
      return /^\d+$/.test(arg) ? { type, retryAfter: Number(arg) } : { error: "rate-limit takes seconds, e.g. rate-limit:2" };
    case "error":
      return arg ? { type, message: arg } : { error: "error needs a message, e.g. error:Incorrect request" };
    case "hang":
    case "http500":
    case "http502":
    case "truncated-json":
    case "malformed-json":
    case "create-then-drop":
      return { type };
    default:
      return { error: `unknown fault type "${type}"` };
  }
}
