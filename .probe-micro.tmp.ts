import { userText, byteSize } from "./cards/overview-blocks.ts";
import { escapeMarkdown, shorten } from "./cards/render.ts";
const long = "Lang tekst med flere ord. ".repeat(60);
const names = Array.from({length: 30000}, (_, i) => `Partnerskap nummer ${i}`);
for (let k = 0; k < 3; k++) {
  let t = performance.now(); let x = 0;
  for (let i = 0; i < 7000; i++) x += userText(long + i, 300).length;
  const a = performance.now() - t; t = performance.now();
  for (const n of names) x += userText(n, 80).length;
  const b = performance.now() - t; t = performance.now();
  for (const n of names) x += escapeMarkdown(n).length;
  const c = performance.now() - t; t = performance.now();
  for (const n of names) x += shorten(n, 80).length;
  const d = performance.now() - t; t = performance.now();
  for (const n of names) x += byteSize({ type: "TextBlock", text: `**${n}:** ` + long.slice(0, 300), wrap: true, spacing: "Small" });
  const e = performance.now() - t;
  console.log(`long ${a.toFixed(0)} names ${b.toFixed(0)} esc ${c.toFixed(0)} shorten ${d.toFixed(0)} byteSize ${e.toFixed(0)}`, x > 0);
}
