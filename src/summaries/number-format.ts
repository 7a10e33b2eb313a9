/**
 * Rounding and Norwegian number formatting for summaries and statistics (see SUMMARY-SPEC).
 *
 * Conventions:
 * - Rounding is half up ("kommersiell avrunding"): 0.5 -> 1, 2.5 -> 3, 210062.5 -> 210063. Negative values round
 *   half away from zero (-2.5 -> -3), i.e. the magnitude is rounded half up. Never banker's rounding.
 * - Binary float noise is removed before rounding by going through the value's 15 significant digits (as Excel
 *   does), so 2.675 (stored as 2.67499999…) rounds to 2.68 with two decimals and 4.35 * 100 rounds to 435.
 * - Thousands are separated by a normal space (U+0020), decimals by a comma: "2 760 491", "3,5".
 * - Percentages are written with a space before the sign: "38 %".
 */

/** Moves the decimal point of x by `places` using decimal exponent notation, so no binary error is added. */
function shiftDecimal(x: number, places: number): number {
  const [mantissa, exponent = "0"] = x.toString().split("e");
  return Number(`${mantissa}e${Number(exponent) + places}`);
}

/**
 * Rounds half up (half away from zero for negative values) to `decimals` decimals (0-15).
 * Non-finite values are returned unchanged.
 */
export function roundHalfUp(x: number, decimals = 0): number {
  if (!Number.isFinite(x)) return x;
  if (!Number.isInteger(decimals) || decimals < 0 || decimals > 15) {
    throw new RangeError(`roundHalfUp: decimals must be a whole number 0-15, got ${decimals}`);
  }
  const magnitude = Number(Math.abs(x).toPrecision(15));
  const rounded = shiftDecimal(Math.floor(shiftDecimal(magnitude, decimals) + 0.5), -decimals);
  // No negative zero: -0.4 rounds to 0.
  return x < 0 && rounded !== 0 ? -rounded : rounded;
}

export interface FormatNumberOptions {
  /** Decimals to round to (half up). Default 0. */
  decimals?: number;
  /** Drop trailing zero decimals ("3,50" -> "3,5", "3,00" -> "3"). Default false. */
  trimZeros?: boolean;
}

/** Groups the digits of a whole-number string in threes with a normal space. */
function groupThousands(digits: string): string {
  return digits.replace(/\B(?=(\d{3})+(?!\d))/g, " ");
}

/**
 * Writes a number the Norwegian way: "2 760 491", "0", "-1 234", "3,5" (with decimals).
 * Rounds half up first. Non-finite values give "–".
 */
export function formatNumber(n: number, options: FormatNumberOptions = {}): string {
  if (!Number.isFinite(n)) return "–";
  const decimals = options.decimals ?? 0;
  const rounded = roundHalfUp(n, decimals);
  const fixed = Math.abs(rounded).toFixed(decimals);
  const [whole = "0", fraction = ""] = fixed.split(".");
  const shownFraction = options.trimZeros ? fraction.replace(/0+$/, "") : fraction;
  const sign = rounded < 0 ? "-" : "";
  return `${sign}${groupThousands(whole)}${shownFraction ? `,${shownFraction}` : ""}`;
}

/** Whole kroner, rounded half up: "1 300 000 kr". */
export function formatKroner(n: number): string {
  return `${formatNumber(n)} kr`;
}

/** Share of `total` in percent, unrounded (0 when total is 0). */
export function percentOf(count: number, total: number): number {
  return total > 0 ? (count / total) * 100 : 0;
}

/** Whole percent rounded half up: 6 of 16 -> 38, 1 of 3 -> 33, 2 of 3 -> 67 (0 when total is 0). */
export function roundedPercent(count: number, total: number): number {
  // count * 100 / total keeps exact halves exact (6 * 100 / 16 = 37.5).
  return total > 0 ? roundHalfUp((count * 100) / total) : 0;
}

/** "38 %" for 6 of 16; "0 %" when total is 0. */
export function formatPercent(count: number, total: number): string {
  return `${formatNumber(roundedPercent(count, total))} %`;
}
