/**
 * Excel import files (.xlsx, as county staff keep the allocation list): the first worksheet read with
 * exceljs into the same records a CSV file gives (header first, record i is "Rad i+1" as Excel shows
 * it), so the same column mapping and row checks apply (import-csv.ts, import-rows.ts).
 */
import ExcelJS from "exceljs";
import { DEFAULT_LANG, type Lang } from "../i18n/lang.ts";
import { texts } from "../i18n/texts.ts";
import type { CsvTable } from "./import-csv.ts";

/** A cell as the text the person sees: numbers without grouping, dates as ISO dates (Excel has no zone). */
function cellText(value: ExcelJS.CellValue): string {
  if (value === null || value === undefined) return "";
  if (value instanceof Date) {
    // exceljs gives the wall-clock time of the sheet as if it were UTC.
    const iso = value.toISOString();
    return iso.endsWith("T00:00:00.000Z") ? iso.slice(0, 10) : iso.slice(0, 16);
  }
  if (typeof value === "object") {
    if ("richText" in value) return value.richText.map((r) => r.text).join("");
    if ("text" in value && typeof value.text === "string") return value.text; // hyperlink
    if ("result" in value) return cellText(value.result as ExcelJS.CellValue); // formula
    if ("error" in value) return "";
    return "";
  }
  return String(value);
}

export type XlsxRead = { ok: true; table: CsvTable } | { ok: false; error: string };

/** The first worksheet's rows as text records; an error message (in `lang`) when the bytes are not a workbook. */
export async function xlsxTable(content: Uint8Array, lang: Lang = DEFAULT_LANG): Promise<XlsxRead> {
  const t = texts(lang).imports.file;
  const workbook = new ExcelJS.Workbook();
  try {
    await workbook.xlsx.load(Buffer.from(content) as unknown as ExcelJS.Buffer);
  } catch {
    return { ok: false, error: t.notXlsx };
  }
  const sheet = workbook.worksheets[0];
  if (sheet === undefined) return { ok: false, error: t.noSheet };
  const records: string[][] = [];
  const width = sheet.getRow(1).cellCount;
  for (let r = 1; r <= sheet.rowCount; r++) {
    const row = sheet.getRow(r);
    const count = Math.max(width, row.cellCount);
    const record: string[] = [];
    for (let c = 1; c <= count; c++) record.push(cellText(row.getCell(c).value).trim());
    // Cells beyond the header that are empty are not fields (Excel keeps formatted empty cells).
    while (record.length > width && record[record.length - 1] === "") record.pop();
    records.push(record);
  }
  return { ok: true, table: { records } };
}
