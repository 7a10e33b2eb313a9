/**
 * `npm run personal-data -- export --email <address>`: prints (JSON, on stdout) everything the bot holds
 * about the person with that e-mail.
 * `npm run personal-data -- erase --email <address> [--yes]`: shows what erasing the person changes;
 * with --yes it does it.
 * `npm run personal-data -- delete-round --round <id> [--yes]`: when the county's retention time for a
 * round is over, deletes the round, all its reports and its reminder ledger. See docs/personal-data.md.
 *
 * Uses the database the environment points at (COSMOS_ENDPOINT, or the embedded local store in
 * LOCAL_DATA_DIR), like `npm run import`. Never seeds the demo round.
 *
 * Exit codes: 0 done (or nothing found / dry run), 1 failed, 2 wrong usage or configuration.
 */
import { parseArgs } from "node:util";
import type { Container } from "@azure/cosmos";
import { createApp } from "../src/app.ts";
import { loadConfigOrExit } from "../src/config.ts";
import { createLogger } from "../src/log.ts";
import {
  applyErasure,
  type ErasurePlan,
  exportOf,
  isEmptyPlan,
  loadHoldings,
  type PersonalDataStores,
  planErasure,
  type ReportErasure,
} from "../src/people/personal-data.ts";
import { cosmosStatus } from "../src/storage/errors.ts";
import { LedgerRepo } from "../src/storage/ledger-repo.ts";
import { ReachRepo } from "../src/storage/reach-repo.ts";

const TEXT = {
  usage: [
    "Bruk:",
    "  npm run personal-data -- export --email <adresse>         skriv ut alt boten har om personen (JSON)",
    "  npm run personal-data -- erase --email <adresse>          vis hva sletting vil endre (endrer ingenting)",
    "  npm run personal-data -- erase --email <adresse> --yes    slett personopplysningene",
    "      --include-found   slett også e-postadressene og telefonnumrene som ble funnet i fritekst (se listen)",
    "  npm run personal-data -- delete-round --round <id> [--yes]   slett en hel rapporteringsrunde",
  ].join("\n"),
  badEmail: (e: string) => `«${e}» er ikke en e-postadresse.`,
  embeddedStore: (dir: string) => `(Bruker den innebygde lokale databasen i ${dir}.)`,
  nothing: (e: string) => `Fant ingen personopplysninger om ${e}. Ingenting å slette.`,
  heading: (e: string, dry: boolean) =>
    `Sletting av personopplysninger om ${e}${dry ? " – prøvekjøring, ingenting er endret" : ""}:`,
  person: (id: string) => `  people/${id}: slettes (navn, e-post, samtalereferanse for meldinger)`,
  reach: (id: string) =>
    `  people/${id}: slettes (siste forsøk på å nå personen i Teams: objekt-id og utfall)`,
  report: (roundId: string, reportId: string, label: string, parts: string[]) =>
    `  reports/${roundId}/${reportId} (${label}): ${parts.join("; ")}`,
  ledger: (roundId: string, n: number) =>
    `  ledger/${roundId}: ${n} ${n === 1 ? "post" : "poster"} om påminnelser slettes`,
  staff: (roundIds: string[]) =>
    `Ikke endret: personen står på saksbehandlerlisten i ${roundIds.join(", ")}. Tilgangen styres av STAFF_AAD_IDS, importen og Statsforvalterens team – fjern den der.`,
  again: "Kjør på nytt med --yes for å slette.",
  found: (n: number) =>
    `Funnet i fritekst (${n}), kanskje personens – slettes bare med --include-found, kontroller listen først:`,
  foundItem: (roundId: string, reportId: string, questionId: string, kind: string, text: string) =>
    `  reports/${roundId}/${reportId} spørsmål ${questionId}: ${kind === "email" ? "e-post" : "telefon"} ${text}`,
  foundIncluded: "Disse slettes også (--include-found).",
  done: (r: { peopleDeleted: number; reachDeleted: number; reportsChanged: number; ledgerDeleted: number }) =>
    `Ferdig: ${r.peopleDeleted} personpost(er) og ${r.reachDeleted} kontaktforsøk slettet, ${r.reportsChanged} rapportering(er) endret, ${r.ledgerDeleted} påminnelsespost(er) slettet.`,
  noRound: (id: string) => `Fant ingen runde ${id}. Ingenting å slette.`,
  roundPlan: (id: string, county: string, reports: number, submitted: number, ledger: number, dry: boolean) =>
    [
      `Sletting av runden ${id} (${county})${dry ? " – prøvekjøring, ingenting er endret" : ""}:`,
      `  rounds/${id}: slettes`,
      `  reports/${id}: ${reports} rapportering(er) slettes (${submitted} levert, ${reports - submitted} ikke levert)`,
      `  ledger/${id}: ${ledger} post(er) om påminnelser slettes`,
      "Personposter (people) slettes ikke her: de gjelder personen, ikke runden (se erase).",
    ].join("\n"),
  roundDone: (n: number) => `Ferdig: ${n} dokument(er) slettet.`,
  importNote:
    "Husk: står personen fortsatt i importfilen for runden, kommer kontaktopplysningene tilbake ved neste import. Rett filen.",
};

function describe(c: ReportErasure): string[] {
  const parts: string[] = [];
  if (c.contact) parts.push("kontaktpersonen erstattes med «(slettet)» (navn, e-post, telefon, Entra-id)");
  if (c.coEditorsRemoved > 0) parts.push("fjernes som medredaktør");
  if (c.approversRemoved > 0) parts.push("fjernes som godkjenner (med godkjenning og kommentar)");
  if (c.answersAnonymised > 0) parts.push(`«sist endret av» anonymiseres på ${c.answersAnonymised} svar`);
  if (c.contactAnswersErased > 0)
    parts.push(
      `${c.contactAnswersErased} svar med kontaktopplysninger (navn, arbeidssted, telefon, e-post) blir «(slettet)»`,
    );
  if (c.answerTextsScrubbed > 0)
    parts.push(`personens navn/e-post/telefon fjernes fra teksten i ${c.answerTextsScrubbed} svar`);
  if (c.submitter) parts.push("«sendt inn av» anonymiseres");
  if (c.reopener) parts.push("«gjenåpnet av» anonymiseres");
  if (c.reopenReason) parts.push("personen fjernes fra begrunnelsen for gjenåpning");
  if (c.invitedBy > 0) parts.push(`«invitert av» anonymiseres på ${c.invitedBy} medredaktør(er)`);
  return parts;
}

function printPlan(plan: ErasurePlan, dry: boolean): void {
  console.log(TEXT.heading(plan.subject.email, dry));
  for (const p of plan.people) console.log(TEXT.person(p.id));
  for (const d of plan.reach) console.log(TEXT.reach(d.id));
  for (const r of plan.reports) console.log(TEXT.report(r.roundId, r.reportId, r.label, describe(r.changes)));
  const perRound = new Map<string, number>();
  for (const d of plan.ledger) perRound.set(d.roundId, (perRound.get(d.roundId) ?? 0) + 1);
  for (const [roundId, n] of perRound) console.log(TEXT.ledger(roundId, n));
  if (plan.foundInText.length > 0) {
    console.log(TEXT.found(plan.foundInText.length));
    for (const f of plan.foundInText)
      console.log(TEXT.foundItem(f.roundId, f.reportId, f.questionId, f.kind, f.text));
    if (plan.confirmed.length > 0) console.log(TEXT.foundIncluded);
  }
}

async function main(argv: string[]): Promise<number> {
  let parsed: ReturnType<typeof parse>;
  try {
    parsed = parse(argv);
  } catch (err) {
    console.error((err as Error).message);
    console.error(TEXT.usage);
    return 2;
  }
  const { command, email, round, yes, includeFound } = parsed;
  if (command !== "delete-round" && !/^[^@\s]+@[^@\s]+$/.test(email)) {
    console.error(TEXT.badEmail(email));
    return 2;
  }

  const config = { ...loadConfigOrExit(process.env, 2), seedDemo: false };
  // Quiet unless asked: stdout carries the export.
  const log = createLogger(process.env.LOG_LEVEL ? config.logLevel : "warn");
  const app = await createApp(config, log);
  try {
    if (config.cosmos.endpoint === undefined) console.error(TEXT.embeddedStore(config.cosmos.localDataDir));
    const stores: PersonalDataStores = {
      ...app.repos,
      ledger: new LedgerRepo(app.store.containers.ledger),
      reach: new ReachRepo(app.store.containers.people),
      containers: { people: app.store.containers.people, ledger: app.store.containers.ledger },
    };
    if (command === "delete-round") return await deleteRound(app.store.containers, stores, round, yes);
    const holdings = await loadHoldings(stores, email);
    const now = app.clock();
    if (command === "export") {
      console.log(JSON.stringify(exportOf(email, holdings, now), null, 2));
      return 0;
    }
    const plan = planErasure(email, holdings, now, { includeFound });
    if (isEmptyPlan(plan)) {
      console.log(TEXT.nothing(plan.subject.email));
      if (plan.staffOf.length > 0) console.log(TEXT.staff(plan.staffOf));
      return 0;
    }
    printPlan(plan, !yes);
    if (plan.staffOf.length > 0) console.log(TEXT.staff(plan.staffOf));
    if (!yes) {
      console.log(TEXT.again);
      return 0;
    }
    console.log(TEXT.done(await applyErasure(stores, plan, now)));
    if (plan.reports.some((r) => r.changes.contact)) console.log(TEXT.importNote);
    return 0;
  } finally {
    // Also writes the embedded store's snapshot.
    await app.close();
  }
}

type Command = "export" | "erase" | "delete-round";

function parse(argv: string[]): {
  command: Command;
  email: string;
  round: string;
  yes: boolean;
  includeFound: boolean;
} {
  const { values, positionals } = parseArgs({
    args: argv,
    allowPositionals: true,
    options: {
      email: { type: "string" },
      round: { type: "string" },
      yes: { type: "boolean", default: false },
      "include-found": { type: "boolean", default: false },
    },
  });
  const [command, ...rest] = positionals;
  if (command !== "export" && command !== "erase" && command !== "delete-round")
    throw new Error("Oppgi export, erase eller delete-round.");
  if (rest.length > 0) throw new Error(`Ukjent argument: ${rest.join(" ")}`);
  if (command === "delete-round") {
    if (!values.round?.trim()) throw new Error("Oppgi --round <id>.");
  } else if (values.email === undefined) throw new Error("Oppgi --email <adresse>.");
  if (command === "export" && values.yes) throw new Error("--yes gjelder bare erase og delete-round.");
  if (command !== "erase" && values["include-found"]) throw new Error("--include-found gjelder bare erase.");
  return {
    command,
    email: values.email?.trim() ?? "",
    round: values.round?.trim() ?? "",
    yes: values.yes,
    includeFound: values["include-found"],
  };
}

/** Deletes a round, its reports and its ledger (dry run without --yes). */
async function deleteRound(
  containers: Record<"reports" | "rounds" | "ledger", Container>,
  stores: PersonalDataStores,
  roundId: string,
  yes: boolean,
): Promise<number> {
  const round = await stores.rounds.get(roundId);
  const reports = await stores.reports.listByRound(roundId);
  const ledger = await stores.ledger.listByRound(roundId);
  const ledgerIds = [...ledger.reminders.map((v) => v.doc.id), ...ledger.recipients.map((d) => d.id)];
  if (round === undefined && reports.length === 0 && ledgerIds.length === 0) {
    console.log(TEXT.noRound(roundId));
    return 0;
  }
  const submitted = reports.filter((r) => r.status === "submitted").length;
  console.log(
    TEXT.roundPlan(roundId, round?.county ?? "?", reports.length, submitted, ledgerIds.length, !yes),
  );
  if (!yes) {
    console.log(TEXT.again);
    return 0;
  }
  let deleted = 0;
  for (const id of ledgerIds) deleted += await deleteDocument(containers.ledger, id, roundId);
  for (const r of reports) deleted += await deleteDocument(containers.reports, r.id, roundId);
  if (round !== undefined) deleted += await deleteDocument(containers.rounds, roundId, roundId);
  console.log(TEXT.roundDone(deleted));
  return 0;
}

/** 1 when deleted, 0 when it was already gone. */
async function deleteDocument(container: Container, id: string, partitionKey: string): Promise<number> {
  try {
    const response = await container.item(id, partitionKey).delete();
    return response.statusCode === 404 ? 0 : 1;
  } catch (err) {
    if (cosmosStatus(err) === 404) return 0;
    throw err;
  }
}

main(process.argv.slice(2)).then(
  (code) => {
    process.exitCode = code;
  },
  (err: unknown) => {
    console.error(err);
    process.exitCode = 1;
  },
);
