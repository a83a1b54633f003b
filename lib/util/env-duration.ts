// Durations read from the environment in seconds, with a default when unset or not a number ≥ 0,
// so a typo in a setting falls back to the documented default instead of to zero.
export function secondsFromEnv(name: string, defaultSeconds: number): number {
  const text = process.env[name]?.trim();
  const seconds = text ? Number(text) : Number.NaN;
  return (Number.isFinite(seconds) && seconds >= 0 ? seconds : defaultSeconds) * 1000;
}
