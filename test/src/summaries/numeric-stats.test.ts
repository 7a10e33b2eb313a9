import { describe, expect, it } from "vitest";
import { formatNumericStats, numericStats } from "../../../src/summaries/statistics.ts";

describe("numericStats", () => {
  it("should give undefined for no values", () => {
    expect(numericStats([])).toBeUndefined();
  });

  it("should give stdev 0 and the value itself for N = 1", () => {
    expect(numericStats([42])).toEqual({ n: 1, sum: 42, mean: 42, median: 42, stdev: 0 });
  });

  it("should take the middle value as median for odd N", () => {
    // sorted 1 2 3 -> median 2; mean 6/3 = 2; squares 1+0+1 = 2, /(3-1) = 1 -> stdev 1
    expect(numericStats([3, 1, 2])).toEqual({ n: 3, sum: 6, mean: 2, median: 2, stdev: 1 });
  });

  it("should take the mean of the two middle values as median for even N and use the sample stdev", () => {
    // [2,4,4,4,5,5,7,9]: sum 40, mean 5, median (4+5)/2 = 4.5
    // squared deviations 9+1+1+1+0+0+4+16 = 32; sample variance 32/7 = 4.5714…; stdev 2.13808993…
    // (the population stdev would be exactly 2)
    const s = numericStats([2, 4, 4, 4, 5, 5, 7, 9]);
    expect(s?.n).toBe(8);
    expect(s?.sum).toBe(40);
    expect(s?.mean).toBe(5);
    expect(s?.median).toBe(4.5);
    expect(s?.stdev).toBeCloseTo(2.138089935, 8);
  });

  it("should count zeros as answers", () => {
    // [0,0,10]: N 3, sum 10, mean 3.333…, median 0
    // deviations -10/3, -10/3, 20/3: squares 100/9 + 100/9 + 400/9 = 600/9; /2 = 100/3; stdev sqrt(33.33…) = 5.7735…
    const s = numericStats([0, 0, 10]);
    expect(s?.n).toBe(3);
    expect(s?.sum).toBe(10);
    expect(s?.mean).toBeCloseTo(10 / 3, 12);
    expect(s?.median).toBe(0);
    expect(s?.stdev).toBeCloseTo(Math.sqrt(100 / 3), 12);
  });

  it("should not reorder the input", () => {
    const values = [3, 1, 2];
    numericStats(values);
    expect(values).toEqual([3, 1, 2]);
  });
});

describe("formatNumericStats", () => {
  it("should round the mean half up only at display", () => {
    // (210000 + 210125) / 2 = 210062.5 -> "210 063"; stdev 125/sqrt(2) = 88.388… -> "88"
    const s = numericStats([210000, 210125]);
    expect(s?.mean).toBe(210062.5);
    expect(s && formatNumericStats(s)).toEqual({
      n: "2",
      sum: "420 125",
      mean: "210 063",
      median: "210 063",
      stdev: "88",
    });
  });

  it("should show at most the given decimals without trailing zeros", () => {
    // [2,4,4,4,5,5,7,9]: mean 5, median 4.5, stdev 2.138… -> "5", "4,5", "2,1"
    const s = numericStats([2, 4, 4, 4, 5, 5, 7, 9]);
    expect(s && formatNumericStats(s, 1)).toEqual({
      n: "8",
      sum: "40",
      mean: "5",
      median: "4,5",
      stdev: "2,1",
    });
  });
});
