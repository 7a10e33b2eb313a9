/**
 * The questionnaire area's texts (nynorsk): validation messages shown under card inputs, and the labels
 * used when an answer is written out for display.
 */

import type { Catalogue } from "../catalogue.ts";
import { groupDigits } from "../digits.ts";
import type { labels as nbLabels, messages as nbMessages } from "../nb/questionnaire.ts";

export const labels: Catalogue<typeof nbLabels> = {
  yes: "Ja",
  no: "Nei",
  other: "Anna",
  otherWithText: (text: string) => `Anna: ${text}`,
  amount: (n: number) => `${groupDigits(n)} kr`,
  spring: "Vår",
  autumn: "Haust",
};

export const messages: Catalogue<typeof nbMessages> = {
  required: "Du må svare på dette spørsmålet.",
  invalidValue: "Ugyldig verdi.",
  rawTooLong: (max: number) => `Teksten er for lang. Eit felt kan ha høgst ${groupDigits(max)} teikn.`,

  textTooLong: (max: number, typed: number) => `Svaret kan vere høgst ${max} teikn (du skreiv ${typed}).`,
  textTooHeavy:
    "Teksten er for lang: emoji og nokre spesialteikn tek meir plass enn vanlege bokstavar. Kort ned teksten litt.",
  commentTooLong: (max: number, typed: number) =>
    `Kommentaren kan vere høgst ${max} teikn (du skreiv ${typed}).`,
  otherTooLong: (max: number, typed: number) =>
    `Teksten under «Anna» kan vere høgst ${max} teikn (du skreiv ${typed}).`,
  commentWithoutAnswer:
    "Kommentaren kan berre lagrast saman med eit svar. Svar på spørsmålet, eller tøm kommentarfeltet.",

  integerNegative: "Talet kan ikkje vere negativt.",
  integerDecimal: "Skriv eit heilt tal, utan desimalar.",
  integerInvalid: "Skriv eit heilt tal med siffer, til dømes 12 eller 1 200.",
  integerTooLarge: (max: number) => `Talet kan vere høgst ${groupDigits(max)}.`,

  amountNegative: "Beløpet kan ikkje vere negativt.",
  amountOre: "Oppgi heile kroner, utan øre.",
  amountInvalid: "Skriv beløpet i heile kroner med siffer, til dømes 160 000.",
  amountTooLarge: (max: number) => `Beløpet kan vere høgst ${groupDigits(max)} kr.`,

  email: "Skriv ei gyldig e-postadresse, til dømes ola.nordmann@kommune.no.",
  phone: "Skriv eit norsk telefonnummer med 8 siffer, til dømes 912 34 567 eller +47 912 34 567.",
  yesno: "Vel ja eller nei.",

  unknownOption: "Ugyldig val. Vel eitt av alternativa.",
  otherRequired: "Skriv kva «Anna» gjeld.",
  otherWithoutOther:
    "Du har skrive noko under «Anna», men valt eit anna alternativ. Vel «Anna», eller tøm feltet.",

  season: "Vel vår eller haust.",
  seasonMissing: "Vel òg vår eller haust.",
  year: "Skriv årstalet med fire siffer, til dømes 2022.",
  yearRange: (min: number, max: number) => `Årstalet må vere mellom ${min} og ${max}.`,
  yearMissing: "Skriv òg årstalet.",

  periodOrder: "Sluttidspunktet kan ikkje vere før oppstartstidspunktet.",
};
