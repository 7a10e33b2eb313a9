/**
 * The TeamRoster port (src/people/staff-membership.ts): asks Teams whether a person is a member of
 * the staff team, with TeamsInfo.getTeamMember (GET /v3/conversations/{teamId}/members/{aadObjectId})
 * in a proactive turn on the team's stored channel reference. 404 means "not a member"; anything
 * else that fails means "Teams could not tell" (the caller treats that as not staff).
 */
import { type CloudAdapter, TeamsInfo } from "botbuilder";
import type { Logger } from "../src/log.ts";
import type { MembershipAnswer, TeamRef, TeamRoster } from "../src/people/staff-membership.ts";
import { referenceOf } from "./conversation-ref.ts";

export class TeamsRoster implements TeamRoster {
  constructor(
    private readonly adapter: CloudAdapter,
    private readonly botAppId: string,
    private readonly log: Logger,
  ) {}

  async member(team: TeamRef, aadObjectId: string): Promise<MembershipAnswer> {
    let answer: MembershipAnswer = { kind: "unknown" };
    const reference = referenceOf(team);
    if (reference.conversation !== undefined)
      reference.conversation = { ...reference.conversation, conversationType: "channel", isGroup: true };
    try {
      await this.adapter.continueConversationAsync(this.botAppId, reference, async (ctx) => {
        try {
          const m = await TeamsInfo.getTeamMember(ctx, team.teamId, aadObjectId);
          answer = {
            kind: "member",
            member: {
              ...(m.aadObjectId ? { aadObjectId: m.aadObjectId } : {}),
              ...(m.tenantId ? { tenantId: m.tenantId } : {}),
              ...(m.userRole ? { userRole: m.userRole } : {}),
              ...(m.userPrincipalName ? { userPrincipalName: m.userPrincipalName } : {}),
            },
          };
        } catch (err) {
          answer = notMember(err) ? { kind: "not_member" } : { kind: "unknown" };
          if (answer.kind === "unknown")
            this.log.warn({ err }, "Teams could not say who is in the staff team");
        }
      });
    } catch (err) {
      this.log.warn({ err }, "could not reach Teams for the staff team");
    }
    return answer;
  }
}

/** Teams answers 404 (MemberNotFoundInConversation) for someone who is not, or no longer, a member. */
function notMember(err: unknown): boolean {
  return typeof err === "object" && err !== null && (err as { statusCode?: unknown }).statusCode === 404;
}
