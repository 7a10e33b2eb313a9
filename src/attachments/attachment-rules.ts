/**
 * What the bot accepts as a report attachment (pure): the file types (PDF, Office documents, PNG/JPEG
 * images), checked by the file name's extension and by the first bytes of the content (a renamed file
 * is refused), the size of one file and the number per report.
 */
import type { Lang } from "../i18n/lang.ts";
import { texts } from "../i18n/texts.ts";

/** The largest attachment accepted: 20 MB. */
export const ATTACHMENT_MAX_BYTES = 20 * 1024 * 1024;
/** Attachments per report at most. */
export const ATTACHMENTS_PER_REPORT = 10;

type Magic = "pdf" | "zip" | "ole" | "png" | "jpeg";

const TYPES: Record<string, { contentType: string; magic: Magic }> = {
  pdf: { contentType: "application/pdf", magic: "pdf" },
  docx: {
    contentType: "application/vnd.openxmlformats-officedocument.wordprocessingml.document",
    magic: "zip",
  },
  xlsx: { contentType: "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet", magic: "zip" },
  pptx: {
    contentType: "application/vnd.openxmlformats-officedocument.presentationml.presentation",
    magic: "zip",
  },
  doc: { contentType: "application/msword", magic: "ole" },
  xls: { contentType: "application/vnd.ms-excel", magic: "ole" },
  png: { contentType: "image/png", magic: "png" },
  jpg: { contentType: "image/jpeg", magic: "jpeg" },
  jpeg: { contentType: "image/jpeg", magic: "jpeg" },
};

const SIGNATURES: Record<Magic, number[]> = {
  pdf: [0x25, 0x50, 0x44, 0x46], // %PDF
  zip: [0x50, 0x4b, 0x03, 0x04], // PK\3\4 (Office Open XML)
  ole: [0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1], // OLE compound file (.doc, .xls)
  png: [0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a],
  jpeg: [0xff, 0xd8, 0xff],
};

function extensionOf(name: string): string {
  const dot = name.lastIndexOf(".");
  return dot < 0 ? "" : name.slice(dot + 1).toLowerCase();
}

/** The content type for an accepted file name, or undefined for a type we do not take. */
export function attachmentType(name: string): string | undefined {
  return TYPES[extensionOf(name)]?.contentType;
}

/** True when the content starts as a file of the name's type does. */
export function contentMatches(name: string, content: Uint8Array): boolean {
  const type = TYPES[extensionOf(name)];
  if (type === undefined) return false;
  const sig = SIGNATURES[type.magic];
  return content.length >= sig.length && sig.every((b, i) => content[i] === b);
}

/** A file name safe to keep and show: no path, no control characters, at most 200 characters. */
export function cleanFileName(name: string): string {
  const base = name.split(/[/\\]/).pop() ?? "";
  // biome-ignore lint/suspicious/noControlCharactersInRegex: control characters are what is removed
  const clean = base.replace(/[\u0000-\u001f\u007f]/g, "").trim();
  if (clean.length <= 200) return clean;
  const ext = extensionOf(clean);
  return `${clean.slice(0, 195 - ext.length)}….${ext}`;
}

/** "1,4 MB" / "320 kB" for a person. */
export function sizeText(bytes: number): string {
  if (bytes >= 1024 * 1024) return `${(bytes / 1024 / 1024).toFixed(1).replace(".", ",")} MB`;
  return `${Math.max(1, Math.round(bytes / 1024))} kB`;
}

/** Whether a question of the form asks for files (the form's "Last opp eventuelle vedlegg …", bokmål and nynorsk). */
export function asksForAttachments(question: { text: string }): boolean {
  return /last opp eventuelle vedlegg/i.test(question.text);
}

/**
 * What the form's attachments question shows when no text was typed but files were sent («Ingen
 * tekst, men 2 vedlegg»: review card, whole report, PDF); undefined for any other question or no files.
 */
export function onlyFilesText(
  question: { text: string },
  report: { attachments?: readonly unknown[] | undefined },
  lang: Lang,
): string | undefined {
  const files = report.attachments?.length ?? 0;
  return files > 0 && asksForAttachments(question) ? texts(lang).review.onlyFiles(files) : undefined;
}
