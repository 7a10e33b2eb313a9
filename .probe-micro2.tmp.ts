import { escapeMarkdown, shorten } from "./cards/render.ts";
const long = "Lang tekst med flere ord. ".repeat(60);
const texts = Array.from({length: 7000}, (_, i) => long + i);
for (let k = 0; k < 3; k++) {
  let x = 0; let t = performance.now();
  const heads = texts.map((s) => s.slice(0, 1200));
  const a = performance.now() - t; t = performance.now();
  const coll = heads.map((s) => s.replace(/\s+/g, " ").trim());
  const b = performance.now() - t; t = performance.now();
  const coll2 = heads.map((s) => /\s\s|[\t\n\r\f\v\u00a0]/.test(s) ? s.replace(/\s+/g, " ") : s);
  const b2 = performance.now() - t; t = performance.now();
  const sh = coll.map((s) => shorten(s, 300));
  const c = performance.now() - t; t = performance.now();
  for (const s of sh) x += escapeMarkdown(s).length;
  const d = performance.now() - t;
  console.log(`slice ${a.toFixed(1)} collapse ${b.toFixed(1)} collapse2 ${b2.toFixed(1)} shorten ${c.toFixed(1)} escape ${d.toFixed(1)}`, x>0, coll2.length);
}
