import { describe, expect, it } from "vitest";
import { parseQuestion } from "../../../src/questionnaire/answers.ts";
import { testOptions } from "../../support/choice-options.ts";
import { answerValue, errorsOf, NORWEGIAN, parse, question } from "./helpers.ts";

describe("raw card inputs", () => {
  const q = question("text");

  it.each([
    ["a number", 12],
    ["an object", { a: 1 }],
    ["an array", ["a"]],
    ["a boolean", true],
  ])("should reject %s with «Ugyldig verdi.»", (_name, raw) => {
    expect(errorsOf(parse(q, { q1: raw }))).toEqual({ q1: "Ugyldig verdi." });
  });

  it("should treat a missing, null or blank input as empty", () => {
    expect(parse(q, {}).kind).toBe("empty");
    expect(parse(q, { q1: null }).kind).toBe("empty");
    expect(parse(q, { q1: "  \n " }).kind).toBe("empty");
  });

  it.each(["\u200b", "\u2060", "\u2800", "\u3164", "\u200b\u2060 \u2800\u3164\ufeff"])(
    "should treat an input of only invisible characters (%j) as empty",
    (raw) => {
      expect(parse(q, { q1: raw }).kind).toBe("empty");
      const required = parseQuestion(q, { q1: raw }, { requireAnswer: true });
      expect(errorsOf(required)).toEqual({ q1: "Dette spørsmålet må besvares." });
    },
  );

  it("should store typed text normalised: NFC, no bidi controls, no lone surrogates", () => {
    expect(answerValue(parse(q, { q1: "Ha\u030amar \u202ekommune\u202c\ud800" }))).toBe("H\u00e5mar kommune");
  });

  it("should normalise comments and 'Annet' texts the same way", () => {
    const choice = question("choice", { options: testOptions("A"), allowOther: true, comment: true });
    const result = parse(choice, { q1: "annet", q1__other: "\u200b\u2800", q1__comment: "\u3164" });
    expect(errorsOf(result)).toEqual({ q1__other: "Skriv hva «Annet» gjelder." });
    const ok = parse(choice, { q1: "annet", q1__other: "x\u202e", q1__comment: "\u2060ok" });
    expect(ok.kind === "answer" && ok.content).toEqual({ value: "annet", other: "x", comment: "ok" });
  });

  it("should trim the input and turn CRLF into LF", () => {
    expect(answerValue(parse(question("longtext"), { q1: "  a\r\nb  " }))).toBe("a\nb");
  });

  it("should reject a raw string over 10 000 characters before parsing", () => {
    const errors = errorsOf(parse(q, { q1: "x".repeat(10_001) }));
    expect(errors.q1).toBe("Teksten er for lang. Et felt kan ha høyst 10 000 tegn.");
  });

  it("should ignore inputs of other questions", () => {
    expect(answerValue(parse(q, { q1: "svar", q2: 5, q1x__comment: [] }))).toBe("svar");
  });
});

describe("required questions", () => {
  it("should ask for an answer when moving on", () => {
    const result = parseQuestion(question("integer"), { q1: "" }, { requireAnswer: true });
    expect(errorsOf(result)).toEqual({ q1: "Dette spørsmålet må besvares." });
  });

  it("should allow an empty required question in a draft", () => {
    expect(parseQuestion(question("integer"), {}, { requireAnswer: false }).kind).toBe("empty");
  });

  it("should allow an empty optional question when moving on", () => {
    const q = question("text", { required: false });
    expect(parseQuestion(q, {}, { requireAnswer: true }).kind).toBe("empty");
  });

  it("should put the error on the season input for season/year", () => {
    const result = parseQuestion(question("season_year"), {}, { requireAnswer: true });
    expect(errorsOf(result)).toEqual({ q1__season: "Dette spørsmålet må besvares." });
  });
});

describe("text and longtext", () => {
  it("should accept text within the form's limit", () => {
    expect(answerValue(parse(question("text", { maxLength: 1000 }), { q1: "x".repeat(1000) }))).toHaveLength(
      1000,
    );
  });

  it("should say the limit and how much was typed", () => {
    const errors = errorsOf(parse(question("longtext", { maxLength: 1000 }), { q1: "x".repeat(1024) }));
    expect(errors.q1).toBe("Svaret kan være høyst 1000 tegn (du skrev 1024).");
  });

  it("should count an emoji as one character", () => {
    expect(answerValue(parse(question("text", { maxLength: 4 }), { q1: "a😀b" }))).toBe("a😀b");
    expect(errorsOf(parse(question("text", { maxLength: 4 }), { q1: "a😀bcd" })).q1).toBe(
      "Svaret kan være høyst 4 tegn (du skrev 5).",
    );
  });

  it("should refuse text within the character limit that is too heavy in bytes for a card", () => {
    // 10 emoji = 10 characters but 40 bytes in a card (UTF-16); the budget for 10 characters is 30 bytes.
    const errors = errorsOf(parse(question("text", { maxLength: 10 }), { q1: "😀".repeat(10) }));
    expect(errors.q1).toContain("emoji");
    expect(answerValue(parse(question("text", { maxLength: 10 }), { q1: "æøåÆØÅæøåx" }))).toBe("æøåÆØÅæøåx");
  });

  it("should measure the byte budget in the card's real encoding: a backslash costs 4 bytes", () => {
    // JSON escapes "\\" as two characters, UTF-16 makes each 2 bytes. 8 backslashes + 2 letters = 36 > 30.
    const q = question("text", { maxLength: 10 });
    expect(errorsOf(parse(q, { q1: `${"\\".repeat(8)}ab` })).q1).toContain("spesialtegn");
    expect(answerValue(parse(q, { q1: `${"\\".repeat(5)}abcde` }))).toBe(`${"\\".repeat(5)}abcde`);
  });

  it("should strip control characters but keep line breaks and tabs", () => {
    expect(answerValue(parse(question("longtext"), { q1: "a\u0001b\nc\td\u007f" }))).toBe("ab\nc\td");
  });

  it("should cap text at 4000 characters when the form has no limit", () => {
    const q = question("longtext");
    expect(answerValue(parse(q, { q1: "y".repeat(4000) }))).toHaveLength(4000);
    expect(errorsOf(parse(q, { q1: "y".repeat(4001) })).q1).toBe(
      "Svaret kan være høyst 4000 tegn (du skrev 4001).",
    );
  });
});

describe("integer", () => {
  const q = question("integer");

  it.each([
    ["0", 0],
    ["12", 12],
    [" 7 ", 7],
    ["1 200", 1200],
    ["1\u00a0200", 1200],
    ["1\u202f000\u202f000", 1_000_000],
    ["007", 7],
  ])("should read %j as %d", (raw, expected) => {
    expect(answerValue(parse(q, { q1: raw }))).toBe(expected);
  });

  it.each([
    ["-3", "Tallet kan ikke være negativt."],
    ["−3", "Tallet kan ikke være negativt."],
    ["2,5", "Skriv et helt tall, uten desimaler."],
    ["2.5", "Skriv et helt tall, uten desimaler."],
    ["1.200", "Skriv et helt tall, uten desimaler."],
    ["tolv", "Skriv et helt tall med sifre, for eksempel 12 eller 1 200."],
    ["12 skoler", "Skriv et helt tall med sifre, for eksempel 12 eller 1 200."],
    ["12 00", "Skriv et helt tall med sifre, for eksempel 12 eller 1 200."],
    ["1e3", "Skriv et helt tall med sifre, for eksempel 12 eller 1 200."],
    ["1 000 001", "Tallet kan være høyst 1 000 000."],
    ["99999999999999999999999", "Tallet kan være høyst 1 000 000."],
  ])("should reject %j", (raw, message) => {
    expect(errorsOf(parse(q, { q1: raw }))).toEqual({ q1: message });
  });
});

describe("amount_nok", () => {
  const q = question("amount_nok");

  it.each([
    ["160000", 160_000],
    ["160 000", 160_000],
    ["kr 160 000,-", 160_000],
    ["Kr. 160 000", 160_000],
    ["160 000 kr", 160_000],
    ["160 000,- kr", 160_000],
    ["160.000", 160_000],
    ["1.600.000", 1_600_000],
    ["160 000,00", 160_000],
    ["160000.00", 160_000],
    ["160\u00a0000", 160_000],
    ["160\u202f000\u00a0kr", 160_000],
    ["NOK 39000", 39_000],
    ["ca. 40 000", 40_000],
    ["0", 0],
    ["1 000 000 000", 1_000_000_000],
  ])("should read %j as %d", (raw, expected) => {
    expect(answerValue(parse(q, { q1: raw }))).toBe(expected);
  });

  it.each([
    ["12,5", "Oppgi hele kroner, uten øre."],
    ["160 000,50", "Oppgi hele kroner, uten øre."],
    ["-5000", "Beløpet kan ikke være negativt."],
    ["kr -5 000", "Beløpet kan ikke være negativt."],
    ["mye", "Skriv beløpet i hele kroner med sifre, for eksempel 160 000."],
    ["160 tusen", "Skriv beløpet i hele kroner med sifre, for eksempel 160 000."],
    ["160,000", "Skriv beløpet i hele kroner med sifre, for eksempel 160 000."],
    ["16 0000", "Skriv beløpet i hele kroner med sifre, for eksempel 160 000."],
    ["1 000 000 001", "Beløpet kan være høyst 1 000 000 000 kr."],
  ])("should reject %j", (raw, message) => {
    expect(errorsOf(parse(q, { q1: raw }))).toEqual({ q1: message });
  });
});

describe("email", () => {
  const q = question("email");

  it("should store the address lower-cased", () => {
    expect(answerValue(parse(q, { q1: " Ola.Nordmann@Rana.Kommune.NO " }))).toBe(
      "ola.nordmann@rana.kommune.no",
    );
  });

  it("should accept Norwegian letters", () => {
    expect(answerValue(parse(q, { q1: "bjørn@ås.kommune.no" }))).toBe("bjørn@ås.kommune.no");
  });

  it.each([
    "ola",
    "ola@",
    "@kommune.no",
    "ola@kommune",
    "ola nordmann@kommune.no",
    "ola..n@kommune.no",
    "a@b@c.no",
  ])("should reject %j with a Norwegian message", (raw) => {
    expect(errorsOf(parse(q, { q1: raw })).q1).toBe(
      "Skriv en gyldig e-postadresse, for eksempel ola.nordmann@kommune.no.",
    );
  });
});

describe("phone", () => {
  const q = question("phone");

  it.each([
    ["91234567", "+4791234567"],
    ["912 34 567", "+4791234567"],
    ["+47 912 34 567", "+4791234567"],
    ["0047 91234567", "+4791234567"],
    ["22 33 44 55", "+4722334455"],
    ["(+47) 22-33-44-55", "+4722334455"],
  ])("should store %j as %j", (raw, expected) => {
    expect(answerValue(parse(q, { q1: raw }))).toBe(expected);
  });

  it.each(["1234567", "912345678", "01234567", "+46 912 34 567", "tlf 91234567", "9123456a"])(
    "should reject %j",
    (raw) => {
      expect(errorsOf(parse(q, { q1: raw })).q1).toMatch(/norsk telefonnummer med 8 sifre/);
    },
  );
});

describe("yesno", () => {
  const q = question("yesno");

  it.each([
    ["true", true],
    ["false", false],
    ["Ja", true],
    ["nei", false],
    ["TRUE", true],
  ])("should read %j as %s", (raw, expected) => {
    expect(answerValue(parse(q, { q1: raw }))).toBe(expected);
  });

  it("should reject anything else", () => {
    expect(errorsOf(parse(q, { q1: "kanskje" }))).toEqual({ q1: "Velg ja eller nei." });
  });
});

describe("choice", () => {
  const q = question("choice", {
    options: testOptions("I stor grad", "I noen grad, men lite", "I liten grad"),
  });
  const withOther = { ...q, allowOther: true };

  it("should give the option id", () => {
    expect(answerValue(parse(q, { q1: "i-noen-grad-men-lite" }))).toBe("i-noen-grad-men-lite");
  });

  it.each(["1", "3", "-1", "i-stor-grad,i-liten-grad", "I stor grad", "I-STOR-GRAD", "abc", "annet"])(
    "should refuse %j (an old card's index, an option text, an unknown id)",
    (raw) => {
      expect(errorsOf(parse(q, { q1: raw }))).toEqual({ q1: "Ugyldig valg. Velg et av alternativene." });
    },
  );

  it("should give «Annet» with its text", () => {
    const result = parse(withOther, { q1: "annet", q1__other: "Noe eget" });
    expect(result).toEqual({ kind: "answer", content: { value: "annet", other: "Noe eget" } });
  });

  it("should ask for the text when «Annet» is chosen without one", () => {
    expect(errorsOf(parse(withOther, { q1: "annet" }))).toEqual({ q1__other: "Skriv hva «Annet» gjelder." });
  });

  it("should take «Annet» when only its text is filled", () => {
    expect(parse(withOther, { q1: "", q1__other: "Eget svar" })).toEqual({
      kind: "answer",
      content: { value: "annet", other: "Eget svar" },
    });
  });

  it("should not silently drop an «Annet» text when another option is chosen", () => {
    expect(errorsOf(parse(withOther, { q1: "i-stor-grad", q1__other: "Eget svar" })).q1__other).toMatch(
      /valgt et annet alternativ/,
    );
  });

  it("should ignore an «Annet» input on a question without «Annet»", () => {
    expect(answerValue(parse(q, { q1: "i-stor-grad", q1__other: "tekst" }))).toBe("i-stor-grad");
  });

  it("should limit the «Annet» text", () => {
    expect(errorsOf(parse(withOther, { q1: "annet", q1__other: "x".repeat(1001) })).q1__other).toBe(
      "Teksten under «Annet» kan være høyst 1000 tegn (du skrev 1001).",
    );
  });
});

describe("multichoice", () => {
  const q = question("multichoice", {
    options: testOptions("A", "B, med komma", "C", "D"),
    allowOther: true,
  });

  it("should give option ids in form order without duplicates", () => {
    expect(answerValue(parse(q, { q1: "d,a, b-med-komma,a" }))).toEqual(["a", "b-med-komma", "d"]);
  });

  it("should put «Annet» last with its text", () => {
    expect(parse(q, { q1: "annet,c", q1__other: "Egen" })).toEqual({
      kind: "answer",
      content: { value: ["c", "annet"], other: "Egen" },
    });
  });

  it("should tick «Annet» when its text is filled", () => {
    expect(parse(q, { q1: "b-med-komma", q1__other: "Egen" })).toEqual({
      kind: "answer",
      content: { value: ["b-med-komma", "annet"], other: "Egen" },
    });
    expect(answerValue(parse(q, { q1__other: "Bare egen" }))).toEqual(["annet"]);
  });

  it("should ask for the «Annet» text when «Annet» is ticked without one", () => {
    expect(errorsOf(parse(q, { q1: "a,annet" }))).toEqual({ q1__other: "Skriv hva «Annet» gjelder." });
  });

  it("should reject an unknown id, an old card's index or an option text", () => {
    expect(errorsOf(parse(q, { q1: "a,x" }))).toEqual({ q1: "Ugyldig valg. Velg et av alternativene." });
    expect(errorsOf(parse(q, { q1: "0,1" }))).toEqual({ q1: "Ugyldig valg. Velg et av alternativene." });
    expect(errorsOf(parse(q, { q1: "A" }))).toEqual({ q1: "Ugyldig valg. Velg et av alternativene." });
    const noOther = { ...q, allowOther: false };
    expect(errorsOf(parse(noOther, { q1: "annet" }))).toEqual({
      q1: "Ugyldig valg. Velg et av alternativene.",
    });
  });

  it("should be empty when nothing is ticked", () => {
    expect(parse(q, { q1: "" }).kind).toBe("empty");
    expect(parse(q, { q1: " , " }).kind).toBe("empty");
  });
});

describe("season_year", () => {
  const q = question("season_year", { options: testOptions("Vår", "Høst") });

  it.each([
    ["Høst", "2018", { season: "Høst", year: 2018 }],
    ["vår", "2022", { season: "Vår", year: 2022 }],
    ["VAR", "2000", { season: "Vår", year: 2000 }],
    ["host", "2100", { season: "Høst", year: 2100 }],
  ])("should read %j %j", (season, year, expected) => {
    expect(answerValue(parse(q, { q1__season: season, q1__year: year }))).toEqual(expected);
  });

  it("should be empty when neither is given", () => {
    expect(parse(q, { q1__season: "", q1__year: "" }).kind).toBe("empty");
  });

  it("should ask for the year when only the season is given", () => {
    expect(errorsOf(parse(q, { q1__season: "Høst" }))).toEqual({ q1__year: "Skriv også årstallet." });
  });

  it("should ask for the season when only the year is given", () => {
    expect(errorsOf(parse(q, { q1__year: "2020" }))).toEqual({ q1__season: "Velg også vår eller høst." });
  });

  it.each([
    [{ q1__season: "Sommer", q1__year: "2020" }, { q1__season: "Velg vår eller høst." }],
    [
      { q1__season: "Vår", q1__year: "20" },
      { q1__year: "Skriv årstallet med fire sifre, for eksempel 2022." },
    ],
    [{ q1__season: "Vår", q1__year: "1999" }, { q1__year: "Årstallet må være mellom 2000 og 2100." }],
    [{ q1__season: "Vår", q1__year: "2101" }, { q1__year: "Årstallet må være mellom 2000 og 2100." }],
    [
      { q1__season: "x", q1__year: "y" },
      {
        q1__season: "Velg vår eller høst.",
        q1__year: "Skriv årstallet med fire sifre, for eksempel 2022.",
      },
    ],
  ])("should reject %j", (raw, errors) => {
    expect(errorsOf(parse(q, raw))).toEqual(errors);
  });
});

describe("comments", () => {
  const q = question("amount_nok", { comment: true, commentMaxLength: 1000 });

  it("should store the comment alongside the answer", () => {
    expect(parse(q, { q1: "39 000", q1__comment: " Koordinator i 20 % " })).toEqual({
      kind: "answer",
      content: { value: 39_000, comment: "Koordinator i 20 %" },
    });
  });

  it("should leave out an empty comment", () => {
    expect(parse(q, { q1: "5", q1__comment: "  " })).toEqual({ kind: "answer", content: { value: 5 } });
  });

  it("should limit the comment", () => {
    expect(errorsOf(parse(q, { q1: "5", q1__comment: "k".repeat(1001) }))).toEqual({
      q1__comment: "Kommentaren kan være høyst 1000 tegn (du skrev 1001).",
    });
  });

  it("should cap a comment without a limit at 4000", () => {
    const open = { ...q, commentMaxLength: null };
    expect(errorsOf(parse(open, { q1: "5", q1__comment: "k".repeat(4001) })).q1__comment).toMatch(
      /høyst 4000/,
    );
  });

  it("should ask for the answer when only the comment is given", () => {
    expect(errorsOf(parse(q, { q1__comment: "Ikke aktuelt" })).q1).toMatch(/^Kommentaren kan bare lagres/);
  });

  it("should say «må besvares» for a comment without answer when moving on", () => {
    const result = parseQuestion(q, { q1__comment: "Ikke aktuelt" }, { requireAnswer: true });
    expect(errorsOf(result)).toEqual({ q1: "Dette spørsmålet må besvares." });
  });

  it("should report errors of the answer and the comment together", () => {
    expect(errorsOf(parse(q, { q1: "12,5", q1__comment: 3 }))).toEqual({
      q1: "Oppgi hele kroner, uten øre.",
      q1__comment: "Ugyldig verdi.",
    });
  });
});

describe("messages", () => {
  it("should be full Norwegian sentences for every kind of bad input", () => {
    const cases = [
      parse(question("text", { maxLength: 2 }), { q1: "abc" }),
      parse(question("integer"), { q1: "-1" }),
      parse(question("amount_nok"), { q1: "12,5" }),
      parse(question("email"), { q1: "x" }),
      parse(question("phone"), { q1: "x" }),
      parse(question("yesno"), { q1: "x" }),
      parse(question("choice", { options: testOptions("A") }), { q1: "5" }),
      parse(question("multichoice", { options: testOptions("A"), allowOther: true }), { q1: "1" }),
      parse(question("season_year"), { q1__season: "x", q1__year: "x" }),
      parse(question("text"), { q1: {} }),
    ];
    const messages = cases.flatMap((r) => Object.values(errorsOf(r)));
    expect(messages.length).toBeGreaterThanOrEqual(cases.length);
    for (const m of messages) expect(m).toMatch(NORWEGIAN);
  });
});
