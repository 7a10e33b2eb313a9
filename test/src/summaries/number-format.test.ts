import { describe, expect, it } from "vitest";
import {
  formatKroner,
  formatNumber,
  formatPercent,
  percentOf,
  roundedPercent,
  roundHalfUp,
} from "../../../src/summaries/number-format.ts";

describe("roundHalfUp", () => {
  it("should round x.5 up, not to even (banker's rounding would give 210062, 0, 2)", () => {
    expect(roundHalfUp(210062.5)).toBe(210063);
    expect(roundHalfUp(0.5)).toBe(1);
    expect(roundHalfUp(1.5)).toBe(2);
    expect(roundHalfUp(2.5)).toBe(3);
    expect(roundHalfUp(3.5)).toBe(4);
  });

  it("should round below .5 down and above .5 up", () => {
    expect(roundHalfUp(210062.4999)).toBe(210062);
    expect(roundHalfUp(2.51)).toBe(3);
    expect(roundHalfUp(7)).toBe(7);
    expect(roundHalfUp(0)).toBe(0);
  });

  it("should be robust to binary float error", () => {
    // 2.675 is stored as 2.67499999999999982…; decimally it is a half, so half up gives 2.68.
    expect(roundHalfUp(2.675, 2)).toBe(2.68);
    // 1.005 is stored as 1.00499999999999989…
    expect(roundHalfUp(1.005, 2)).toBe(1.01);
    // 4.35 * 100 = 434.99999999999994 in binary; the intended value is 435.
    expect(roundHalfUp(4.35 * 100)).toBe(435);
    // 0.1 + 0.2 = 0.30000000000000004
    expect(roundHalfUp(0.1 + 0.2, 1)).toBe(0.3);
  });

  it("should round with decimals", () => {
    expect(roundHalfUp(2.138089935299395, 3)).toBe(2.138);
    expect(roundHalfUp(2.25, 1)).toBe(2.3);
    expect(roundHalfUp(2.35, 1)).toBe(2.4);
  });

  it("should round negative halves away from zero and never give -0", () => {
    expect(roundHalfUp(-2.5)).toBe(-3);
    expect(roundHalfUp(-0.5)).toBe(-1);
    expect(Object.is(roundHalfUp(-0.4), 0)).toBe(true);
  });

  it("should leave non-finite values alone and reject bad decimals", () => {
    expect(roundHalfUp(Number.NaN)).toBeNaN();
    expect(() => roundHalfUp(1, -1)).toThrow(RangeError);
    expect(() => roundHalfUp(1, 1.5)).toThrow(RangeError);
  });
});

describe("formatNumber", () => {
  it("should separate thousands with a normal space", () => {
    expect(formatNumber(0)).toBe("0");
    expect(formatNumber(999)).toBe("999");
    expect(formatNumber(1000)).toBe("1 000");
    expect(formatNumber(2760491)).toBe("2 760 491");
    expect(formatNumber(1300000)).toBe("1 300 000");
    expect(formatNumber(123456789012)).toBe("123 456 789 012");
    // The separator is U+0020, not a no-break space.
    expect(formatNumber(1000).charCodeAt(1)).toBe(0x20);
  });

  it("should round half up to whole numbers by default", () => {
    expect(formatNumber(210062.5)).toBe("210 063");
    expect(formatNumber(0.5)).toBe("1");
  });

  it("should write decimals with a comma", () => {
    expect(formatNumber(3.5, { decimals: 1 })).toBe("3,5");
    expect(formatNumber(1234.5, { decimals: 2 })).toBe("1 234,50");
    expect(formatNumber(2.675, { decimals: 2 })).toBe("2,68");
    expect(formatNumber(3, { decimals: 1 })).toBe("3,0");
  });

  it("should drop trailing zero decimals when asked", () => {
    expect(formatNumber(3, { decimals: 1, trimZeros: true })).toBe("3");
    expect(formatNumber(1234.5, { decimals: 2, trimZeros: true })).toBe("1 234,5");
    // 2.96 -> 3.0 -> "3"
    expect(formatNumber(2.96, { decimals: 1, trimZeros: true })).toBe("3");
  });

  it("should write negative numbers with a minus and no negative zero", () => {
    expect(formatNumber(-1234)).toBe("-1 234");
    expect(formatNumber(-0.4)).toBe("0");
  });

  it("should write a dash for non-finite values", () => {
    expect(formatNumber(Number.NaN)).toBe("–");
    expect(formatNumber(Number.POSITIVE_INFINITY)).toBe("–");
  });
});

describe("formatKroner", () => {
  it("should write whole kroner with thousands separators", () => {
    expect(formatKroner(1300000)).toBe("1 300 000 kr");
    expect(formatKroner(0)).toBe("0 kr");
    expect(formatKroner(210062.5)).toBe("210 063 kr");
  });
});

describe("formatPercent", () => {
  it("should round whole percent half up", () => {
    // 6 / 16 = 37.5 % -> 38 %
    expect(formatPercent(6, 16)).toBe("38 %");
    // 1 / 3 = 33.33 % -> 33 %
    expect(formatPercent(1, 3)).toBe("33 %");
    // 2 / 3 = 66.67 % -> 67 %
    expect(formatPercent(2, 3)).toBe("67 %");
    // 1 / 8 = 12.5 % -> 13 %
    expect(formatPercent(1, 8)).toBe("13 %");
    expect(formatPercent(16, 16)).toBe("100 %");
    expect(formatPercent(0, 16)).toBe("0 %");
  });

  it("should give 0 % when nobody answered", () => {
    expect(formatPercent(0, 0)).toBe("0 %");
    expect(percentOf(0, 0)).toBe(0);
    expect(roundedPercent(0, 0)).toBe(0);
  });

  it("should keep the unrounded share in percentOf", () => {
    expect(percentOf(6, 16)).toBe(37.5);
    expect(roundedPercent(6, 16)).toBe(38);
  });
});
