/**
 * N, Sum, Snitt, Median and Standardavvik of a numeric question, the way the county's survey tool computes
 * and prints them (SUMMARY-SPEC §2):
 * - an answer of 0 is an answer (in N, Sum, Snitt, Median, Standardavvik);
 * - Snitt = Sum / N; Median = middle value, or the mean of the two middle values for even N;
 * - Standardavvik is the sample standard deviation (N - 1), 0 for N = 1;
 * - Snitt, Median and Standardavvik are SHOWN as whole numbers rounded half up for every numeric question,
 *   counts as well as kroner ("Snitt: 3" where the mean is 2.75); the raw values stay unrounded here.
 * Pure functions, no I/O.
 */
import { formatNumber } from "./number-format.ts";

export interface NumericStats {
  n: number;
  sum: number;
  /** Sum / N, unrounded. */
  mean: number;
  /** Unrounded (x.5 for an even N with an odd sum of the middle values). */
  median: number;
  /** Sample standard deviation (divides by N - 1); 0 when N = 1. Unrounded. */
  stdev: number;
}

/** N, Sum, Snitt, Median and sample Standardavvik of the values; undefined when there are none. */
export function numericStats(values: readonly number[]): NumericStats | undefined {
  const n = values.length;
  if (n === 0) return undefined;
  const sum = values.reduce((acc, v) => acc + v, 0);
  const mean = sum / n;
  const sorted = [...values].sort((a, b) => a - b);
  const middle = Math.floor(n / 2);
  const median =
    n % 2 === 1
      ? (sorted[middle] as number)
      : ((sorted[middle - 1] as number) + (sorted[middle] as number)) / 2;
  const squares = values.reduce((acc, v) => acc + (v - mean) ** 2, 0);
  const stdev = n > 1 ? Math.sqrt(squares / (n - 1)) : 0;
  return { n, sum, mean, median, stdev };
}

/** The statistics as display strings ("2 760 491"), each a whole number rounded half up. */
export interface NumericDisplay {
  n: string;
  sum: string;
  mean: string;
  median: string;
  stdev: string;
}

/**
 * The display strings. The county prints whole numbers for every numeric question (decimals = 0, the
 * default); `decimals` exists only for callers that deliberately want more.
 */
export function formatNumericStats(stats: NumericStats, decimals = 0): NumericDisplay {
  const fmt = (x: number) => formatNumber(x, { decimals, trimZeros: true });
  return {
    n: formatNumber(stats.n),
    sum: formatNumber(stats.sum),
    mean: fmt(stats.mean),
    median: fmt(stats.median),
    stdev: fmt(stats.stdev),
  };
}
