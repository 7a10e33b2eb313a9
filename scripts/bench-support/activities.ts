/**
 * Bot Framework activities as Teams sends them (personal chat), and reading a returned Adaptive Card
 * the way a client does: find an Action.Execute by verb and take its data.
 */
import { randomUUID } from "node:crypto";

const BENCH_TENANT = "00000000-0000-0000-0000-0000000000001";

export interface ChatUser {
  id: string;
  aadObjectId: string;
  name: string;
  tenantId?: string;
}

export function baseActivity(serviceUrl: string, user: ChatUser) {
  const tenantId = user.tenantId ?? BENCH_TENANT;
  return {
    channelId: "msteams",
    serviceUrl,
    id: randomUUID(),
    timestamp: new Date().toISOString(),
    from: { id: user.id, aadObjectId: user.aadObjectId, name: user.name },
    recipient: { id: "28:bot", name: "Bench Bot" },
    conversation: { id: `personal-${user.id}`, conversationType: "personal", tenantId },
    channelData: { tenant: { id: tenantId } },
  };
}

export function messageActivity(serviceUrl: string, user: ChatUser, text: string) {
  return { ...baseActivity(serviceUrl, user), type: "message", text };
}

/** An Action.Execute from a card: invoke adaptiveCard/action with the inputs merged into data. */
export function invokeActivity(
  serviceUrl: string,
  user: ChatUser,
  verb: string,
  data: Record<string, unknown>,
) {
  return {
    ...baseActivity(serviceUrl, user),
    type: "invoke",
    name: "adaptiveCard/action",
    value: { action: { type: "Action.Execute", verb, data } },
  };
}

/** The card of an invoke response body ({ statusCode, type, value: card }), if any. */
export function invokeCard(body: unknown): Record<string, unknown> | undefined {
  if (typeof body !== "object" || body === null) return undefined;
  const value = (body as { value?: unknown }).value;
  return typeof value === "object" && value !== null ? (value as Record<string, unknown>) : undefined;
}

/** Every Action.Execute in a card (body and actions, nested), in document order. */
function executeActions(card: unknown): { verb: string; title?: string; data: Record<string, unknown> }[] {
  const found: { verb: string; title?: string; data: Record<string, unknown> }[] = [];
  const visit = (node: unknown) => {
    if (Array.isArray(node)) {
      for (const n of node) visit(n);
      return;
    }
    if (typeof node !== "object" || node === null) return;
    const o = node as Record<string, unknown>;
    if (o.type === "Action.Execute" && typeof o.verb === "string") {
      found.push({
        verb: o.verb,
        ...(typeof o.title === "string" ? { title: o.title } : {}),
        data: (o.data ?? {}) as Record<string, unknown>,
      });
    }
    for (const [k, v] of Object.entries(o)) if (k !== "fallback") visit(v);
  };
  visit(card);
  return found;
}

/** The data of the first Action.Execute with this verb (and, if given, data.nav). */
export function actionData(card: unknown, verb: string, nav?: string): Record<string, unknown> | undefined {
  return executeActions(card).find((a) => a.verb === verb && (nav === undefined || a.data.nav === nav))?.data;
}

/** Every input (id -> value) of a card, as a client would submit them unchanged. */
export function cardInputs(card: unknown): Record<string, string> {
  const inputs: Record<string, string> = {};
  const visit = (node: unknown) => {
    if (Array.isArray(node)) {
      for (const n of node) visit(n);
      return;
    }
    if (typeof node !== "object" || node === null) return;
    const o = node as Record<string, unknown>;
    if (typeof o.type === "string" && o.type.startsWith("Input.") && typeof o.id === "string") {
      inputs[o.id] = typeof o.value === "string" ? o.value : o.value === undefined ? "" : String(o.value);
    }
    for (const v of Object.values(o)) visit(v);
  };
  visit(card);
  return inputs;
}

/** Texts of every TextBlock in a card. */
export function textBlocks(card: unknown): string[] {
  const texts: string[] = [];
  const visit = (node: unknown) => {
    if (Array.isArray(node)) {
      for (const n of node) visit(n);
      return;
    }
    if (typeof node !== "object" || node === null) return;
    const o = node as Record<string, unknown>;
    if (o.type === "TextBlock" && typeof o.text === "string") texts.push(o.text);
    for (const v of Object.values(o)) visit(v);
  };
  visit(card);
  return texts;
}
