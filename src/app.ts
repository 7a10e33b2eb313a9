/**
 * Composition root: wires storage, services and the clock from a parsed Config.
 * Reads no environment itself.
 */
import { randomBytes } from "node:crypto";
import { join } from "node:path";
import type { TokenCredential } from "@azure/identity";
import { AttachmentService } from "./attachments/attachment-service.ts";
import { type Clock, fixedClock, systemClock } from "./clock.ts";
import type { Config } from "./config.ts";
import { DocumentService } from "./documents/document-service.ts";
import type { Logger } from "./log.ts";
import { tellInvitedCoEditor } from "./people/coeditor-notify.ts";
import { CoEditorService } from "./people/coeditors.ts";
import { GraphClient, type GraphToken, graphTokenFrom } from "./people/graph-client.ts";
import { PersonService } from "./people/person-service.ts";
import { type ConversationOpener, ReachService } from "./people/reach-service.ts";
import { StaffMembership, type TeamRoster } from "./people/staff-membership.ts";
import { loadForms } from "./questionnaire/form.ts";
import { FormCatalog } from "./questionnaire/form-catalog.ts";
import type { Form } from "./questionnaire/types.ts";
import type { Messenger } from "./reminders/messenger.ts";
import { ReminderService } from "./reminders/reminder-service.ts";
import { ApprovalService } from "./reports/approval-service.ts";
import { receiptNumbers } from "./reports/receipt.ts";
import { ReportService } from "./reports/report-service.ts";
import { ReviewService } from "./reports/review-service.ts";
import { type NotifyPerson, StaffService } from "./reports/staff-service.ts";
import type { Actor, ReportDoc } from "./reports/types.ts";
import { cachedDeadlines } from "./rounds/deadlines.ts";
import { demoRound } from "./rounds/demo-seed.ts";
import { ImportUploadService } from "./rounds/import-uploads.ts";
import { AttachmentBlobs } from "./storage/attachment-blobs.ts";
import { type CosmosStore, openCosmos } from "./storage/cosmos.ts";
import { LedgerRepo } from "./storage/ledger-repo.ts";
import { PeopleRepo } from "./storage/people-repo.ts";
import { ReachRepo } from "./storage/reach-repo.ts";
import { ReportRepo } from "./storage/report-repo.ts";
import { RoundRepo } from "./storage/round-repo.ts";
import { ChannelService } from "./summaries/channel-service.ts";

/**
 * What the Teams edge (bot/) may use: services only. No repositories, no store, no forms map;
 * every read and write of a document goes through a service here.
 */
export interface EdgeApp {
  config: Config;
  log: Logger;
  clock: Clock;
  reports: ReportService;
  /** The review card's deadline and plausibility confirmations. */
  review: ReviewService;
  coEditors: CoEditorService;
  /** Approval before sending: the contact asks partners by e-mail; they approve or comment. */
  approvals: ApprovalService;
  /** Tells an invited co-editor in Teams when they can be reached (false when not). */
  tellCoEditor(report: ReportDoc, email: string, invitedBy: Actor): Promise<boolean>;
  staff: StaffService;
  reminders: ReminderService;
  /** The staff channel's data: status, digests, summaries, exports. */
  channel: ChannelService;
  /** Person records: who someone seen in Teams is, where to reach them. */
  people: PersonService;
  questionnaires: FormCatalog;
  /** Reaching contacts the bot has never met; present when the edge lends an opener and the app's
   * catalog id is configured (REACH_CONTACTS decides whether a schedule runs it). */
  reach?: ReachService;
  /** Report PDFs and their signed download links. */
  documents: DocumentService;
  /** The round import from a file sent in Teams (staff only). */
  imports: ImportUploadService;
  /** Files sent for a report (Blob Storage), and which report the person is working on. */
  attachments: AttachmentService;
  messenger?: Messenger;
  /** True when Cosmos DB answers (health and readiness probes). */
  ping(): Promise<boolean>;
}

/** The whole composition, for scripts and tests; bot/ sees it only as an EdgeApp. */
export interface App extends EdgeApp {
  forms: Map<string, Form>;
  store: CosmosStore;
  repos: { reports: ReportRepo; rounds: RoundRepo; people: PeopleRepo; ledger: LedgerRepo };
  /** Where the data lives, for the start-up log. */
  dataLocation: string;
  close(): Promise<void>;
}

/** What the edge (bot/) lends the domain: sending a message to a person. */
export interface AppPorts {
  notify?: NotifyPerson;
  /** Proactive sending (channel posts, reminders); implemented in bot/. */
  messenger?: Messenger;
  /** Opens a personal chat with someone the bot has never met (createConversation); bot/. */
  opener?: ConversationOpener;
  /** Microsoft Graph token; default: DefaultAzureCredential (managed identity / client credentials). */
  graphToken?: GraphToken;
  /** Asks Teams whether someone is a member of the staff team; implemented in bot/. */
  teamRoster?: TeamRoster;
  /** Signs download links (documents); without one, links die with the process. */
  linkSecret?: Buffer | string;
}

export async function createApp(config: Config, log: Logger, ports: AppPorts = {}): Promise<App> {
  const forms = loadForms();
  const clock = config.clockNow !== undefined ? fixedClock(config.clockNow) : systemClock;

  let endpoint = config.cosmos.endpoint;
  let key = config.cosmos.key;
  let dataLocation = `Cosmos DB ${endpoint ?? ""} / ${config.cosmos.database}`;
  let stopLocal: (() => Promise<void>) | undefined;
  if (endpoint === undefined) {
    // Development default: the embedded Cosmos-protocol server, persisted to a snapshot file.
    const { startLocalCosmos } = await import("./storage/local-cosmos.ts");
    const snapshotFile = join(config.cosmos.localDataDir, "cosmos-snapshot.json");
    const local = await startLocalCosmos({ port: 0, snapshotFile, database: config.cosmos.database });
    endpoint = local.endpoint;
    key = local.key;
    dataLocation = `embedded local Cosmos server ${endpoint}, snapshot in ${snapshotFile}`;
    const timer = setInterval(() => {
      local.snapshot().catch((err: unknown) => log.warn({ err }, "local snapshot failed"));
    }, 5_000);
    timer.unref();
    stopLocal = async () => {
      clearInterval(timer);
      await local.stop();
    };
  }

  let credential: TokenCredential | undefined;
  if (key === undefined) {
    const { DefaultAzureCredential } = await import("@azure/identity");
    credential = new DefaultAzureCredential();
  }
  const store = await openCosmos({
    endpoint,
    key,
    database: config.cosmos.database,
    credential,
    ...(config.cosmos.deadlineMs !== undefined ? { deadlineMs: config.cosmos.deadlineMs } : {}),
  });
  const repos = {
    reports: new ReportRepo(store.containers.reports),
    rounds: new RoundRepo(store.containers.rounds),
    people: new PeopleRepo(store.containers.people),
    ledger: new LedgerRepo(store.containers.ledger),
  };

  if (config.seedDemo) {
    const demo = demoRound(clock());
    if ((await repos.rounds.get(demo.round.id)) === undefined) {
      await repos.rounds.create(demo.round);
      for (const r of demo.reports) await repos.reports.upsert(r);
      log.info({ roundId: demo.round.id, reports: demo.reports.length }, "seeded demo round");
    }
  }

  const notify: NotifyPerson =
    ports.notify ??
    (async () => {
      log.warn("no messenger configured: a person could not be told");
      return false;
    });
  const staff = new StaffService({
    reports: repos.reports,
    rounds: repos.rounds,
    people: repos.people,
    forms,
    staffIds: config.staffIds,
    clock,
    membership: new StaffMembership({ ...(ports.teamRoster ? { roster: ports.teamRoster } : {}) }),
    notify,
  });
  const receipts = receiptNumbers(repos.rounds, (err, roundId) =>
    log.warn({ err, roundId }, "could not reserve receipt numbers; a submit then uses the id reference"),
  );
  /** One cached deadline lookup for section and review cards (a save stays one write); reserves receipts ahead. */
  const deadlines = receipts.ahead(cachedDeadlines(repos.rounds, clock));
  const reports = new ReportService({
    reports: repos.reports,
    forms,
    staffIds: config.staffIds,
    clock,
    isRoundStaff: async (actor, roundId) => (await staff.isStaffOf(actor, roundId)) !== undefined,
    nextReceipt: receipts.next,
    deadlineOf: deadlines,
  });
  const reachRecords = new ReachRepo(store.containers.people);
  let reach: ReachService | undefined;
  if (ports.opener !== undefined && config.reach.teamsAppCatalogId !== undefined) {
    let token = ports.graphToken;
    if (token === undefined) {
      const { DefaultAzureCredential } = await import("@azure/identity");
      token = graphTokenFrom(credential ?? new DefaultAzureCredential());
    }
    reach = new ReachService({
      rounds: repos.rounds,
      reports: repos.reports,
      people: repos.people,
      store: reachRecords,
      graph: new GraphClient(config.reach.graphBaseUrl, token),
      opener: ports.opener,
      appCatalogId: config.reach.teamsAppCatalogId,
      tenantId: config.bot.tenantId ?? config.allowedTenantIds[0] ?? "",
      clock,
      log,
    });
  }
  const people = new PersonService({ people: repos.people, clock, reach: reachRecords });
  const blobs = attachmentBlobs(config, () => credential);
  const attachments = new AttachmentService({
    reports: repos.reports,
    service: reports,
    staffIds: config.staffIds,
    clock,
    ...(blobs !== undefined ? { blobs } : {}),
    policy: { ...config.fileDownload, timeoutMs: 30_000 },
    onError: (err, what) => log.warn({ err }, what),
  });
  const channel = new ChannelService({ ...repos, forms, staffIds: config.staffIds, staff, people, clock });
  return {
    config,
    log,
    clock,
    forms,
    store,
    repos,
    reports,
    review: new ReviewService({
      reports: repos.reports,
      rounds: repos.rounds,
      forms,
      staffIds: config.staffIds,
      clock,
      deadlineOf: deadlines,
    }),
    coEditors: new CoEditorService({ reports: repos.reports, clock }),
    approvals: new ApprovalService({ reports: repos.reports, people: repos.people, forms, clock }),
    tellCoEditor: (report, email, invitedBy) =>
      tellInvitedCoEditor({ people: repos.people, notify }, report, email, invitedBy),
    staff,
    channel,
    people,
    questionnaires: new FormCatalog(forms),
    imports: new ImportUploadService({
      rounds: repos.rounds,
      reports: repos.reports,
      staffIds: config.staffIds,
      clock,
    }),
    documents: new DocumentService({
      reports: repos.reports,
      rounds: repos.rounds,
      service: reports,
      forms,
      clock,
      linkSecret: ports.linkSecret ?? randomBytes(32),
      publicBaseUrl: config.publicBaseUrl,
      openAttachment: (ref, id) => attachments.open(ref, id),
    }),
    attachments,
    ping: () => store.ping(),
    reminders: new ReminderService({ ...repos, forms, clock, log }),
    ...(reach !== undefined ? { reach } : {}),
    ...(ports.messenger !== undefined ? { messenger: ports.messenger } : {}),
    dataLocation,
    async close() {
      store.dispose();
      await stopLocal?.();
    },
  };
}

/**
 * The attachments container, opened (and created if missing) on first use and kept; a failed open is
 * tried again next time. Azurite locally (connection string), Entra ID in Azure. Undefined when neither
 * is configured: the bot then says it cannot take files.
 */
function attachmentBlobs(
  config: Config,
  credential: () => TokenCredential | undefined,
): (() => Promise<AttachmentBlobs>) | undefined {
  const { connectionString, endpoint, container } = config.blobs;
  if (connectionString === undefined && endpoint === undefined) return undefined;
  let opened: Promise<AttachmentBlobs> | undefined;
  return () => {
    opened ??= (async () => {
      if (connectionString !== undefined) return AttachmentBlobs.open({ connectionString }, container);
      const { DefaultAzureCredential } = await import("@azure/identity");
      const cred = credential() ?? new DefaultAzureCredential();
      return AttachmentBlobs.open({ accountUrl: endpoint ?? "", credential: cred }, container);
    })().catch((err: unknown) => {
      opened = undefined;
      throw err;
    });
    return opened;
  };
}
