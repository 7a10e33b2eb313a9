/**
 * The catalogue of one language: `texts(lang).welcome.hello(name)`. Bokmål is the source; the nynorsk
 * catalogue is typed against it (catalogue.ts), so a text missing in one language fails typecheck.
 */
import type { Catalogue } from "./catalogue.ts";
import type { Lang } from "./lang.ts";
import { nb } from "./nb/index.ts";
import { nn } from "./nn/index.ts";

export type Texts = Catalogue<typeof nb>;

const BY_LANG: Record<Lang, Texts> = { nb, nn };

export function texts(lang: Lang): Texts {
  return BY_LANG[lang];
}
