/** County staff: configured ids, the round's own staff list (import or the bound staff team). Never a guest. */
import type { Actor } from "../reports/types.ts";
import type { RoundDoc } from "../rounds/types.ts";

export function isStaff(actor: Actor, configStaffIds: readonly string[], round?: RoundDoc): boolean {
  if (actor.guest === true) return false;
  return configStaffIds.includes(actor.id) || (round?.staffIds.includes(actor.id) ?? false);
}
