/**
 * A Playground config (.m365agentsplayground.yml) with a chosen current user, so a second
 * Playground can be "another person" talking to the same bot. Users are the Playground's built-ins.
 */
const USERS = [
  ["user-id-0", "Alex Wilber", "alexw", "20"],
  ["user-id-1", "Megan Bowen", "meganb", "21"],
  ["user-id-2", "Adele Vance", "adelev", "22"],
  ["user-id-3", "Isaiah Langer", "isaiahl", "23"],
  ["user-id-4", "Patti Fernandez", "pattif", "24"],
  ["user-id-5", "Lynne Robbins", "lynner", "25"],
] as const;

function user(i: number, indent: string): string {
  const u = USERS[i];
  if (u === undefined) throw new Error(`no user ${i}`);
  const [id, name, mail, n] = u;
  const [given, surname] = name.split(" ");
  return [
    `id: ${id}`,
    `name: ${name}`,
    `userPrincipleName: ${mail}@example.com`,
    `aadObjectId: 00000000-0000-0000-0000-00000000000${n}`,
    `givenName: ${given}`,
    `surname: ${surname}`,
    `email: ${mail}@example.com`,
  ].join(`\n${indent}`);
}

/** A current user that is not one of the built-ins, e.g. a B2B guest (Kari_kommune.no#EXT#@host). */
export interface CustomUser {
  id: string;
  name: string;
  userPrincipalName: string;
  aadObjectId: string;
  email: string;
}

function customUser(u: CustomUser, indent: string): string {
  const [given, ...rest] = u.name.split(" ");
  return [
    `id: ${u.id}`,
    `name: ${u.name}`,
    `userPrincipleName: "${u.userPrincipalName}"`,
    `aadObjectId: ${u.aadObjectId}`,
    `givenName: ${given}`,
    `surname: ${rest.join(" ")}`,
    `email: "${u.email}"`,
  ].join(`\n${indent}`);
}

/**
 * `currentUser`: a built-in user's index, or a custom user. The Playground wants exactly five other
 * users: with a custom current user they are the built-ins 1-5.
 */
export function playgroundYaml(currentUser: number | CustomUser): string {
  const others = USERS.map((_, i) => i).filter(
    (i) => i !== (typeof currentUser === "number" ? currentUser : 0),
  );
  const tag = typeof currentUser === "number" ? String(currentUser) : currentUser.id;
  return [
    `version: "0.1.1"`,
    "tenantId: 00000000-0000-0000-0000-0000000000001",
    "bot:",
    "  id: 00000000-0000-0000-0000-00000000000011",
    "  name: Test Bot",
    "currentUser:",
    `  ${typeof currentUser === "number" ? user(currentUser, "  ") : customUser(currentUser, "  ")}`,
    "users:",
    ...others.map((i) => `  - ${user(i, "    ")}`),
    "personalChat:",
    `  id: personal-chat-${tag}`,
    "groupChat:",
    `  id: group-chat-${tag}`,
    "  name: Group Chat",
    "team:",
    `  id: team-id-${tag}`,
    "  name: My Team",
    "  aadGroupId: 00000000-0000-0000-0000-000000000031",
    "  channels:",
    "    - id: channel-announcements-id",
    "      name: Announcements",
    "",
  ].join("\n");
}
