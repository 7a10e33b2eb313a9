import { overviewCards } from "./cards/overview.ts";
import { questionBlocks } from "./cards/overview-blocks.ts";
import { questionStats } from "./src/summaries/statistics.ts";
import { completeContents, form2024, makeReport, stored, validRaw } from "./test/src/reports/fixtures.ts";

const form = form2024;
const cats = [
  "Kommune",
  "Fylkeskommune",
  "Universitet / Høgskole",
  "Skole",
  "Organisasjon",
  "Annet",
] as const;
const variants = Array.from({ length: 5 }, (_, v) =>
  completeContents(form, (q) => {
    const raw = validRaw(q, v);
    if (q.type === "longtext") raw[Object.keys(raw)[0]!] = "Lang tekst med flere ord. ".repeat(60);
    return raw;
  }),
);
const reports = Array.from({ length: 1000 }, (_, i) =>
  makeReport(form, {
    id: `r${i}`,
    status: "submitted",
    partnership: {
      id: `p${i}`,
      name: `Partnerskap nummer ${i}`,
      category: cats[i % 6]!,
      sector: "Offentlig",
    },
    tiltak: { id: `t${i}`, name: `Tiltak for lesing ${i}` },
    answers: stored(variants[i % 5]!),
  }),
);
const round = {
  id: "x",
  county: "Nordland",
  formId: form.id,
  reportingYear: 2025,
  deadline: "2026-01-15T22:59:00.000Z",
  staffIds: [],
  createdAt: "",
};
for (let k = 0; k < 5; k++) {
  const t0 = performance.now();
  const stats = questionStats(form, reports);
  const t1 = performance.now();
  const blocks = stats.map(questionBlocks);
  const t2 = performance.now();
  const cards = overviewCards({ round, form, reports, stats });
  const t3 = performance.now();
  console.log(
    `stats ${(t1 - t0).toFixed(0)} blocks ${(t2 - t1).toFixed(0)} all-cards ${(t3 - t2).toFixed(0)} n=${cards.length} ${blocks.length}`,
  );
}
