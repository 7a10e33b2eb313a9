/**
 * County staff without asking Teams: configured ids (STAFF_AAD_IDS) and the round's imported staff; never a guest.
 * Members of the bound staff team are staff while they are members: src/people/staff-membership.ts,
 * decided by StaffService.isStaffOfRound.
 */
import type { Actor } from "../reports/types.ts";
import type { RoundDoc } from "../rounds/types.ts";

export const isConfiguredStaff = (actor: Actor, configStaffIds: readonly string[]): boolean =>
  actor.guest !== true && configStaffIds.includes(actor.id);

export const isImportedStaff = (actor: Actor, round: RoundDoc): boolean =>
  actor.guest !== true && round.staffIds.includes(actor.id);
