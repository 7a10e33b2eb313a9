/** The bokmål catalogue: every user-facing text, by area. The nynorsk one (../nn/) has the same shape. */
import { approvals } from "./approvals.ts";
import { bot } from "./bot.ts";
import { botDocuments } from "./bot-documents.ts";
import { channel } from "./channel.ts";
import { chat } from "./chat.ts";
import { coeditors } from "./coeditors.ts";
import { dates } from "./dates.ts";
import { documents } from "./documents.ts";
import { exports } from "./exports.ts";
import { imports } from "./imports.ts";
import { overview } from "./overview.ts";
import { pdf } from "./pdf.ts";
import { people } from "./people.ts";
import { plausibility } from "./plausibility.ts";
import { labels, messages } from "./questionnaire.ts";
import { reminder } from "./reminder.ts";
import { receipt, review, summaryCard } from "./review.ts";
import { section } from "./section.ts";
import { staff } from "./staff.ts";
import { welcome } from "./welcome.ts";

export const nb = {
  approvals,
  bot,
  botDocuments,
  channel,
  chat,
  coeditors,
  dates,
  documents,
  exports,
  imports,
  labels,
  messages,
  overview,
  pdf,
  people,
  plausibility,
  receipt,
  reminder,
  review,
  section,
  staff,
  summaryCard,
  welcome,
};
