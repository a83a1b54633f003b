// Password guessing: after MAX_FAILURES wrong passwords for one email within WINDOW_MS, further
// attempts for it are refused (with the same answer as a wrong password) until the window ends.
// A successful sign-in clears the count. In process memory, bounded; per app process.
export const MAX_FAILURES = 10;
export const WINDOW_MS = 15 * 60_000;
const MAX_TRACKED = 10_000;

type Entry = { failures: number; since: number };

export function createSignInThrottle(now: () => number = Date.now) {
  const entries = new Map<string, Entry>();
  const current = (email: string): Entry | undefined => {
    const entry = entries.get(email);
    if (entry && now() - entry.since >= WINDOW_MS) {
      entries.delete(email);
      return undefined;
    }
    return entry;
  };
  return {
    isBlocked: (email: string) => (current(email)?.failures ?? 0) >= MAX_FAILURES,
    recordFailure(email: string) {
      const entry = current(email);
      if (entry) entry.failures += 1;
      else {
        // Oldest first: Map keeps insertion order.
        if (entries.size >= MAX_TRACKED) entries.delete(entries.keys().next().value!);
        entries.set(email, { failures: 1, since: now() });
      }
    },
    recordSuccess: (email: string) => void entries.delete(email),
  };
}
