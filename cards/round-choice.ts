/**
 * "@bot bruk denne kanalen" when the person is staff of several rounds: which round should this
 * channel report to? One button per round (verb channel.bind); nothing is bound until one is chosen.
 */
import { DEFAULT_LANG, type Lang } from "../src/i18n/lang.ts";
import { texts } from "../src/i18n/texts.ts";
import type { RoundDoc } from "../src/rounds/types.ts";
import type { CardJson } from "./render.ts";
import { fits } from "./render.ts";
import { formatOsloTime } from "./time.ts";
import { actionData, Verb } from "./verbs.ts";

export interface RoundChoice {
  round: RoundDoc;
  /** The title of the round's form, for telling rounds of one county apart. */
  formTitle: string;
}

export function roundChoiceCard(choices: readonly RoundChoice[], lang: Lang = DEFAULT_LANG): CardJson {
  const roundChoiceText = texts(lang).staff.roundChoice;
  const data = (roundId: string) => actionData(Verb.ChannelBind, { roundId });
  return fits({
    type: "AdaptiveCard",
    $schema: "http://adaptivecards.io/schemas/adaptive-card.json",
    version: "1.5",
    body: [
      {
        type: "TextBlock",
        text: roundChoiceText.heading,
        weight: "Bolder",
        size: "Medium",
        wrap: true,
        style: "heading",
      },
      { type: "TextBlock", text: roundChoiceText.body, wrap: true, isSubtle: true, spacing: "None" },
      ...choices.map(({ round, formTitle }) => ({
        type: "Container",
        separator: true,
        spacing: "Medium",
        items: [
          {
            type: "RichTextBlock",
            inlines: [
              {
                type: "TextRun",
                text: roundChoiceText.round(round.county, round.reportingYear),
                weight: "Bolder",
              },
            ],
          },
          {
            type: "RichTextBlock",
            spacing: "None",
            inlines: [
              {
                type: "TextRun",
                isSubtle: true,
                text: roundChoiceText.details(
                  formTitle,
                  formatOsloTime(new Date(round.deadline)),
                  round.staffChannel !== undefined,
                ),
              },
            ],
          },
          {
            type: "ActionSet",
            actions: [
              {
                type: "Action.Execute",
                title: roundChoiceText.button(round.county, round.reportingYear),
                verb: Verb.ChannelBind,
                data: data(round.id),
                fallback: {
                  type: "Action.Submit",
                  title: roundChoiceText.button(round.county, round.reportingYear),
                  data: data(round.id),
                },
              },
            ],
          },
        ],
      })),
    ],
  });
}
