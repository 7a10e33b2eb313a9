/** The card-action table: one handler per verb, each reached with its own parsed payload. */
import { describe, expect, it } from "vitest";
import { type ActionTurn, actions, type Handler, route } from "../../bot/routes.ts";
import { type ParsedAction, parseAction, Verb } from "../../cards/verbs.ts";
import type { EdgeApp } from "../../src/app.ts";

const ref = { roundId: "r1", reportId: "t1" };
/** Card data each verb's schema accepts, as a card would send it (strings where clients send strings). */
const SAMPLES: Record<Verb, Record<string, unknown>> = {
  [Verb.ListReports]: {},
  [Verb.OpenReport]: { ...ref, section: "2" },
  [Verb.SaveSection]: { ...ref, sectionId: "s1", revision: "3", nav: "next", base: "q01=abc", q01: "svar" },
  [Verb.Review]: { ...ref, page: "1" },
  [Verb.ConfirmWarning]: { ...ref, rule: "uh-grant-no-uh" },
  [Verb.Submit]: { ...ref, revision: 4 },
  [Verb.Status]: ref,
  [Verb.Reopen]: { ...ref, revision: 4, reopenReason: "Feil tall" },
  [Verb.StaffReports]: { roundId: "r1" },
  [Verb.ChannelBind]: { roundId: "r1" },
  [Verb.ReadReport]: ref,
  [Verb.CoEditors]: ref,
  [Verb.InviteCoEditor]: { ...ref, inviteEmail: "kari@example.no" },
  [Verb.RemoveCoEditor]: { ...ref, email: "kari@example.no" },
  [Verb.CoEditorReminders]: { ...ref, include: "true" },
  [Verb.ReminderSnooze]: ref,
  [Verb.ReminderOptOut]: ref,
  [Verb.OverviewSection]: { roundId: "r1", sectionId: "s3" },
  [Verb.ReportPdf]: ref,
  [Verb.ImportRound]: { uploadId: "0f8fad5b-d9cb-469f-a165-70867728950e" },
  [Verb.ChooseLang]: { lang: "nn" },
  [Verb.Approvals]: ref,
  [Verb.RequestApproval]: { ...ref, approverEmail: "kari@example.no" },
  [Verb.RemoveApprover]: { ...ref, email: "kari@example.no" },
  [Verb.Approve]: { ...ref, answersRev: "7" },
  [Verb.CommentReport]: { ...ref, approvalComment: "Ser bra ut" },
  [Verb.RemoveAttachment]: {
    ...ref,
    attachmentId: "7c9e6679-7425-40de-944b-e07fc1f90ae7",
    view: "review",
    page: "1",
  },
  [Verb.AttachmentTarget]: { ...ref, pendingId: "16fd2706-8baf-433b-82eb-8c7fada847da" },
  [Verb.AttachmentLinks]: ref,
};

/** The handlers never touch the app here; the table under test is the recording one. */
const app = {} as EdgeApp;
const actor = { id: "aad-1", name: "Kari" };

function recordingTable(calls: Array<{ verb: Verb; turn: ActionTurn<Verb> }>) {
  const entries = Object.values(Verb).map((verb) => {
    const handler: Handler<Verb> = async (turn) => {
      calls.push({ verb, turn });
      return { text: verb };
    };
    return [verb, handler];
  });
  return Object.fromEntries(entries) as { [V in Verb]: Handler<V> };
}

describe("the card-action table", () => {
  it("should have exactly one handler for every verb", () => {
    expect(Object.keys(actions).sort()).toEqual(Object.values(Verb).sort());
    for (const handler of Object.values(actions)) expect(typeof handler).toBe("function");
  });

  it("should route each verb to its own handler with the parsed payload and the card inputs", async () => {
    for (const verb of Object.values(Verb)) {
      const calls: Array<{ verb: Verb; turn: ActionTurn<Verb> }> = [];
      const action = parseAction(verb, { verb, ...SAMPLES[verb] }) as ParsedAction | undefined;
      expect(action, verb).toBeDefined();
      if (action === undefined) continue;
      const reply = await route(app, actor, action, recordingTable(calls));
      expect(reply.text).toBe(verb);
      expect(calls.map((c) => c.verb)).toEqual([verb]);
      expect(calls[0]?.turn.actor).toBe(actor);
      expect(calls[0]?.turn.data).toEqual(action.data);
    }
  });

  it("should hand the section handler numbers, decoded fingerprints and only the answer inputs", async () => {
    const calls: Array<{ verb: Verb; turn: ActionTurn<Verb> }> = [];
    const action = parseAction(Verb.SaveSection, { verb: Verb.SaveSection, ...SAMPLES[Verb.SaveSection] });
    if (action === undefined) throw new Error("sample refused");
    await route(app, actor, action, recordingTable(calls));
    expect(calls[0]?.turn.data).toEqual({
      ...ref,
      sectionId: "s1",
      revision: 3,
      nav: "next",
      base: { q01: "abc" },
    });
    expect(calls[0]?.turn.inputs).toEqual({ q01: "svar" });
  });
});
