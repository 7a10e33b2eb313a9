/**
 * "@bot bruk denne kanalen" when the person is staff of several rounds: which round should this
 * channel report to? One button per round (verb channel.bind); nothing is bound until one is chosen.
 */
import type { RoundDoc } from "../src/rounds/types.ts";
import type { CardJson } from "./render.ts";
import { fits } from "./render.ts";
import { formatOsloTime } from "./time.ts";
import { actionData, Verb } from "./verbs.ts";

const roundChoiceText = {
  heading: "Hvilken rapporteringsrunde skal kanalen brukes til?",
  body: "Du er saksbehandler for flere runder. Velg den som sammendrag, status og oversikt i denne kanalen skal gjelde.",
  round: (county: string, year: number) => `${county} ${year}`,
  details: (formTitle: string, deadline: string, bound: boolean) =>
    `Skjema: ${formTitle} · frist ${deadline}${bound ? " · koblet til en kanal fra før" : ""}`,
  button: (county: string, year: number) => `Bruk ${county} ${year}`,
} as const;

export interface RoundChoice {
  round: RoundDoc;
  /** The title of the round's form, for telling rounds of one county apart. */
  formTitle: string;
}

export function roundChoiceCard(choices: readonly RoundChoice[]): CardJson {
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
