/** The contact person manages co-editors: show, invite, remove. */
import { coEditorsCard } from "../../cards/coeditors.ts";
import type { Payload, Verb } from "../../cards/verbs.ts";
import type { EdgeApp } from "../../src/app.ts";
import type { CoEditorOutcome } from "../../src/people/coeditors.ts";
import type { Actor } from "../../src/reports/types.ts";
import { botText, langOf } from "../lang.ts";
import type { Reply } from "../reply.ts";

function reply(
  actor: Actor,
  o: CoEditorOutcome,
  ok: (o: Extract<CoEditorOutcome, { kind: "ok" }>) => Reply,
  typed?: string,
): Reply {
  const t = botText(actor);
  switch (o.kind) {
    case "not_found":
      return { text: t.notFound };
    case "forbidden":
    case "not_contact":
      return { text: t.onlyContactManagesCoEditors };
    case "invalid":
      return {
        card: coEditorsCard(o.report, {
          lang: langOf(actor, o.report),
          error: o.message,
          ...(typed !== undefined ? { typedEmail: typed } : {}),
        }),
      };
    case "ok":
      return ok(o);
  }
}

export async function showCoEditors(
  app: EdgeApp,
  actor: Actor,
  data: Payload<typeof Verb.CoEditors>,
): Promise<Reply> {
  const o = await app.coEditors.list(actor, data);
  if (o.kind !== "ok") return reply(actor, o, () => ({}));
  return {
    card: coEditorsCard(o.report, {
      lang: langOf(actor, o.report),
      remindCoEditors: await app.reminders.includesCoEditors(o.report),
    }),
  };
}

export async function setCoEditorReminders(
  app: EdgeApp,
  actor: Actor,
  data: Payload<typeof Verb.CoEditorReminders>,
): Promise<Reply> {
  const t = botText(actor);
  const include = data.include === "true";
  const o = await app.reminders.setIncludeCoEditors(actor, data, include);
  if (o.kind === "not_found") return { text: t.notFound };
  if (o.kind === "forbidden") return { text: t.onlyContactManagesCoEditors };
  const listed = await app.coEditors.list(actor, data);
  if (listed.kind !== "ok") return reply(actor, listed, () => ({}));
  return {
    card: coEditorsCard(listed.report, {
      lang: langOf(actor, listed.report),
      remindCoEditors: include,
      notice: { text: include ? t.coEditorsReminded : t.onlyContactReminded, style: "good" },
    }),
  };
}

export async function inviteCoEditor(
  app: EdgeApp,
  actor: Actor,
  data: Payload<typeof Verb.InviteCoEditor>,
): Promise<Reply> {
  const t = botText(actor);
  const o = await app.coEditors.invite(actor, data, data.inviteEmail ?? "");
  let told = false;
  if (o.kind === "ok" && o.changed) {
    app.log.info({ reportId: o.report.id }, "co-editor invited");
    told = await app.tellCoEditor(o.report, o.email, actor).catch((err: unknown) => {
      app.log.warn({ err, reportId: o.report.id }, "telling the invited co-editor failed");
      return false;
    });
  }
  return reply(
    actor,
    o,
    (ok) => ({
      card: coEditorsCard(ok.report, {
        lang: langOf(actor, ok.report),
        notice: {
          text: ok.changed
            ? told
              ? t.coEditorInvitedTold(ok.email)
              : t.coEditorInvited(ok.email)
            : t.coEditorAlready(ok.email),
          style: "good",
        },
      }),
    }),
    typeof data.inviteEmail === "string" ? data.inviteEmail : undefined,
  );
}

export async function removeCoEditor(
  app: EdgeApp,
  actor: Actor,
  data: Payload<typeof Verb.RemoveCoEditor>,
): Promise<Reply> {
  const t = botText(actor);
  const o = await app.coEditors.remove(actor, data, data.email);
  return reply(actor, o, (ok) => ({
    card: coEditorsCard(ok.report, {
      lang: langOf(actor, ok.report),
      notice: {
        text: ok.changed ? t.coEditorRemoved(ok.email) : t.coEditorNotThere(ok.email),
        style: "good",
      },
    }),
  }));
}
