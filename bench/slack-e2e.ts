import type { Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { App, LogLevel } from '@slack/bolt';
import { renderReply, type SlackMessage } from '../src/bots/slack/render.js';
import { encodeShare } from '../src/bots/slack/share.js';
import type { Knowledge } from '../src/knowledge/api.js';
import { type FakeSlack, startFakeSlack } from '../tests/fakes/slack/server.js';
import { slashCommandBody } from '../tests/fakes/slack/sign.js';
import { type Comparison, compareInterleaved } from './compare.js';
import { SLACK_BOT_TOKEN, SLACK_SECRET, startOurSlack } from './ours.js';
import { precomputeReplies } from './precomputed.js';
import { createSlashCommandClient, type SlashCommandClient } from './slack-client.js';

const quiet = {
  debug: () => {},
  info: () => {},
  warn: () => {},
  error: () => {},
  setLevel: () => {},
  getLevel: () => LogLevel.ERROR,
  setName: () => {},
};

/**
 * The baseline: a bare Bolt app whose /election acknowledges with a constant — the answer we would
 * give to that text, rendered before timing starts — so both sides send the same bytes.
 */
async function startBareBolt(
  apiUrl: string,
  constants: Map<string, SlackMessage>,
): Promise<{ url: string; stop: () => Promise<void> }> {
  const app = new App({
    signingSecret: SLACK_SECRET,
    authorize: async () => ({ botToken: SLACK_BOT_TOKEN }),
    logger: quiet,
    logLevel: LogLevel.ERROR,
    clientOptions: { slackApiUrl: apiUrl },
  });
  app.command('/election', async ({ ack, command }) => {
    const constant = constants.get(command.text) ?? { text: 'A constant answer.' };
    await ack({ response_type: 'ephemeral', ...constant });
  });
  const server = (await app.start({ port: 0, host: '127.0.0.1' })) as Server;
  const port = (server.address() as AddressInfo).port;
  return {
    url: `http://127.0.0.1:${port}/slack/events`,
    stop: async () => {
      await app.stop();
    },
  };
}

/** Signed slash command → the answer the user sees (ack body, or the response_url post). */
async function askOnce(
  client: SlashCommandClient,
  fake: FakeSlack,
  eventsUrl: string,
  text: string,
): Promise<void> {
  const responseUrl = fake.responseUrl();
  const body = slashCommandBody({
    command: '/election',
    text,
    user_id: 'U02MEMBER',
    team_id: 'T01NEWS',
    channel_id: 'C01NEWS',
    response_url: responseUrl,
  });
  const res = await client.post(eventsUrl, body);
  const raw = res.body;
  if (res.status !== 200) throw new Error(`slack e2e: HTTP ${res.status}`);
  if (raw.trim() !== '') {
    const ack = JSON.parse(raw) as { text?: string };
    if (!ack.text) throw new Error('slack e2e: acknowledgement without an answer');
    return;
  }
  const id = responseUrl.split('/').pop();
  await fake.waitFor(() => fake.responses.some((r) => r.id === id));
}

/**
 * `texts` are what follows `/election` (e.g. `ask Did China pledge…`), cycled through; the
 * baseline receives the same requests and answers each with its precomputed constant.
 */
export async function benchSlackEndToEnd(
  knowledge: Knowledge,
  texts: string[],
  samples: number,
  warmup: number,
): Promise<Comparison> {
  const fake = await startFakeSlack({ botToken: SLACK_BOT_TOKEN });
  const ours = await startOurSlack(fake.apiUrl, knowledge);
  const replies = await precomputeReplies(
    knowledge,
    texts.map((text) => ({ key: text, request: { group: 'election', text } })),
  );
  const constants = new Map(
    [...replies].map(([text, reply]) => [
      text,
      renderReply(
        reply,
        reply.shareable ? { shareValue: encodeShare('election', text) } : {},
      )[0] as SlackMessage,
    ]),
  );
  const bare = await startBareBolt(fake.apiUrl, constants);
  const oursUrl = `http://127.0.0.1:${ours.adapter.port}/slack/events`;
  const client = createSlashCommandClient(SLACK_SECRET);
  try {
    return await compareInterleaved({
      samples,
      warmup,
      ours: async (i) => askOnce(client, fake, oursUrl, texts[i % texts.length] as string),
      baseline: async (i) => askOnce(client, fake, bare.url, texts[i % texts.length] as string),
    });
  } finally {
    client.close();
    await ours.adapter.stop();
    await bare.stop();
    await fake.close();
  }
}
