/**
 * The round import in Teams (staff, personal chat): a sent allocation list (a Teams file attachment,
 * `application/vnd.microsoft.teams.file.download.info` with a short-lived `content.downloadUrl`) is
 * fetched, dry-run by src/rounds/import-uploads.ts and answered with the plan card; "Importer" names
 * only the server's upload id.
 */
import { z } from "zod";
import { importPlanCard } from "../../cards/import-plan.ts";
import type { Payload, Verb } from "../../cards/verbs.ts";
import type { EdgeApp } from "../../src/app.ts";
import { downloadFile } from "../../src/attachments/file-download.ts";
import { texts } from "../../src/i18n/texts.ts";
import type { Actor } from "../../src/reports/types.ts";
import { IMPORT_MAX_BYTES } from "../../src/rounds/import-uploads.ts";
import { displayText } from "../../src/text/typed-text.ts";
import { langOf } from "../lang.ts";
import type { Reply } from "../reply.ts";

const FILE_DOWNLOAD_INFO = "application/vnd.microsoft.teams.file.download.info";

/** A Teams file attachment as we accept it. */
const fileAttachment = z.object({
  contentType: z.literal(FILE_DOWNLOAD_INFO),
  name: z.string().min(1).max(255),
  content: z.object({
    downloadUrl: z.url({ protocol: /^https?$/ }),
    fileType: z.string().max(20).optional(),
  }),
});
export type FileAttachment = z.infer<typeof fileAttachment>;

/** The file attachments of a message (zod-parsed; anything else is ignored). */
export function fileAttachmentsOf(attachments: unknown): FileAttachment[] {
  if (!Array.isArray(attachments)) return [];
  return attachments.flatMap((a) => {
    const parsed = fileAttachment.safeParse(a);
    return parsed.success ? [parsed.data] : [];
  });
}

const IMPORT_TYPES = /\.(xlsx|csv)$/i;

/** A file sent to the bot: an allocation list from county staff. */
export async function importFromFile(
  app: EdgeApp,
  actor: Actor,
  files: FileAttachment[],
  personal: boolean,
): Promise<Reply> {
  const dt = texts(langOf(actor)).botDocuments;
  if (!personal) return { text: dt.importPersonalOnly };
  if (!(await app.imports.isAnyStaff(actor))) return { text: dt.importStaffOnly };
  const [file, ...more] = files;
  if (file === undefined || more.length > 0) return { text: dt.importOneFile };
  // The file name is the sender's: plain text, never Markdown.
  if (!IMPORT_TYPES.test(file.name)) return { text: dt.importWrongType(displayText(file.name)), plain: true };
  // The same download policy as attachments: https to Teams' file hosts, local http only outside production.
  const got = await downloadFile(file.content.downloadUrl, IMPORT_MAX_BYTES, {
    ...app.config.fileDownload,
    timeoutMs: 20_000,
  });
  if (got.kind === "too_big") return { text: dt.importTooBig(IMPORT_MAX_BYTES / 1024 / 1024) };
  if (got.kind !== "ok") {
    app.log.warn({ outcome: got.kind }, "import file download failed");
    return { text: dt.importDownloadFailed };
  }
  const content = got.body;
  const o = await app.imports.dryRun(actor, { name: file.name, content }, langOf(actor));
  if (o.kind === "forbidden") return { text: dt.importStaffOnly };
  app.log.info({ status: o.result.status, bytes: content.length }, "import dry run");
  return {
    card: importPlanCard({
      fileName: o.fileName,
      result: o.result,
      lang: langOf(actor),
      ...(o.uploadId !== undefined ? { uploadId: o.uploadId } : {}),
    }),
  };
}

export async function importRound(
  app: EdgeApp,
  actor: Actor,
  data: Payload<typeof Verb.ImportRound>,
): Promise<Reply> {
  const dt = texts(langOf(actor)).botDocuments;
  const o = await app.imports.apply(actor, data.uploadId, langOf(actor));
  if (o.kind === "forbidden") return { text: dt.importStaffOnly };
  if (o.kind === "gone") return { text: dt.importGone };
  app.log.info({ status: o.result.status }, "round imported from Teams");
  return { card: importPlanCard({ fileName: o.fileName, result: o.result, lang: langOf(actor) }) };
}
