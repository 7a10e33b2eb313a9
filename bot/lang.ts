/**
 * The written standard of a turn, resolved once in the pipeline (bot/turn.ts) and carried on the Actor
 * (the person's own choice, else Teams' `activity.locale`, else bokmål); the partnership's målform
 * (import) comes in where the reply is about a report, ahead of the locale (src/i18n/lang.ts). Staff cards and channel posts use the round's setting instead,
 * unless the staff member chose for themselves.
 */
import { type Lang, langForReports, staffLang } from "../src/i18n/lang.ts";
import { type Texts, texts } from "../src/i18n/texts.ts";
import type { Actor, ReportDoc } from "../src/reports/types.ts";

type WithMalform = Pick<ReportDoc, "partnership"> | undefined;

/**
 * The language to write to this person in personal chat: their own choice, else the partnership's målform
 * of the report(s) the reply is about, else the turn's (Teams locale, else bokmål).
 */
export const langOf = (actor: Actor, ...reports: WithMalform[]): Lang => langForReports(actor, ...reports);

/** The bot layer's sentences in the person's language. */
export const botText = (actor: Actor, ...reports: WithMalform[]): Texts["bot"] =>
  texts(langOf(actor, ...reports)).bot;

/** The language of a staff card about a round: the staff member's own choice, else the round's, else bokmål. */
export const staffLangOf = (actor: Actor, round: { malform?: Lang } | undefined): Lang =>
  staffLang(actor.chosenLang, round?.malform);
