/**
 * The TrueType fonts embedded in generated PDFs: DejaVu Sans from the `dejavu-fonts-ttf` package (full
 * Latin coverage, so æ, ø, å and every other character a person may type are drawn right; the standard
 * PDF fonts would need WinAnsi and drop the rest).
 */
import { readFileSync } from "node:fs";
import { createRequire } from "node:module";

const require = createRequire(import.meta.url);

export interface PdfFonts {
  regular: Buffer;
  bold: Buffer;
}

let cached: PdfFonts | undefined;

/** The font files, read once per process. */
export function pdfFonts(): PdfFonts {
  cached ??= {
    regular: readFileSync(require.resolve("dejavu-fonts-ttf/ttf/DejaVuSans.ttf")),
    bold: readFileSync(require.resolve("dejavu-fonts-ttf/ttf/DejaVuSans-Bold.ttf")),
  };
  return cached;
}
