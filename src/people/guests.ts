/**
 * B2B guests. Contacts and co-editors work for municipalities, county municipalities and universities,
 * each in its own Microsoft 365 tenant, and reach the county governor's bot as guests of its tenant.
 * In that tenant a guest has its own object id, a UPN like `kari_kommune.no#EXT#@host.onmicrosoft.com`,
 * usually its real address as `mail`, and userRole "guest" in the Teams member record. Activities from
 * a guest carry the host tenant's id, so the tenant allow-list names the host tenant, not the guests'
 * home tenants. Guests are never county staff.
 */

/** What the Teams member record (TeamsInfo.getMember) tells about a person; every field optional. */
export interface MemberRecord {
  email?: string;
  userPrincipalName?: string;
  userRole?: string;
  aadObjectId?: string;
  tenantId?: string;
}

const EXT = /#EXT#@/i;

/** True for a guest UPN (`...#EXT#@host`). */
const isGuestUpn = (upn: string | undefined): boolean => upn !== undefined && EXT.test(upn);

/**
 * The home address inside a guest UPN: `kari_kommune.no#EXT#@host.onmicrosoft.com` -> `kari@kommune.no`
 * (the last "_" before #EXT# stands for the "@"). Undefined for anything else.
 */
export function homeEmailOfGuestUpn(upn: string | undefined): string | undefined {
  if (!isGuestUpn(upn)) return undefined;
  const local = (upn as string).slice(0, (upn as string).search(EXT));
  const at = local.lastIndexOf("_");
  if (at <= 0 || at === local.length - 1) return undefined;
  const email = `${local.slice(0, at)}@${local.slice(at + 1)}`.toLowerCase();
  return /^[^@\s]+@[^@\s]+\.[^@\s]+$/.test(email) ? email : undefined;
}

/** True when the member record is a guest's: userRole "guest", or a guest UPN in either field. */
export function isGuestMember(m: MemberRecord): boolean {
  return m.userRole?.toLowerCase() === "guest" || isGuestUpn(m.userPrincipalName) || isGuestUpn(m.email);
}

const plainAddress = (v: string | undefined): string | undefined =>
  v?.includes("@") && !isGuestUpn(v) ? v.trim().toLowerCase() : undefined;

/**
 * The address to match an imported contact with: the member record's real e-mail, else the home
 * address inside a guest UPN, else a member's own UPN (lower-cased).
 */
export function memberEmail(m: MemberRecord): string | undefined {
  return (
    plainAddress(m.email) ??
    homeEmailOfGuestUpn(m.email) ??
    homeEmailOfGuestUpn(m.userPrincipalName) ??
    plainAddress(m.userPrincipalName)
  );
}

/** Whether a team member may become county staff of a round bound in `tenantId`: members of that tenant, never guests. */
export function mayBeStaffMember(m: MemberRecord, tenantId: string | undefined): boolean {
  return (
    m.aadObjectId !== undefined &&
    m.aadObjectId !== "" &&
    !isGuestMember(m) &&
    (m.tenantId === undefined || m.tenantId === tenantId)
  );
}

/**
 * The tenant allow-list. `activityTenantId` is the tenant of the conversation (channelData.tenant.id /
 * conversation.tenantId): for a guest that is the host tenant, so guests pass when the host is listed.
 * Empty list = any tenant (local runs only; production requires a list).
 */
export function tenantAllowed(activityTenantId: string | undefined, allowed: readonly string[]): boolean {
  if (allowed.length === 0) return true;
  const tenant = activityTenantId?.trim().toLowerCase();
  return tenant !== undefined && allowed.some((t) => t.trim().toLowerCase() === tenant);
}
