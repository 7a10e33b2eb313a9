/**
 * The nynorsk catalogue, typed against the bokmål one (a missing text fails typecheck). Written as a
 * municipal adviser in Vestland writes: e-infinitive, «rapporteringa», «Statsforvaltaren», «skuleeigar».
 */
import type { Catalogue } from "../catalogue.ts";
import type { nb } from "../nb/index.ts";
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

export const nn: Catalogue<typeof nb> = {
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
