/** Injectable time. Everything that depends on "now" takes a Clock. */
export type Clock = () => Date;

export const systemClock: Clock = () => new Date();

/** A clock frozen at (or offset to) a given instant; for demos and tests. */
export function fixedClock(iso: string): Clock {
  const t = new Date(iso).getTime();
  return () => new Date(t);
}
