/**
 * Draws the two Teams app icons with pngjs and writes them to manifest/:
 *
 *   npm run icons        (tsx scripts/make-icons.ts)
 *
 * - color.png, 192x192: a blue rounded square with a white document and a check mark.
 * - outline.png, 32x32: the same glyph as white lines on a fully transparent background
 *   (Teams requires white-only pixels there; alpha may vary for anti-aliasing).
 *
 * The PNGs are committed; run this again only when the design changes. Shapes are signed-distance
 * functions sampled 4x4 per pixel, which gives smooth edges without a graphics library.
 */
import { writeFileSync } from "node:fs";
import { join } from "node:path";
import { pathToFileURL } from "node:url";
import { PNG } from "pngjs";

/** Accent colour of the app; also `accentColor` in the manifest template. */
export const ACCENT = { r: 0x1e, g: 0x5a, b: 0x8c } as const;

type Rgb = { r: number; g: number; b: number };
/** A shape: negative inside, positive outside (distance in pixels). */
type Sdf = (x: number, y: number) => number;

const roundedRect =
  (x0: number, y0: number, x1: number, y1: number, radius: number): Sdf =>
  (x, y) => {
    const cx = (x0 + x1) / 2;
    const cy = (y0 + y1) / 2;
    const qx = Math.abs(x - cx) - ((x1 - x0) / 2 - radius);
    const qy = Math.abs(y - cy) - ((y1 - y0) / 2 - radius);
    return Math.hypot(Math.max(qx, 0), Math.max(qy, 0)) + Math.min(Math.max(qx, qy), 0) - radius;
  };

/** A line segment with round caps, `width` pixels thick. */
const segment =
  (ax: number, ay: number, bx: number, by: number, width: number): Sdf =>
  (x, y) => {
    const px = x - ax;
    const py = y - ay;
    const dx = bx - ax;
    const dy = by - ay;
    const t = Math.max(0, Math.min(1, (px * dx + py * dy) / (dx * dx + dy * dy)));
    return Math.hypot(px - dx * t, py - dy * t) - width / 2;
  };

/** A convex polygon given clockwise in image coordinates (y down). */
const convexPolygon =
  (points: ReadonlyArray<readonly [number, number]>): Sdf =>
  (x, y) => {
    let d = Number.NEGATIVE_INFINITY;
    for (let i = 0; i < points.length; i++) {
      const [ax, ay] = points[i] as readonly [number, number];
      const [bx, by] = points[(i + 1) % points.length] as readonly [number, number];
      const nx = by - ay;
      const ny = -(bx - ax);
      const len = Math.hypot(nx, ny);
      d = Math.max(d, ((x - ax) * nx + (y - ay) * ny) / len);
    }
    return d;
  };

const union =
  (...shapes: Sdf[]): Sdf =>
  (x, y) =>
    Math.min(...shapes.map((s) => s(x, y)));
const subtract =
  (a: Sdf, b: Sdf): Sdf =>
  (x, y) =>
    Math.max(a(x, y), -b(x, y));
/** The ring of `width` pixels just inside the edge of a shape. */
const inner =
  (shape: Sdf, width: number): Sdf =>
  (x, y) => {
    const d = shape(x, y);
    return Math.max(d, -d - width);
  };

/** Fraction of the pixel at (px, py) covered by the shape, from 4x4 samples. */
function coverage(shape: Sdf, px: number, py: number): number {
  const n = 4;
  let inside = 0;
  for (let i = 0; i < n; i++) {
    for (let j = 0; j < n; j++) {
      if (shape(px + (i + 0.5) / n, py + (j + 0.5) / n) <= 0) inside++;
    }
  }
  return inside / (n * n);
}

interface Layer {
  shape: Sdf;
  color: Rgb;
}

/** Paints layers bottom to top with "source over" blending onto a transparent canvas. */
function paint(size: number, layers: Layer[]): Buffer {
  const png = new PNG({ width: size, height: size });
  for (let y = 0; y < size; y++) {
    for (let x = 0; x < size; x++) {
      let r = 0;
      let g = 0;
      let b = 0;
      let a = 0;
      for (const layer of layers) {
        const c = coverage(layer.shape, x, y);
        if (c === 0) continue;
        const outA = c + a * (1 - c);
        r = (layer.color.r * c + r * a * (1 - c)) / outA;
        g = (layer.color.g * c + g * a * (1 - c)) / outA;
        b = (layer.color.b * c + b * a * (1 - c)) / outA;
        a = outA;
      }
      const i = (y * size + x) * 4;
      png.data[i] = Math.round(r);
      png.data[i + 1] = Math.round(g);
      png.data[i + 2] = Math.round(b);
      png.data[i + 3] = Math.round(a * 255);
    }
  }
  return PNG.sync.write(png);
}

const WHITE: Rgb = { r: 255, g: 255, b: 255 };

/** The document glyph: a sheet from (x0, y0) to (x1, y1) with its top-right corner folded by `fold`. */
function documentShapes(x0: number, y0: number, x1: number, y1: number, fold: number, radius: number) {
  const sheet = subtract(
    roundedRect(x0, y0, x1, y1, radius),
    convexPolygon([
      [x1 - fold, y0 - 1],
      [x1 + 1, y0 - 1],
      [x1 + 1, y0 + fold],
    ]),
  );
  const foldTriangle = convexPolygon([
    [x1 - fold, y0],
    [x1, y0 + fold],
    [x1 - fold, y0 + fold],
  ]);
  return { sheet, foldTriangle, x0, x1, y0, y1, fold };
}

/** color.png: 192x192, blue rounded square, white document with text lines and a check mark. */
export function renderColorIcon(): Buffer {
  const size = 192;
  const doc = documentShapes(42, 27, 150, 165, 33, 9);
  const light: Rgb = { r: 0xc9, g: 0xdc, b: 0xeb };
  const line = (y: number, x1: number) => segment(doc.x0 + 20, y, x1, y, 7);
  return paint(size, [
    { shape: roundedRect(0, 0, size, size, 40), color: ACCENT },
    { shape: doc.sheet, color: WHITE },
    { shape: doc.foldTriangle, color: light },
    { shape: union(line(66, doc.x1 - 34), line(86, doc.x1 - 20), line(106, doc.x1 - 44)), color: light },
    {
      shape: union(segment(76, 134, 90, 148, 11), segment(90, 148, 118, 118, 11)),
      color: ACCENT,
    },
  ]);
}

/** outline.png: 32x32, white document outline with a check mark, transparent background. */
export function renderOutlineIcon(): Buffer {
  const size = 32;
  // Whole-pixel edges keep the 2 px lines crisp at this size.
  const doc = documentShapes(7, 4, 25, 28, 6, 1.5);
  const stroke = 2;
  return paint(size, [
    { shape: inner(doc.sheet, stroke), color: WHITE },
    {
      shape: union(
        segment(doc.x1 - doc.fold, doc.y0 + 1, doc.x1 - doc.fold, doc.y0 + doc.fold, stroke),
        segment(doc.x1 - doc.fold, doc.y0 + doc.fold, doc.x1 - 1, doc.y0 + doc.fold, stroke),
      ),
      color: WHITE,
    },
    { shape: union(segment(11.5, 19, 14.5, 22, 2.2), segment(14.5, 22, 20.5, 15.5, 2.2)), color: WHITE },
  ]);
}

function main(): void {
  const dir = join(import.meta.dirname, "..", "manifest");
  writeFileSync(join(dir, "color.png"), renderColorIcon());
  writeFileSync(join(dir, "outline.png"), renderOutlineIcon());
  console.log(`wrote ${join(dir, "color.png")} and ${join(dir, "outline.png")}`);
}

if (process.argv[1] !== undefined && import.meta.url === pathToFileURL(process.argv[1]).href) main();
