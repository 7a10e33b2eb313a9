/**
 * Every user-facing text of the questionnaire area (Norwegian bokmål): validation messages shown under card
 * inputs, and the labels used when an answer is written out for display.
 */

/** Groups the digits of a whole number in threes with a normal space: 1000000 -> "1 000 000". */
export function groupDigits(n: number): string {
  return String(n).replace(/\B(?=(\d{3})+(?!\d))/g, " ");
}

/** The label of the extra free-text option of choice/multichoice questions with allowOther (stored as "annet"). */
const OTHER_OPTION = "Annet";

export const labels = {
  yes: "Ja",
  no: "Nei",
  other: OTHER_OPTION,
  /** "Annet: <text>" when the person has written what "Annet" means. */
  otherWithText: (text: string) => `${OTHER_OPTION}: ${text}`,
  /** "160 000 kr". */
  amount: (n: number) => `${groupDigits(n)} kr`,
} as const;

export const messages = {
  required: "Dette spørsmålet må besvares.",
  invalidValue: "Ugyldig verdi.",
  rawTooLong: (max: number) => `Teksten er for lang. Et felt kan ha høyst ${groupDigits(max)} tegn.`,

  textTooLong: (max: number, typed: number) => `Svaret kan være høyst ${max} tegn (du skrev ${typed}).`,
  textTooHeavy:
    "Teksten er for lang: emoji og enkelte spesialtegn tar mer plass enn vanlige bokstaver. Kort ned teksten litt.",
  commentTooLong: (max: number, typed: number) =>
    `Kommentaren kan være høyst ${max} tegn (du skrev ${typed}).`,
  otherTooLong: (max: number, typed: number) =>
    `Teksten under «${OTHER_OPTION}» kan være høyst ${max} tegn (du skrev ${typed}).`,
  commentWithoutAnswer:
    "Kommentaren kan bare lagres sammen med et svar. Svar på spørsmålet, eller tøm kommentarfeltet.",

  integerNegative: "Tallet kan ikke være negativt.",
  integerDecimal: "Skriv et helt tall, uten desimaler.",
  integerInvalid: "Skriv et helt tall med sifre, for eksempel 12 eller 1 200.",
  integerTooLarge: (max: number) => `Tallet kan være høyst ${groupDigits(max)}.`,

  amountNegative: "Beløpet kan ikke være negativt.",
  amountOre: "Oppgi hele kroner, uten øre.",
  amountInvalid: "Skriv beløpet i hele kroner med sifre, for eksempel 160 000.",
  amountTooLarge: (max: number) => `Beløpet kan være høyst ${groupDigits(max)} kr.`,

  email: "Skriv en gyldig e-postadresse, for eksempel ola.nordmann@kommune.no.",
  phone: "Skriv et norsk telefonnummer med 8 sifre, for eksempel 912 34 567 eller +47 912 34 567.",
  yesno: "Velg ja eller nei.",

  unknownOption: "Ugyldig valg. Velg et av alternativene.",
  otherRequired: `Skriv hva «${OTHER_OPTION}» gjelder.`,
  otherWithoutOther: `Du har skrevet noe under «${OTHER_OPTION}», men valgt et annet alternativ. Velg «${OTHER_OPTION}», eller tøm feltet.`,

  season: "Velg vår eller høst.",
  seasonMissing: "Velg også vår eller høst.",
  year: "Skriv årstallet med fire sifre, for eksempel 2022.",
  yearRange: (min: number, max: number) => `Årstallet må være mellom ${min} og ${max}.`,
  yearMissing: "Skriv også årstallet.",

  periodOrder: "Sluttidspunkt kan ikke være før oppstartstidspunkt.",
} as const;
