/**
 * The shape a language's catalogue must have: the same keys as the bokmål one, each a string, a function
 * with the same parameters giving a string, or a nested catalogue. The nynorsk files are typed with it,
 * so a key missing in one language fails typecheck.
 */
export type Catalogue<T> = {
  [K in keyof T]: T[K] extends string
    ? string
    : T[K] extends (...args: infer A) => infer R
      ? (...args: A) => R extends string ? string : R
      : T[K] extends readonly string[]
        ? readonly string[]
        : Catalogue<T[K]>;
};
