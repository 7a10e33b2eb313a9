/** Texts of the plausibility warnings (src/reports/plausibility.ts), bokmål. */
const kr = (n: number) => `${new Intl.NumberFormat("nb-NO").format(n).replace(/\s/g, " ")} kr`;

export const plausibility = {
  phasesOverGrant: (phases: number, grant: number) =>
    `Beløpene brukt på de tre fasene er til sammen ${kr(phases)}, mer enn tilskuddet dere har oppgitt (${kr(grant)}).`,
  grantDiffersFromAllocation: (who: "eiere" | "UH", reported: number, allocated: number) =>
    who === "eiere"
      ? `Oppgitt tilskudd til skoleeierne (${kr(reported)}) er ikke det samme som tildelingen statsforvalteren har registrert (${kr(allocated)}).`
      : `Oppgitt tilskudd til universitet/høgskole (${kr(reported)}) er ikke det samme som tildelingen statsforvalteren har registrert (${kr(allocated)}).`,
  noCoordinatorWithReasons:
    "Dere har krysset av for «Har ikke koordinatorfunksjon» og samtidig oppgitt begrunnelser for en koordinatorfunksjon.",
  schoolsButNoOwners: "Dere har oppgitt kommunale grunnskoler, men ingen deltakende kommuner.",
  ownersButNoSchools: "Dere har oppgitt deltakende kommuner, men ingen kommunale grunnskoler.",
  fewerSchoolsThanMunicipalities: (schools: number, municipalities: number) =>
    `Dere har oppgitt ${schools} kommunale grunnskoler, men ${municipalities} deltakende kommuner.`,
  privateOwnersButNoSchools: "Dere har oppgitt private skoleeiere, men ingen private skoler.",
  uhGrantButNoUh:
    "Dere har oppgitt tilskudd til universitet/høgskole, men ikke hvilket universitet eller hvilken høgskole som deltar.",
} as const;
