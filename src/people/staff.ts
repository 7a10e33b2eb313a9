/**
 * County staff without asking Teams: configured ids (STAFF_AAD_IDS) and the round's imported staff.
 * Members of the bound staff team are staff while they are members: src/people/staff-membership.ts,
 * decided by StaffService.isStaffOfRound.
 */
import type { Actor } from "../reports/types.ts";
import type { RoundDoc } from "../rounds/types.ts";

export const isConfiguredStaff = (actor: Actor, configStaffIds: readonly string[]): boolean =>
  configStaffIds.includes(actor.id);

export const isImportedStaff = (actor: Actor, round: RoundDoc): boolean => round.staffIds.includes(actor.id);
