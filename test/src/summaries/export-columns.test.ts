/** The report's own facts in the export (saksnummer, contact, receipt, co-editors, reopening, phones). */
import ExcelJS from "exceljs";
import { describe, expect, it } from "vitest";
import type { ReportDoc } from "../../../src/reports/types.ts";
import { buildCsv, buildWorkbook } from "../../../src/summaries/export.ts";
import { questionStats } from "../../../src/summaries/statistics.ts";
import { form, question, report } from "./fixtures.ts";

function rowValues(sheet: ExcelJS.Worksheet, row: number): unknown[] {
  return (sheet.getRow(row).values as unknown[]).slice(1); // exceljs rows are 1-based
}

describe("report facts in the export", () => {
  const phone = question("q9", "phone", { text: "Telefon" });
  const phoneForm = { ...form, sections: [{ id: "s9", title: "Kontakt", intro: null, questions: [phone] }] };
  const full: ReportDoc = {
    ...report({ partnership: "Salten", answers: { q9: { value: "+4791234567" } } }),
    tiltak: { id: "t-s", name: "Lesing", caseNumber: "2025/1234" },
    contact: { name: "Kari Nordmann", email: "kari@salten.no", phone: "+47 22334455" },
    coEditors: [
      { email: "ola@salten.no", name: "Ola Hansen", invitedAt: "2025-01-02T10:00:00.000Z", invitedBy: "u1" },
      { email: "per@salten.no", invitedAt: "2025-01-02T10:00:00.000Z", invitedBy: "u1" },
    ],
    receipt: "DEKOM-2025-0042",
    reopened: { by: { id: "s1", name: "Siri" }, at: "2025-01-20T09:15:00.000Z", reason: "Mangler beløp" },
  };

  it("should add saksnummer, contact e-mail and phone, receipt, co-editors and the reopening", async () => {
    const buffer = await buildWorkbook(phoneForm, [full], questionStats(phoneForm, [full]));
    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.load(buffer as unknown as ExcelJS.Buffer);
    const sheet = workbook.getWorksheet("Svar");
    if (!sheet) throw new Error("no Svar sheet");
    const header = rowValues(sheet, 1) as string[];
    const row = rowValues(sheet, 2);
    const cell = (name: string) => row[header.indexOf(name)];
    expect(cell("Saksnummer")).toBe("2025/1234");
    expect(cell("Kontaktperson e-post")).toBe("kari@salten.no");
    expect(cell("Kontaktperson telefon")).toBe("22 33 44 55");
    expect(cell("Kvitteringsreferanse")).toBe("DEKOM-2025-0042");
    expect(cell("Medredaktører")).toBe("Ola Hansen <ola@salten.no>; per@salten.no");
    expect((cell("Gjenåpnet (norsk tid)") as Date).toISOString()).toBe("2025-01-20T10:15:00.000Z"); // Oslo
    expect(cell("Gjenåpnet – begrunnelse")).toBe("Mangler beløp");
    expect(cell("q9 Telefon")).toBe("912 34 567");
  });

  it("should write the same facts in the CSV", () => {
    const csv = buildCsv(phoneForm, [full]).toString("utf8");
    expect(csv).toContain(
      ';2025/1234;kari@salten.no;22 33 44 55;DEKOM-2025-0042;"Ola Hansen <ola@salten.no>; per@salten.no";',
    );
    expect(csv).toContain(";2025-01-20 10:15;Mangler beløp;912 34 567\r\n");
  });
});
