/**
 * A bare Bot Framework bot, the floor to compare the product with: botbuilder's CloudAdapter with
 * anonymous auth behind restify 12, an ActivityHandler that echoes messages back through the
 * connector (text) and answers every Adaptive Card action (invoke adaptiveCard/action) with a card
 * of about ECHO_CARD_BYTES (default 16 KB) in the invoke response, as the product does.
 *
 * Run it as its own process (so its CPU time can be read from /proc):
 *
 *   node --import tsx test/support/echo-bot.ts      env: PORT (default 0 = any), ECHO_CARD_BYTES
 *
 * Prints one line `{"url":"http://127.0.0.1:<port>"}` to stdout when listening; stops on SIGTERM.
 */
import { pathToFileURL } from "node:url";
import {
  ActivityHandler,
  type AdaptiveCardInvokeResponse,
  CloudAdapter,
  ConfigurationBotFrameworkAuthentication,
  MessageFactory,
} from "botbuilder";
import restify from "restify";

/** A schema 1.5 card of roughly `bytes` bytes of JSON: TextBlocks of filler text. */
export function fillerCard(bytes: number): Record<string, unknown> {
  const line = "Lorem ipsum dolor sit amet, consectetur adipiscing elit, sed do eiusmod tempor. ";
  const body: Record<string, unknown>[] = [];
  let size = 120;
  while (size < bytes) {
    const block = { type: "TextBlock", text: line.repeat(3), wrap: true };
    body.push(block);
    size += JSON.stringify(block).length + 1;
  }
  return {
    type: "AdaptiveCard",
    $schema: "http://adaptivecards.io/schemas/adaptive-card.json",
    version: "1.5",
    body,
    actions: [{ type: "Action.Execute", title: "Igjen", verb: "echo", data: { n: 1 } }],
  };
}

class EchoBot extends ActivityHandler {
  constructor(private readonly card: Record<string, unknown>) {
    super();
    this.onMessage(async (ctx, next) => {
      await ctx.sendActivity(MessageFactory.text(`Du skrev: ${ctx.activity.text ?? ""}`));
      await next();
    });
  }

  protected override async onAdaptiveCardInvoke(): Promise<AdaptiveCardInvokeResponse> {
    return { statusCode: 200, type: "application/vnd.microsoft.card.adaptive", value: this.card };
  }
}

export interface EchoServer {
  url: string;
  close(): Promise<void>;
}

export async function startEchoServer(opts: { port?: number; cardBytes?: number } = {}): Promise<EchoServer> {
  const adapter = new CloudAdapter(
    new ConfigurationBotFrameworkAuthentication({ MicrosoftAppId: "", MicrosoftAppPassword: "" }),
  );
  adapter.onTurnError = async (_ctx, err) => {
    console.error("echo bot turn error", err);
  };
  const bot = new EchoBot(fillerCard(opts.cardBytes ?? 16 * 1024));
  const server = restify.createServer({ name: "echo-bot", handleUncaughtExceptions: false });
  server.use(restify.plugins.bodyParser({ maxBodySize: 1024 * 1024, mapParams: false }));
  server.post("/api/messages", async (req, res) => {
    await adapter.process(req, res, (ctx) => bot.run(ctx));
  });
  await new Promise<void>((resolve) => server.listen(opts.port ?? 0, "127.0.0.1", resolve));
  return {
    url: `http://127.0.0.1:${server.address().port}`,
    close: () => new Promise<void>((resolve) => server.close(() => resolve())),
  };
}

async function main(): Promise<void> {
  const server = await startEchoServer({
    port: Number(process.env.PORT ?? 0),
    cardBytes: Number(process.env.ECHO_CARD_BYTES ?? 16 * 1024),
  });
  process.on("SIGTERM", () => {
    server.close().then(() => process.exit(0));
  });
  process.stdout.write(`${JSON.stringify({ url: server.url })}\n`);
}

if (process.argv[1] !== undefined && import.meta.url === pathToFileURL(process.argv[1]).href) {
  main().catch((err: unknown) => {
    console.error(err);
    process.exit(1);
  });
}
