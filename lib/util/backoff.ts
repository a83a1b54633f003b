// When to look at an order again. Young orders move fast, old ones slowly; failures back off
// exponentially so that a provider that is down is not hammered.
const MINUTE = 60_000;

export function nextPollAt(now: Date, createdAt: Date): Date {
  const age = now.getTime() - createdAt.getTime();
  const wait = age < 15 * MINUTE ? MINUTE : age < 2 * 60 * MINUTE ? 3 * MINUTE : age < 24 * 60 * MINUTE ? 10 * MINUTE : 30 * MINUTE;
  return new Date(now.getTime() + wait);
}

/** After `failures` consecutive failed polls (1, 2, …): 30 s, 1 min, 2 min … capped at 30 min. */
export function retryAt(now: Date, failures: number): Date {
  const wait = Math.min(30_000 * 2 ** Math.max(0, failures - 1), 30 * MINUTE);
  return new Date(now.getTime() + wait);
}
