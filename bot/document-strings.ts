/** The Norwegian sentences of the document features in bot/ (PDF links, the round import, attachments). */
export const dt = {
  linkInvalid: "Lenken er ugyldig eller utløpt. Be om en ny lenke i Teams.",
  documentFailed: "Beklager, dokumentet kunne ikke lages. Prøv igjen om litt.",
} as const;
