/** Aggregating and printing benchmark figures. */
import { percentile } from "./client.ts";
import type { StepRecord } from "./report-walk.ts";

export interface StepStats {
  step: string;
  n: number;
  errors: number;
  p50: number;
  p95: number;
  p99: number;
  max: number;
}

export function stepStats(step: string, records: readonly StepRecord[]): StepStats {
  const ms = records.map((r) => r.ms);
  return {
    step,
    n: records.length,
    errors: records.filter((r) => !r.ok).length,
    p50: percentile(ms, 50),
    p95: percentile(ms, 95),
    p99: percentile(ms, 99),
    max: ms.length === 0 ? Number.NaN : Math.max(...ms),
  };
}

export function byStep(records: readonly StepRecord[], steps: readonly string[]): StepStats[] {
  return steps.map((s) =>
    stepStats(
      s,
      records.filter((r) => r.step === s),
    ),
  );
}

/** A plain fixed-width table (first column left-aligned, the rest right-aligned). */
export function table(header: string[], rows: (string | number)[][]): string {
  const cells = [header, ...rows.map((r) => r.map((c) => (typeof c === "number" ? fmt(c) : c)))];
  const widths = header.map((_, i) => Math.max(...cells.map((r) => String(r[i] ?? "").length)));
  const line = (r: (string | number)[]) =>
    r
      .map((c, i) => (i === 0 ? String(c).padEnd(widths[i] ?? 0) : String(c).padStart(widths[i] ?? 0)))
      .join("  ");
  return [
    line(cells[0] ?? []),
    widths.map((w) => "-".repeat(w)).join("  "),
    ...cells.slice(1).map(line),
  ].join("\n");
}

/** A number with sensible precision for the tables. */
export function fmt(x: number): string {
  if (!Number.isFinite(x)) return "-";
  if (Number.isInteger(x)) return String(x);
  if (Math.abs(x) >= 100) return x.toFixed(0);
  if (Math.abs(x) >= 10) return x.toFixed(1);
  return x.toFixed(2);
}

export const ratio = (a: number, b: number) => (b > 0 && Number.isFinite(a) ? a / b : Number.NaN);
