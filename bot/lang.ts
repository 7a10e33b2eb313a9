/**
 * The written standard of a turn, resolved once in the pipeline (bot/turn.ts) and carried on the Actor:
 * the person's own choice, else the partnership's målform (import), else Teams' `activity.locale`,
 * else bokmål (src/i18n/lang.ts). Staff cards and channel posts use the round's setting instead,
 * unless the staff member chose for themselves.
 */
import { DEFAULT_LANG, type Lang, staffLang } from "../src/i18n/lang.ts";
import { type Texts, texts } from "../src/i18n/texts.ts";
import type { Actor } from "../src/reports/types.ts";

/** The language to write to this person in personal chat. */
export const langOf = (actor: Actor): Lang => actor.lang ?? DEFAULT_LANG;

/** The bot layer's sentences in the person's language. */
export const botText = (actor: Actor): Texts["bot"] => texts(langOf(actor)).bot;

/** The language of a staff card about a round: the staff member's own choice, else the round's, else bokmål. */
export const staffLangOf = (actor: Actor, round: { malform?: Lang } | undefined): Lang =>
  staffLang(actor.chosenLang, round?.malform);
