/** Which files are accepted as attachments: by name and by the content's first bytes. */
import { describe, expect, it } from "vitest";
import {
  attachmentType,
  cleanFileName,
  contentMatches,
  sizeText,
} from "../../../src/attachments/attachment-rules.ts";

const bytes = (...b: number[]) => Uint8Array.from([...b, 0, 0, 0, 0, 0, 0, 0, 0]);

describe("attachment rules", () => {
  it("should accept PDF, Office documents and PNG/JPEG images by name, nothing else", () => {
    expect(attachmentType("Rapport.PDF")).toBe("application/pdf");
    expect(attachmentType("plan.docx")).toContain("wordprocessingml");
    expect(attachmentType("tall.xls")).toBe("application/vnd.ms-excel");
    expect(attachmentType("bilde.jpeg")).toBe("image/jpeg");
    for (const name of ["a.exe", "a.zip", "a.html", "a.svg", "pdf", "a.pdf.exe", ""])
      expect(attachmentType(name), name).toBeUndefined();
  });

  it("should refuse content that is not what the name says", () => {
    expect(contentMatches("a.pdf", Buffer.from("%PDF-1.7 ..."))).toBe(true);
    expect(contentMatches("a.pdf", Buffer.from("<html>"))).toBe(false);
    expect(contentMatches("a.docx", bytes(0x50, 0x4b, 0x03, 0x04))).toBe(true);
    expect(contentMatches("a.doc", bytes(0x50, 0x4b, 0x03, 0x04))).toBe(false);
    expect(contentMatches("a.doc", bytes(0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1))).toBe(true);
    expect(contentMatches("a.png", bytes(0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a))).toBe(true);
    expect(contentMatches("a.jpg", bytes(0xff, 0xd8, 0xff))).toBe(true);
    expect(contentMatches("a.jpg", new Uint8Array())).toBe(false);
  });

  it("should keep a file name without path or control characters, and show sizes in Norwegian", () => {
    expect(cleanFileName("C:\\Users\\kari\\Søknad\u0007.pdf")).toBe("Søknad.pdf");
    expect(cleanFileName("../../etc/x.pdf")).toBe("x.pdf");
    const long = cleanFileName(`${"a".repeat(300)}.pdf`);
    expect(long.length).toBeLessThanOrEqual(200);
    expect(long.endsWith(".pdf")).toBe(true);
    expect(sizeText(1_468_006)).toBe("1,4 MB");
    expect(sizeText(40_000)).toBe("39 kB");
  });
});
