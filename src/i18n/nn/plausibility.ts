/** Texts of the plausibility warnings (src/reports/plausibility.ts), nynorsk. */
import type { Catalogue } from "../catalogue.ts";
import type { plausibility as nb } from "../nb/plausibility.ts";

const kr = (n: number) => `${new Intl.NumberFormat("nb-NO").format(n).replace(/\s/g, " ")} kr`;

export const plausibility: Catalogue<typeof nb> = {
  phasesOverGrant: (phases: number, grant: number) =>
    `Beløpa brukte på dei tre fasane er til saman ${kr(phases)}, meir enn tilskotet de har oppgitt (${kr(grant)}).`,
  grantDiffersFromAllocation: (who: "eiere" | "UH", reported: number, allocated: number) =>
    who === "eiere"
      ? `Oppgitt tilskot til skuleeigarane (${kr(reported)}) er ikkje det same som tildelinga Statsforvaltaren har registrert (${kr(allocated)}).`
      : `Oppgitt tilskot til universitet/høgskule (${kr(reported)}) er ikkje det same som tildelinga Statsforvaltaren har registrert (${kr(allocated)}).`,
  noCoordinatorWithReasons:
    "De har kryssa av for «Har ikkje koordinatorfunksjon» og samtidig oppgitt grunngivingar for ein koordinatorfunksjon.",
  schoolsButNoOwners: "De har oppgitt kommunale grunnskular, men ingen kommunar som deltek.",
  ownersButNoSchools: "De har oppgitt kommunar som deltek, men ingen kommunale grunnskular.",
  fewerSchoolsThanMunicipalities: (schools: number, municipalities: number) =>
    `De har oppgitt ${schools} kommunale grunnskular, men ${municipalities} kommunar som deltek.`,
  privateOwnersButNoSchools: "De har oppgitt private skuleeigarar, men ingen private skular.",
  uhGrantButNoUh:
    "De har oppgitt tilskot til universitet/høgskule, men ikkje kva universitet eller høgskule som deltek.",
};
