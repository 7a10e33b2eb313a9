/**
 * Staff rights that follow the bound staff team: someone is team staff of a round while Teams says
 * they are a CURRENT member of the team behind the round's staff channel, from the county's own
 * tenant, and not a guest. Asking Teams is a port (implemented in bot/); answers are cached for a
 * few minutes (real time), never for good, and only for the round's `membersVersion` they were
 * fetched at: a member added/removed event bumps it, so every instance asks Teams again at once.
 */

import type { Actor } from "../reports/types.ts";
import type { RoundDoc } from "../rounds/types.ts";
import { isGuestMember } from "./guests.ts";

/** What Teams says about one member (TeamsChannelAccount, the fields we decide on). */
export interface TeamMemberInfo {
  aadObjectId?: string;
  tenantId?: string;
  userRole?: string;
  userPrincipalName?: string;
}

export type MembershipAnswer =
  | { kind: "member"; member: TeamMemberInfo }
  | { kind: "not_member" }
  /** Teams could not answer (network, 5xx, bot not in the team): treated as not staff, not cached. */
  | { kind: "unknown" };

/** The team of a bound staff channel, with where to reach Teams for it. */
export interface TeamRef {
  teamId: string;
  serviceUrl: string;
  channelId: string;
  conversationId: string;
  tenantId?: string;
  botId?: string;
}

/** The port: is this Entra object id a member of the team? (TeamsInfo.getTeamMember in bot/.) */
export interface TeamRoster {
  member(team: TeamRef, aadObjectId: string): Promise<MembershipAnswer>;
}

/** How long an answer from Teams is trusted. */
const MEMBERSHIP_TTL_MS = 5 * 60 * 1000;
const CACHE_MAX = 10_000;

/** A member of the county's own organisation: same tenant, not a guest, not an external (#EXT#) account. */
export function isCountyMember(member: TeamMemberInfo, countyTenantId: string | undefined): boolean {
  if (countyTenantId === undefined) return false;
  if (member.userRole?.toLowerCase() === "anonymous" || isGuestMember(member)) return false;
  return member.tenantId === undefined || member.tenantId === countyTenantId;
}

/** The team behind a round's staff channel, when it was bound in a team. */
function teamOf(round: RoundDoc): TeamRef | undefined {
  const c = round.staffChannel;
  if (c?.teamId === undefined) return undefined;
  return {
    teamId: c.teamId,
    serviceUrl: c.serviceUrl,
    channelId: c.channelId,
    conversationId: c.conversationId,
    ...(c.tenantId !== undefined ? { tenantId: c.tenantId } : {}),
    ...(c.botId !== undefined ? { botId: c.botId } : {}),
  };
}

interface Entry {
  staff: boolean;
  /** When Teams answered (ms, this process's real clock). */
  at: number;
  /** The round's membersVersion the answer was fetched at. */
  version: number;
}

export class StaffMembership {
  private readonly cache = new Map<string, Entry>();

  constructor(private readonly deps: { roster?: TeamRoster; ttlMs?: number; now?: () => number }) {}

  /** True when the actor is a current county member of the round's staff team (Teams asked at most every TTL). */
  async isTeamStaff(actor: Actor, round: RoundDoc): Promise<boolean> {
    const team = teamOf(round);
    const roster = this.deps.roster;
    if (team === undefined || roster === undefined) return false;
    // The actor must come from the channel's own tenant, whatever Teams says about the member.
    const county = team.tenantId;
    if (county === undefined || (actor.tenantId !== undefined && actor.tenantId !== county)) return false;
    const key = `${team.teamId}|${actor.id}`;
    const now = this.now();
    const version = round.staffChannel?.membersVersion ?? 0;
    const hit = this.cache.get(key);
    if (hit !== undefined && hit.version === version && now - hit.at < (this.deps.ttlMs ?? MEMBERSHIP_TTL_MS))
      return hit.staff;
    const answer = await roster.member(team, actor.id);
    if (answer.kind === "unknown") {
      this.cache.delete(key);
      return false;
    }
    const staff = answer.kind === "member" && isCountyMember(answer.member, county);
    this.remember(key, { staff, at: now, version });
    return staff;
  }

  /** Teams told us the team's members changed: forget every answer about it. */
  forgetTeam(teamId: string): void {
    for (const key of [...this.cache.keys()]) if (key.startsWith(`${teamId}|`)) this.cache.delete(key);
  }

  private now(): number {
    return this.deps.now?.() ?? Date.now();
  }

  private remember(key: string, entry: Entry): void {
    if (this.cache.size >= CACHE_MAX) {
      const oldest = this.cache.keys().next().value;
      if (oldest !== undefined) this.cache.delete(oldest);
    }
    this.cache.set(key, entry);
  }
}
