/**
 * The card side of the fingerprints (src/questionnaire/fingerprint.ts computes them): a section card
 * carries them as one string in its data ("q01=abc;q02=def"), encoded here when the card is drawn and
 * decoded here when it comes back (by the section.save schema in verbs.ts).
 */

export function encodeFingerprints(map: Readonly<Record<string, string>>): string {
  return Object.entries(map)
    .map(([qid, fp]) => `${qid}=${fp}`)
    .join(";");
}

/** The map a card sent, or undefined when it sent none (then nothing counts as "untouched"). */
export function decodeFingerprints(s: string | undefined): Record<string, string> | undefined {
  if (s === undefined || s === "") return undefined;
  const out: Record<string, string> = {};
  for (const pair of s.split(";")) {
    const [qid, fp] = pair.split("=");
    if (qid && fp) out[qid] = fp;
  }
  return out;
}
