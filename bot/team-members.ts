/**
 * Team member added/removed (conversationUpdate in a team, channelData.team, membersAdded /
 * membersRemoved): whatever was known about the team's members is void at once, here and on every
 * other instance (StaffService.teamMembersChanged), so someone removed from the staff team is
 * refused at their next staff-only action, and someone added is asked about afresh.
 */
import type { TurnContext } from "botbuilder";
import type { EdgeApp } from "../src/app.ts";

export async function onTeamMembersChanged(app: EdgeApp, ctx: TurnContext): Promise<void> {
  const a = ctx.activity;
  const teamId = (a.channelData as { team?: { id?: unknown } } | undefined)?.team?.id;
  const changed = (a.membersAdded?.length ?? 0) + (a.membersRemoved?.length ?? 0);
  if (typeof teamId !== "string" || teamId === "" || changed === 0) return;
  const rounds = await app.staff.teamMembersChanged(teamId);
  app.log.info(
    { rounds, added: a.membersAdded?.length ?? 0, removed: a.membersRemoved?.length ?? 0 },
    "staff team members changed",
  );
}
