/**
 * The shape a section card may submit, as a strict zod schema: only the inputs of that
 * section's questions, each a string of bounded length. Anything else cannot come from our
 * card in a real client and is treated as tampering (refused whole, nothing written).
 * Wrong *formats* inside those strings are ordinary mistakes, handled by answers.ts per field.
 */
import { z } from "zod";
import { RAW_MAX_LENGTH } from "./answers.ts";
import { inputIdsOf } from "./input-ids.ts";
import type { Section } from "./types.ts";

const cache = new WeakMap<Section, z.ZodType>();

function sectionPayloadSchema(section: Section): z.ZodType {
  let schema = cache.get(section);
  if (schema === undefined) {
    const field = z.string().max(RAW_MAX_LENGTH).optional();
    const shape = Object.fromEntries(
      section.questions.flatMap((q) => inputIdsOf(q).map((id) => [id, field])),
    );
    schema = z.strictObject(shape);
    cache.set(section, schema);
  }
  return schema;
}

/** Undefined when the payload fits the section; otherwise a short reason for the log. */
export function payloadProblem(section: Section, raw: Record<string, unknown>): string | undefined {
  const r = sectionPayloadSchema(section).safeParse(raw);
  if (r.success) return undefined;
  return r.error.issues
    .slice(0, 3)
    .map((i) => `${i.code}${i.path.length > 0 ? ` at ${i.path.join(".")}` : ""}`)
    .join("; ");
}
