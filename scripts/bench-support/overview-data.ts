/** Realistic, deterministic answers for the overview bench: one submitted report per index. */
import {
  type AnswerContent,
  type Form,
  OTHER_OPTION_ID,
  type Question,
} from "../../src/questionnaire/types.ts";
import { type Answer, RESPONDENT_CATEGORIES, type ReportDoc } from "../../src/reports/types.ts";

// ---------------------------------------------------------------------------------------------------------
// Realistic answers (deterministic)

/** Small seeded PRNG (mulberry32), so every run writes the same data. */
function prng(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

const SENTENCES = [
  "Skolene har arbeidet med lesing i alle fag gjennom hele skoleåret.",
  "Universitetet har bidratt med faglig veiledning på fellessamlinger og i lærerteamene.",
  "Tiltaket har styrket det profesjonelle læringsfellesskapet, særlig på mellomtrinnet.",
  "Rektorene har fulgt opp arbeidet i egne ledermøter og i nettverket for skoleledere.",
  "Vi ser at lærerne i større grad deler erfaringer og planlegger undervisningen sammen.",
  "Kartleggingen viste behov for mer kompetanse i vurdering for læring og tilpasset opplæring.",
  "Noen aktiviteter ble forsinket fordi vikarressursene ikke strakk til i perioden.",
  "Samarbeidet med høgskolen har gitt nye perspektiver på klasseledelse og læringsmiljø.",
  "Elevene får et mer variert tilbud, og flere elever deltar aktivt i undervisningen.",
  "Arbeidet videreføres neste år med vekt på inkludering og tidlig innsats.",
];
const PEOPLE = ["Kari Nordmann", "Ola Hansen", "Ingrid Johansen", "Per Olsen", "Siri Larsen", "Nils Berg"];
const PLACES = [
  "Bodø kommune",
  "Rana kommune",
  "Vefsn kommune",
  "Nord universitet",
  "Nordland fylkeskommune",
];
const PARTNERSHIPS = [
  "Salten regionråd",
  "Helgeland",
  "Lofotrådet",
  "Ofoten",
  "Vesterålen",
  "Indre Helgeland",
];
const THEMES = ["Lesing i alle fag", "Vurdering for læring", "Inkludering", "Klasseledelse", "Realfag"];

function pick<T>(rand: () => number, list: readonly T[]): T {
  return list[Math.floor(rand() * list.length)] as T;
}

function prose(rand: () => number, minChars: number, maxChars: number): string {
  const target = minChars + Math.floor(rand() * (maxChars - minChars));
  let text = "";
  while (text.length < target) text += `${text ? " " : ""}${pick(rand, SENTENCES)}`;
  return text;
}

function subset(rand: () => number, options: readonly string[], min: number, max: number): string[] {
  const count = Math.min(options.length, min + Math.floor(rand() * (max - min + 1)));
  const chosen = new Set<string>();
  while (chosen.size < count) chosen.add(pick(rand, options));
  return options.filter((o) => chosen.has(o));
}

function answerFor(q: Question, rand: () => number): AnswerContent | undefined {
  if (!q.required && rand() < 0.4) return undefined;
  let content: AnswerContent;
  switch (q.type) {
    case "text":
      content = {
        value: q.id === "q01" ? pick(rand, PEOPLE) : `${pick(rand, PLACES)}, ${pick(rand, PLACES)}`,
      };
      break;
    case "longtext":
      content = { value: prose(rand, 200, 2_000) };
      break;
    case "email":
      content = { value: `${pick(rand, PEOPLE).toLowerCase().replace(" ", ".")}@example.no` };
      break;
    case "phone":
      content = { value: `9${Math.floor(rand() * 1e7)}`.padEnd(8, "0") };
      break;
    case "integer":
      content = { value: rand() < 0.2 ? 0 : Math.floor(rand() * 20) };
      break;
    case "amount_nok":
      content = { value: rand() < 0.1 ? 0 : Math.round(10 ** (4 + rand() * 2.5) / 1000) * 1000 };
      break;
    case "yesno":
      content = { value: rand() < 0.9 };
      break;
    case "choice":
      content = { value: pick(rand, q.options?.map((o) => o.id) ?? []) };
      break;
    case "multichoice": {
      const value = subset(rand, q.options?.map((o) => o.id) ?? [], 1, 3);
      if (q.allowOther && rand() < 0.1) {
        value.push(OTHER_OPTION_ID);
        content = { value, other: prose(rand, 40, 200) };
      } else content = { value };
      break;
    }
    case "season_year":
      content = { value: { season: rand() < 0.5 ? "Vår" : "Høst", year: 2023 + Math.floor(rand() * 3) } };
      break;
  }
  if (q.comment && rand() < 0.5) content.comment = prose(rand, 60, 400);
  return content;
}

export function reportOf(form: Form, i: number, roundId: string): ReportDoc {
  const rand = prng(i + 1);
  const at = new Date(Date.UTC(2026, 0, 2 + (i % 12), 8 + (i % 9), i % 60)).toISOString();
  const answers: Record<string, Answer> = {};
  for (const q of form.sections.flatMap((s) => s.questions)) {
    const content = answerFor(q, rand);
    if (content) answers[q.id] = { ...content, by: { id: `aad-${i}`, name: pick(rand, PEOPLE) }, at, rev: 5 };
  }
  const partnership = `${pick(rand, PARTNERSHIPS)} ${Math.floor(i / 4) + 1}`;
  return {
    id: `t-${i}`,
    roundId,
    formId: form.id,
    partnership: {
      id: `p-${Math.floor(i / 4)}`,
      name: partnership,
      category: RESPONDENT_CATEGORIES[i % RESPONDENT_CATEGORIES.length] ?? "Kommune",
      sector: i % 5 === 0 ? "Privat" : "Offentlig",
    },
    tiltak: { id: `t-${i}`, name: `${pick(rand, THEMES)} (${i})`, caseNumber: `2025/${1000 + i}` },
    contact: { name: pick(rand, PEOPLE), email: `kontakt${i}@example.no`, aadObjectId: `aad-${i}` },
    coEditors: [],
    status: "submitted",
    revision: 5,
    answers,
    submittedAt: at,
    submittedBy: { id: `aad-${i}`, name: "Kontakt" },
    receipt: `DEKOM-${i}`,
    createdAt: "2025-12-01T09:00:00.000Z",
    updatedAt: at,
  };
}
