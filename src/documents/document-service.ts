/**
 * Documents of reports: who may get a report's PDF (decided here from the Teams identity, before any link
 * is signed), and the bytes behind a verified link: one report's PDF, or a zip of a round's submitted
 * reports as PDFs (county staff; the link is only handed out in the staff channel).
 */
import JSZip from "jszip";
import type { Clock } from "../clock.ts";
import { DEFAULT_LANG, type Lang, langForReports } from "../i18n/lang.ts";
import type { Form } from "../questionnaire/types.ts";
import type { ReportRef, ReportService } from "../reports/report-service.ts";
import type { Actor, ReportDoc } from "../reports/types.ts";
import type { ReportRepo } from "../storage/report-repo.ts";
import type { RoundRepo } from "../storage/round-repo.ts";
import {
  DOCUMENT_LINK_TTL_MS,
  type DocumentClaims,
  documentUrl,
  safeFileName,
  signDocumentToken,
  verifyDocumentToken,
} from "./document-link.ts";
import { reportPdf } from "./report-pdf.ts";

export interface DocumentServiceDeps {
  reports: ReportRepo;
  rounds: RoundRepo;
  service: ReportService;
  forms: Map<string, Form>;
  clock: Clock;
  /** Signs the download links (the same secret as the export links; a different derived key). */
  linkSecret: Buffer | string;
  publicBaseUrl: string;
  /** Opens a report's attachment for a verified link (src/attachments/). */
  openAttachment?: (
    ref: ReportRef,
    attachmentId: string,
  ) => Promise<
    | { record: { name: string }; contentType: string; bytes: number; stream: NodeJS.ReadableStream }
    | undefined
  >;
}

export interface DocumentFile {
  fileName: string;
  contentType: string;
  body: Buffer;
}

/** A stored attachment behind a staff link, streamed from Blob Storage. */
export interface StreamedFile {
  fileName: string;
  contentType: string;
  bytes: number;
  stream: NodeJS.ReadableStream;
}

/** How long an attachment link in an export file works (the file is kept and opened later). */
export const EXPORT_ATTACHMENT_LINK_TTL_MS = 7 * 24 * 60 * 60 * 1000;

export type PdfLink =
  | { kind: "ok"; url: string; expiresAt: number; report: ReportDoc }
  | { kind: "not_found" }
  | { kind: "forbidden" };

export class DocumentService {
  constructor(private readonly deps: DocumentServiceDeps) {}

  /**
   * A download link for the report's PDF, when the actor may read the report (contact, co-editor,
   * staff); the ids signed are the stored report's, never the card's.
   */
  async pdfLink(actor: Actor, ref: ReportRef): Promise<PdfLink> {
    const o = await this.deps.service.open(actor, ref);
    if (o.kind !== "ok") return o;
    const report = o.report;
    // In the requester's language: their choice, else the partnership's målform, else the turn's.
    const lang = langForReports(actor, report);
    return {
      kind: "ok",
      report,
      ...this.link({ kind: "report", roundId: report.roundId, reportId: report.id, lang }),
    };
  }

  /** A download link for the zip of a round's submitted reports: only for callers that checked staff access. */
  roundZipLink(roundId: string, lang?: Lang): { url: string; expiresAt: number } {
    return this.link({ kind: "round", roundId, ...(lang !== undefined ? { lang } : {}) });
  }

  /**
   * Links to a report's attachments, for callers that checked staff access (summary thread: 15 minutes;
   * the export file: EXPORT_ATTACHMENT_LINK_TTL_MS). The ids signed are the stored report's.
   */
  attachmentLinks(
    report: ReportDoc,
    ttlMs = DOCUMENT_LINK_TTL_MS,
  ): { id: string; url: string; expiresAt: number }[] {
    return (report.attachments ?? []).map((a) => ({
      id: a.id,
      ...this.link(
        { kind: "attachment", roundId: report.roundId, reportId: report.id, attachmentId: a.id },
        ttlMs,
      ),
    }));
  }

  private link(claims: DocumentClaims, ttlMs = DOCUMENT_LINK_TTL_MS): { url: string; expiresAt: number } {
    const expiresAt = this.deps.clock().getTime() + ttlMs;
    const token = signDocumentToken(claims, expiresAt, this.deps.linkSecret);
    return { url: documentUrl(this.deps.publicBaseUrl, token), expiresAt };
  }

  /** The file behind a download token; undefined for a bad, forged or expired token or a missing report. */
  async download(token: string): Promise<DocumentFile | StreamedFile | undefined> {
    const claims = verifyDocumentToken(token, this.deps.linkSecret, this.deps.clock().getTime());
    if (claims === undefined) return undefined;
    if (claims.kind === "attachment") {
      const ref = { roundId: claims.roundId, reportId: claims.reportId };
      const found = await this.deps.openAttachment?.(ref, claims.attachmentId);
      if (found === undefined) return undefined;
      const { record, ...blob } = found;
      return { fileName: record.name, ...blob };
    }
    return claims.kind === "report"
      ? this.reportPdf({ roundId: claims.roundId, reportId: claims.reportId }, claims.lang)
      : this.roundZip(claims.roundId, claims.lang);
  }

  private async reportPdf(ref: ReportRef, lang: Lang = DEFAULT_LANG): Promise<DocumentFile | undefined> {
    const found = await this.deps.reports.get(ref.roundId, ref.reportId);
    const form = found && this.deps.forms.get(found.doc.formId);
    if (found === undefined || form === undefined) return undefined;
    const report = found.doc;
    return {
      fileName: `rapport-${safeFileName(report.tiltak.caseNumber ?? report.tiltak.name, "tiltak")}.pdf`,
      contentType: "application/pdf",
      body: await reportPdf({ form, report, generatedAt: this.deps.clock(), lang }),
    };
  }

  /** A zip with one PDF per submitted report of the round. */
  private async roundZip(roundId: string, lang: Lang = DEFAULT_LANG): Promise<DocumentFile | undefined> {
    const round = await this.deps.rounds.get(roundId);
    const form = round && this.deps.forms.get(round.formId);
    if (round === undefined || form === undefined) return undefined;
    const submitted = (await this.deps.reports.listByRound(roundId))
      .filter((r) => r.status === "submitted")
      .sort(
        (a, b) =>
          a.partnership.name.localeCompare(b.partnership.name, "nb") ||
          a.tiltak.name.localeCompare(b.tiltak.name, "nb"),
      );
    const zip = new JSZip();
    const used = new Set<string>();
    const generatedAt = this.deps.clock();
    for (const report of submitted) {
      let name = safeFileName(
        `${report.partnership.name}-${report.tiltak.caseNumber ?? report.tiltak.name}`,
        report.id,
      );
      if (used.has(name)) name = `${name}-${safeFileName(report.id, "r")}`;
      used.add(name);
      zip.file(`${name}.pdf`, await reportPdf({ form, report, generatedAt, lang }), { date: generatedAt });
    }
    return {
      fileName: `rapporter-${safeFileName(round.id, "runde")}.zip`,
      contentType: "application/zip",
      body: await zip.generateAsync({ type: "nodebuffer", compression: "DEFLATE" }),
    };
  }
}
