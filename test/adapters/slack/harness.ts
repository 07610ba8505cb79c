/**
 * A fake Slack and the real Bolt app in HTTP mode connected to it, serving the fixture core unless
 * given another, with signed senders for slash commands, button clicks and events.
 */
import { type SlackOptions, type SlackService, startSlack } from "../../../src/adapters/slack/index.js";
import type { SlackConfig } from "../../../src/config.js";
import { Core } from "../../../src/core/core.js";
import type { Desk } from "../../../src/ops/index.js";
import type { LiveCore } from "../../../src/ops/live-core.js";
import { FakeSlack } from "../../fakes/slack.js";
import { fixtureCore, live, testDesk } from "../../helpers.js";
import {
  BOT_TOKEN,
  buttonClick,
  type ClickedIn,
  eventCallback,
  postSigned,
  SIGNING_SECRET,
  slashCommand,
} from "./requests.js";

const FORM = "application/x-www-form-urlencoded";

export interface RunningSlack {
  fake: FakeSlack;
  service: SlackService;
  desk: Desk;
  /** The app's /slack/events. */
  url: string;
  /** Sends a signed slash command whose answer goes to the fake response_url `responseId`. */
  command(command: string, text: string, responseId: string): Promise<{ status: number; body: string }>;
  /**
   * Sends a signed click on `button`, on a message in `where` (a channel, maybe a thread), whose
   * answer goes to the fake response_url `responseId`.
   */
  click(
    button: Parameters<typeof buttonClick>[0],
    responseId: string,
    where?: ClickedIn,
  ): Promise<{ status: number }>;
  /** Sends a signed Events API delivery of `event` (a mention, a direct message), or `delivery` again. */
  deliver(event: Record<string, unknown>, delivery?: object): Promise<{ status: number }>;
  stop(): Promise<void>;
}

export interface SlackAppSetup {
  /** A core, or a live one a test reloads. */
  core?: Core | LiveCore;
  desk?: Desk;
  options?: SlackOptions;
  config?: Partial<SlackConfig>;
  /** A fake Slack already running, shared with another app; else one of its own, closed by `stop`. */
  fake?: FakeSlack;
}

export async function startSlackApp(setup: Core | SlackAppSetup = {}): Promise<RunningSlack> {
  const {
    core = fixtureCore(),
    desk = testDesk().desk,
    options = {},
    config = {},
    ...given
  } = setup instanceof Core ? { core: setup } : setup;
  const fake = given.fake ?? (await new FakeSlack().start());
  const service = await startSlack(
    core instanceof Core ? live(core) : core,
    { botToken: BOT_TOKEN, signingSecret: SIGNING_SECRET, apiUrl: fake.apiUrl, port: 0, ...config },
    desk,
    { host: "127.0.0.1", ...options },
  );
  const url = `http://127.0.0.1:${service.port}/slack/events`;
  const post = (form: Record<string, string>) => postSigned(url, new URLSearchParams(form).toString(), FORM);
  return {
    fake,
    service,
    desk,
    url,
    command: (command, text, id) => post(slashCommand(command, text, fake.responseUrl(id))),
    click: (button, id, where) =>
      post({ payload: JSON.stringify(buttonClick(button, fake.responseUrl(id), where)) }),
    deliver: (event, delivery = eventCallback(event)) =>
      postSigned(url, JSON.stringify(delivery), "application/json"),
    stop: async () => {
      await service.stop();
      if (given.fake === undefined) await fake.close();
    },
  };
}
