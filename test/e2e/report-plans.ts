/**
 * What the end-to-end tests type into each form: a good value for every question, a bad value
 * first for at least one question of every answer type, and what must end up in Cosmos. Questions the
 * card pre-fills (what the county knows, last year's answers) say what the card must show first;
 * `keep` leaves the pre-filled value as it is, so it is stored only because the page was saved.
 */
import type { AnswerContent } from "../../src/questionnaire/types.ts";
import type { Fill } from "../support/form-filler.ts";

export interface Step {
  good: Fill;
  bad?: Fill;
  /** A piece of the Norwegian error message the bad value must produce. */
  badMessage?: string;
  /** The stored answer; undefined = nothing stored (optional question left empty). */
  stored?: AnswerContent;
  /** What the card shows before anything is typed (text, or ticked options). */
  prefilled?: string | string[];
  /** Type nothing: the pre-filled value is the answer. */
  keep?: boolean;
}

const MARKDOWN = "**Bedre** undervisning <b>for</b> alle [lenke](http://x)";

export const plan2024: Record<string, Step> = {
  q01: {
    bad: { text: "" },
    badMessage: "Dette spørsmålet må besvares.",
    good: { text: "Alex Wilber" },
    stored: { value: "Alex Wilber" },
    prefilled: "Alex Wilber",
  },
  q02: {
    good: { text: "Salten regionråd" },
    stored: { value: "Salten regionråd" },
    prefilled: "Salten regionråd",
    keep: true,
  },
  q03: {
    bad: { text: "1234" },
    badMessage: "norsk telefonnummer med 8 sifre",
    good: { text: "+47 912 34 567" },
    stored: { value: "+4791234567" },
  },
  q04: { bad: { text: "to" }, badMessage: "Skriv et helt tall", good: { text: "2" }, stored: { value: 2 } },
  q05: { good: { text: "0" }, stored: { value: 0 } },
  q06: { good: { text: "1 200" }, stored: { value: 1200 } },
  q07: { good: { text: "" }, prefilled: "Montessoriskolen" },
  q08: {
    good: { options: ["Bodø", "Fauske - Fuosko"] },
    stored: { value: ["bodo", "fauske"] },
    prefilled: ["Bodø", "Fauske - Fuosko"],
    keep: true,
  },
  q09: {
    good: { text: "Nord universitet" },
    stored: { value: "Nord universitet" },
    prefilled: "Nord universitet",
    keep: true,
  },
  q10: {
    bad: { options: ["Vikarutgifter", "Annet"], other: "" },
    badMessage: "Skriv hva «Annet» gjelder.",
    good: { options: ["Vikarutgifter", "Annet"], other: "Kurs for lærere" },
    stored: { value: ["vikarutgifter", "annet"], other: "Kurs for lærere" },
  },
  q11: {
    bad: { text: "12,5" },
    badMessage: "Oppgi hele kroner",
    good: { text: "kr 160 000,-" },
    stored: { value: 160000 },
  },
  q12: {
    good: { options: ["Har ikke koordinatorfunksjon"], comment: "Ingen koordinator i år" },
    stored: { value: ["ikke-koordinatorfunksjon"], comment: "Ingen koordinator i år" },
  },
  q13: { good: { text: "1 300 000" }, stored: { value: 1300000 } },
  q14: { good: { text: "250000" }, stored: { value: 250000 } },
  q15: {
    bad: { options: [] },
    badMessage: "Dette spørsmålet må besvares.",
    good: { options: ["2 år"] },
    stored: { value: "2-ar" },
  },
  q16: { good: { options: ["Andre år i perioden"] }, stored: { value: ["andre-ar"] } },
  q17: {
    good: { options: ["En kombinasjon av flere faser"] },
    stored: { value: ["kombinasjon"] },
  },
  q18: {
    good: {
      options: [
        "Ansatte har meldt behov til skolens ledelse",
        "UH har bidratt aktivt i vurdering av kompetansebehov",
      ],
    },
    stored: {
      value: ["ansatte-meldt-behov", "uh"],
    },
  },
  q19: {
    good: { options: ["Behovet er vurdert, men ikke aktuelt for temaene i dette partnerskapet"] },
    stored: { value: ["ikke-aktuelt"] },
  },
  q20: {
    good: { options: ["Læringsmiljø", "Vurderingspraksis"] },
    stored: { value: ["laeringsmiljo", "vurderingspraksis"] },
    prefilled: ["Læringsmiljø", "Vurderingspraksis"],
    keep: true,
  },
  q21: {
    good: {
      options: [
        "UH arrangerer samlinger/faste møter for informasjons- og erfaringsdeling i egen organisasjon",
      ],
    },
    stored: {
      value: ["samlinger-moter"],
    },
  },
  q22: {
    good: { options: ["Tiltakene har bidratt til ønsket praksisendring"], comment: "God fremdrift" },
    stored: { value: ["praksisendring"], comment: "God fremdrift" },
  },
  q23: {
    bad: { text: "" },
    badMessage: "Dette spørsmålet må besvares.",
    good: { text: MARKDOWN },
    stored: { value: MARKDOWN },
  },
  q24: {
    good: { text: "Henger sammen med inkluderingsløftet." },
    stored: { value: "Henger sammen med inkluderingsløftet." },
  },
  q25: { good: { text: "" } },
  q26: { good: { text: "" } },
};

const LONG = `${"Lærerne har jobbet med lesing i alle fag. ".repeat(24)}`.slice(0, 1000);

export const plan2021: Record<string, Step> = {
  "2.1": {
    good: { text: "Alex Wilber, Rana kommune, tlf 91234567" },
    stored: { value: "Alex Wilber, Rana kommune, tlf 91234567" },
    prefilled: "Alex Wilber",
  },
  "2.2": {
    bad: { text: "alex@" },
    badMessage: "gyldig e-postadresse",
    good: { text: "Alex.Wilber@Example.com" },
    stored: { value: "alex.wilber@example.com" },
    prefilled: "alexw@example.com",
  },
  "2.3": { good: { text: "2021/4711" }, stored: { value: "2021/4711" }, prefilled: "2021/4711", keep: true },
  "2.4": {
    bad: { options: [] },
    badMessage: "Dette spørsmålet må besvares.",
    good: { options: ["Ja"] },
    stored: { value: true },
  },
  "3.1": { good: { text: "Rana, Hemnes" }, stored: { value: "Rana, Hemnes" } },
  "3.2": { good: { text: "" } },
  "3.3": { good: { text: "Nord universitet" }, stored: { value: "Nord universitet" } },
  "3.4": { good: { text: "14" }, stored: { value: 14 } },
  "3.5": {
    bad: { text: "-1" },
    badMessage: "kan ikke være negativt",
    good: { text: "0" },
    stored: { value: 0 },
  },
  "3.6": { good: { text: "2" }, stored: { value: 2 } },
  "3.7": { good: { text: "0" }, stored: { value: 0 } },
  "4.1": { good: { text: "1 300 000" }, stored: { value: 1300000 } },
  "4.2": {
    bad: { text: "mye" },
    badMessage: "hele kroner med sifre",
    good: { text: "160 000 kr" },
    stored: { value: 160000 },
  },
  "4.3": { good: { text: "400000" }, stored: { value: 400000 } },
  "4.4": {
    good: { text: "100 000", comment: "Kartlegging våren 2021" },
    stored: { value: 100000, comment: "Kartlegging våren 2021" },
  },
  "4.5": { good: { text: "200 000" }, stored: { value: 200000 } },
  "4.6": { good: { text: "1 000 000" }, stored: { value: 1000000 } },
  "4.7": { good: { text: LONG }, stored: { value: LONG.trim() } },
  "4.8": { good: { text: "" } },
  "4.9": {
    good: { text: "50 000", comment: "Koordinator i 20 % stilling" },
    stored: { value: 50000, comment: "Koordinator i 20 % stilling" },
  },
  "5.1": { good: { text: "Lesing i alle fag" }, stored: { value: "Lesing i alle fag" } },
  "5.2": { good: { text: "Behovet kom fra skolene." }, stored: { value: "Behovet kom fra skolene." } },
  "5.3": {
    bad: { options: [] },
    badMessage: "Dette spørsmålet må besvares.",
    good: { options: ["I liten grad"], comment: "Få samiske elever" },
    stored: { value: "liten-grad", comment: "Få samiske elever" },
  },
  "6.1": { good: { text: "Bedre leseferdigheter." }, stored: { value: "Bedre leseferdigheter." } },
  "6.2": { good: { season: "Høst", year: "2021" }, stored: { value: { season: "Høst", year: 2021 } } },
  "6.3": {
    bad: { season: "Vår", year: "2021" },
    badMessage: "Sluttidspunkt kan ikke være før oppstartstidspunkt.",
    good: { season: "Vår", year: "2023" },
    stored: { value: { season: "Vår", year: 2023 } },
  },
  "6.4": {
    good: { text: "Tett samarbeid i alle faser." },
    stored: { value: "Tett samarbeid i alle faser." },
  },
  "6.5": {
    good: { text: "Erfaringene brukes i lærerutdanningen." },
    stored: { value: "Erfaringene brukes i lærerutdanningen." },
  },
  "6.6": { good: { text: "Målene er delvis nådd." }, stored: { value: "Målene er delvis nådd." } },
  "7.1": { good: { text: "" } },
  "7.2": { good: { text: "Ingen kommentar." }, stored: { value: "Ingen kommentar." } },
};
