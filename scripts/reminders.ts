/**
 * `npm run reminders -- --dry-run [--at <ISO instant>] [--round <id>]`: who would get which reminder,
 * with what text, now (or at --at), and when the next ones come. Reads config like bot/index.ts;
 * writes nothing.
 *
 * Without --dry-run it runs one real pass through the bot's adapter (as the in-process schedule and
 * POST /api/jobs/reminders do), e.g. to catch up by hand.
 */
import { parseArgs } from "node:util";
import { ProactiveMessenger } from "../bot/proactive.ts";
import { createAdapter } from "../bot/server.ts";
import { reminderCard, reminderTexts } from "../cards/reminder.ts";
import { createApp } from "../src/app.ts";
import { loadConfigOrExit } from "../src/config.ts";
import { createLogger } from "../src/log.ts";
import { type PlanEntry, ReminderService } from "../src/reminders/reminder-service.ts";
import { formatClock, formatDeadlineDate, type Stage, wallClock } from "../src/reminders/schedule.ts";
import { LedgerRepo } from "../src/storage/ledger-repo.ts";

const { values } = parseArgs({
  options: {
    "dry-run": { type: "boolean", default: false },
    at: { type: "string" },
    round: { type: "string", multiple: true },
  },
});

const p2 = (n: number) => String(n).padStart(2, "0");
function local(d: Date, tz: string): string {
  const w = wallClock(d, tz);
  return `${w.year}-${p2(w.month)}-${p2(w.day)} ${p2(w.hour)}:${p2(w.minute)}`;
}

const LABEL: Record<PlanEntry["status"], string> = {
  send: "SEND",
  retry: "RETRY",
  no_conversation: "NO CONVERSATION (not sent; shown to staff)",
  sent: "already sent",
  unreachable: "unreachable (403/404; shown to staff)",
  uncertain: "uncertain (sender died mid-send; not resent)",
  in_progress: "being sent by another run",
  waiting: "nothing due",
};

async function main(): Promise<void> {
  const config = loadConfigOrExit(process.env);
  const log = createLogger(process.env.LOG_LEVEL ? config.logLevel : "warn");
  const app = await createApp(config, log);
  try {
    const service = new ReminderService({
      rounds: app.repos.rounds,
      reports: app.repos.reports,
      people: app.repos.people,
      ledger: new LedgerRepo(app.store.containers.ledger),
      forms: app.forms,
      clock: app.clock,
      log,
    });
    const roundIds = values.round;
    if (!values["dry-run"]) {
      const messenger = new ProactiveMessenger(createAdapter(config, log), config.bot.appId ?? "");
      const summary = await service.run({ messenger, buildCard: reminderCard }, roundIds ? { roundIds } : {});
      console.log(JSON.stringify(summary, null, 2));
      return;
    }
    const now = values.at ? new Date(values.at) : app.clock();
    if (Number.isNaN(now.getTime())) throw new Error(`--at is not a date: ${values.at}`);
    printPlan(service, await service.plan(now, roundIds ? { roundIds } : {}));
  } finally {
    await app.close();
  }
}

function printPlan(service: ReminderService, plan: Awaited<ReturnType<ReminderService["plan"]>>): void {
  const tz = service.schedule.timeZone;
  const stageText = (s: Stage) => `${s.id} ${local(s.dueAt, tz)}`;
  console.log(`Reminders, dry run at ${local(plan.now, tz)} ${tz}`);
  console.log(
    plan.withinHours
      ? "Within sending hours: a run now would send what is marked SEND/RETRY."
      : `Outside sending hours (${service.schedule.sendFromHour}:00-${service.schedule.sendToHour}:00): a run now sends nothing; the next run within them sends what is due then.`,
  );
  if (plan.rounds.length === 0) console.log("\nNo round before its deadline.");
  for (const { round, stages, entries } of plan.rounds) {
    const deadline = new Date(round.deadline);
    console.log(
      `\nRound ${round.id} (${round.county} ${round.reportingYear}), deadline ${formatDeadlineDate(deadline, tz)} ${formatClock(deadline, tz)}`,
    );
    console.log(`  Stages: ${stages.map(stageText).join(", ") || "none"}`);
    if (entries.length === 0) console.log("  No report waiting to be submitted.");
    for (const e of entries) {
      const who = `${e.recipient.name} (${e.recipient.role === "contact" ? "contact" : "co-editor"})`;
      const what = `${e.report.partnership.name} – ${e.report.tiltak.name}`;
      const now = e.stage ? `${e.stage.id}: ${LABEL[e.status]}` : LABEL[e.status];
      console.log(`  - ${who} · ${what}`);
      console.log(`      now:  ${now}`);
      if (e.message && (e.status === "send" || e.status === "retry")) {
        const t = reminderTexts(e.message);
        console.log(
          `      card: «Frist: ${t.deadline}» «Fremdrift: ${t.progress}» opens del ${e.message.resumeSection + 1} «${e.message.resumeSectionTitle}»`,
        );
      }
      if (e.state?.optedOutAt) console.log("      opted out (only the deadline-day reminder comes)");
      console.log(`      next: ${e.next ? stageText(e.next) : "none before the deadline"}`);
    }
  }
}

main().catch((err: unknown) => {
  console.error(err);
  process.exit(1);
});
