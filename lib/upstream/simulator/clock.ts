// Simulated time in minutes. Tests move it by hand; the standalone server lets it run with
// wall time, sped up so a demo order finishes in a minute or two.
export type ClockOption = "manual" | { realtime: true; speed?: number };

/** One real second is one simulated minute: orders (≤ ~2 simulated hours) finish within ~2 real minutes. */
export const DEFAULT_REALTIME_SPEED = 60;

export type SimClock = { now(): number; advance(minutes: number): void };

/** `startAt`: simulated minutes already elapsed (a restored simulator continues where it stopped). */
export function createClock(option: ClockOption, startAt = 0): SimClock {
  let offsetMinutes = startAt;
  if (option === "manual") {
    return { now: () => offsetMinutes, advance: (minutes) => void (offsetMinutes += minutes) };
  }
  const speed = option.speed ?? DEFAULT_REALTIME_SPEED;
  const startedAt = Date.now();
  return {
    now: () => ((Date.now() - startedAt) / 60_000) * speed + offsetMinutes,
    advance: (minutes) => void (offsetMinutes += minutes),
  };
}
