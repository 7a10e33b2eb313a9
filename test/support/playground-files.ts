/**
 * Sending a file to the bot through the Agents Playground, as Teams delivers one: a message whose
 * attachment is `application/vnd.microsoft.teams.file.download.info` with `content.downloadUrl`.
 *
 * The Playground's UI cannot attach files, but its custom-activity endpoint (POST
 * /_internal/v1/customActivities) forwards any activity JSON to the bot unchanged (it adds nothing: no
 * from, conversation or serviceUrl). So the base comes from its own template (GET
 * /_internal/v1/customActivities/template?conversationId=<personal chat>&type=install: the current user,
 * the personal chat, the Playground's connector as serviceUrl), turned into a message; the bot's reply
 * then shows in the open Playground chat. The download URL points at a small local file server.
 */
import { createServer, type Server } from "node:http";
import type { AddressInfo } from "node:net";

export interface FileServer {
  /** Serve bytes under a name; returns the URL. */
  put(name: string, body: Buffer): string;
  close(): Promise<void>;
}

export async function startFileServer(): Promise<FileServer> {
  const files = new Map<string, Buffer>();
  const server: Server = createServer((req, res) => {
    const body = files.get(decodeURIComponent((req.url ?? "").replace(/^\/files\//, "")));
    if (body === undefined) {
      res.writeHead(404).end();
      return;
    }
    res.writeHead(200, { "content-type": "application/octet-stream", "content-length": body.length });
    res.end(body);
  });
  await new Promise<void>((r) => server.listen(0, "127.0.0.1", r));
  const base = `http://127.0.0.1:${(server.address() as AddressInfo).port}/files/`;
  return {
    put(name, body) {
      files.set(name, body);
      return `${base}${encodeURIComponent(name)}`;
    },
    close: () => new Promise<void>((r) => server.close(() => r())),
  };
}

/**
 * Send a text message from the Playground's current user in personal chat with fields the Playground's
 * UI cannot set (its own messages always say `locale: "en-US"`), e.g. `{ locale: "nn-NO" }`.
 */
export async function sendTextActivity(
  playgroundUrl: string,
  text: string,
  fields: Record<string, unknown>,
): Promise<void> {
  const base = await messageBase(playgroundUrl);
  await post(playgroundUrl, { ...base, text, ...fields });
}

/** A message activity from the current user in the Playground's personal chat (its own template). */
async function messageBase(playgroundUrl: string): Promise<Record<string, unknown>> {
  const config = (await (await fetch(`${playgroundUrl}/_internal/v1/config`)).json()) as {
    config: { personalChat: { id: string } };
  };
  const conversationId = config.config.personalChat.id;
  const template = (await (
    await fetch(
      `${playgroundUrl}/_internal/v1/customActivities/template?conversationId=${encodeURIComponent(conversationId)}&type=install`,
    )
  ).json()) as Record<string, unknown>;
  const { action: _action, ...base } = template;
  return { ...base, id: crypto.randomUUID(), timestamp: new Date().toISOString(), type: "message" };
}

async function post(playgroundUrl: string, activity: object): Promise<void> {
  const res = await fetch(`${playgroundUrl}/_internal/v1/customActivities`, {
    method: "POST",
    headers: { "content-type": "application/json" },
    body: JSON.stringify(activity),
  });
  if (!res.ok) throw new Error(`customActivities answered ${res.status}`);
}

/** Send a message with one Teams file attachment from the Playground's current user in personal chat. */
export async function sendFileActivity(
  playgroundUrl: string,
  file: { name: string; url: string },
): Promise<void> {
  const ext = file.name.split(".").pop() ?? "";
  await post(playgroundUrl, {
    ...(await messageBase(playgroundUrl)),
    text: "",
    attachments: [
      {
        contentType: "application/vnd.microsoft.teams.file.download.info",
        contentUrl: file.url,
        name: file.name,
        content: { downloadUrl: file.url, uniqueId: crypto.randomUUID(), fileType: ext },
      },
    ],
  });
}
