/**
 * Norwegian phone numbers written the way people write them: mobile numbers (4xx, 9xx) as "912 34 567",
 * others in pairs "22 33 44 55". Stored answers are "+47" and 8 digits; imported contact numbers may be
 * written in any way. Anything that is not a Norwegian 8-digit number is given back as it was. Pure.
 */
export function formatPhoneNumber(raw: string | undefined): string {
  if (raw === undefined) return "";
  const text = raw.trim();
  const digits = text.replace(/[\s.()-]/g, "");
  const d = /^(?:\+47|0047)?(\d{8})$/.exec(digits)?.[1];
  if (d === undefined) return text;
  return /^[49]/.test(d)
    ? `${d.slice(0, 3)} ${d.slice(3, 5)} ${d.slice(5)}`
    : `${d.slice(0, 2)} ${d.slice(2, 4)} ${d.slice(4, 6)} ${d.slice(6)}`;
}
