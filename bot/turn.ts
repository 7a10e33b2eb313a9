/**
 * The one turn pipeline: every activity kind (message, card action, conversation and installation
 * updates) goes through it, in this order:
 *   1. channel check: Teams only (`channelId === "msteams"`); anything else is refused, nothing stored;
 *   2. tenant gate: ALLOWED_TENANT_IDS;
 *   3. identity: who is acting (and where to reach them, stored by bot/identity.ts), and in which
 *      written standard to answer (bot/lang.ts: own choice, Teams locale, bokmål; a report's målform first);
 *   4. the route (what the activity asks for), giving a Reply;
 *   5. one error mapping (bot/errors.ts): a polite Norwegian message, details to the log.
 * Delivering the reply (send, update in place, invoke response) is the caller's, per activity kind.
 */
import type { Activity, TurnContext } from "botbuilder";
import type { EdgeApp } from "../src/app.ts";
import { chooseLang } from "../src/i18n/lang.ts";
import { tenantAllowed as tenantAllowedFor } from "../src/people/guests.ts";
import type { Actor } from "../src/reports/types.ts";
import { actorOf } from "./actor.ts";
import { userMessageFor } from "./errors.ts";
import type { Identity } from "./identity.ts";
import { langOf } from "./lang.ts";
import type { Reply } from "./reply.ts";

/** The only channel the bot serves. */
const TEAMS_CHANNEL = "msteams";

export type TurnResult<R> =
  | { kind: "refused"; gate: "channel" | "tenant" }
  | { kind: "answered"; actor: Actor; result: R };

/** What one activity kind routes to (`route`), and what it answers when that throws (`failed`). */
export interface TurnSteps<R> {
  route(actor: Actor): Promise<R>;
  failed(text: string): R;
}

function fromTeams(activity: Activity): boolean {
  return activity.channelId === TEAMS_CHANNEL;
}

/** The tenant gate: the activity's tenant (a guest's is the host tenant) must be allowed; src/people/guests.ts. */
function tenantAllowed(allowedTenantIds: readonly string[], activity: Activity): boolean {
  return tenantAllowedFor(actorOf(activity).tenantId, allowedTenantIds);
}

export async function runTurn<R>(
  app: EdgeApp,
  identity: Identity,
  ctx: TurnContext,
  steps: TurnSteps<R>,
): Promise<TurnResult<R>> {
  if (!fromTeams(ctx.activity)) {
    app.log.warn({ channelId: ctx.activity.channelId, type: ctx.activity.type }, "refused: not Teams");
    return { kind: "refused", gate: "channel" };
  }
  if (!tenantAllowed(app.config.allowedTenantIds, ctx.activity)) return { kind: "refused", gate: "tenant" };
  const actor = withLang(await identity.resolve(ctx), identity, ctx.activity);
  try {
    return { kind: "answered", actor, result: await steps.route(actor) };
  } catch (err) {
    const text = userMessageFor(app.log, err, "turn", { activityType: ctx.activity.type }, langOf(actor));
    return { kind: "answered", actor, result: steps.failed(text) };
  }
}

/** The actor with the written standard of this turn, decided once here and carried down. */
function withLang(actor: Actor, identity: Identity, activity: Activity): Actor {
  const sources = identity.langSources(actor.id, activity.locale);
  return {
    ...actor,
    lang: chooseLang(sources),
    ...(sources.chosen !== undefined ? { chosenLang: sources.chosen } : {}),
  };
}

/** The steps of an activity whose answer is a Reply (messages, installation updates). */
export const replySteps = (route: (actor: Actor) => Promise<Reply>): TurnSteps<Reply> => ({
  route,
  failed: (text) => ({ text }),
});
