/** Groups the digits of a whole number in threes with a normal space: 1000000 -> "1 000 000". */
export function groupDigits(n: number): string {
  return String(n).replace(/\B(?=(\d{3})+(?!\d))/g, " ");
}
