import {
  createSlackAdapter,
  type SlackAdapter,
  type SlackAdapterOptions,
} from '../../../src/bots/slack/index.js';
import { loadConfig } from '../../../src/config.js';
import type { DigestService } from '../../../src/digests/service.js';
import type { Knowledge } from '../../../src/knowledge/api.js';
import { loadKnowledge } from '../../../src/knowledge/index.js';
import { silentLogger } from '../../../src/log.js';
import { createMetrics, type Metrics } from '../../../src/ops/metrics.js';
import { opsRoutes } from '../../../src/ops/routes.js';
import { type FakeSlack, type FakeSlackOptions, startFakeSlack } from '../../fakes/slack/server.js';
import {
  interactionBody,
  postSigned,
  type SignedPostOptions,
  slashCommandBody,
} from '../../fakes/slack/sign.js';

export const SECRET = 'fake-signing-secret-0123456789abcdef';
export const BOT_TOKEN = 'xoxb-111-222-fakebot';
export const APP_TOKEN = 'xapp-1-A111-222-fakeapp';
export const TEAM = 'T01NEWS';
export const CHANNEL = 'C01NEWS';
export const ADMIN = 'U01ADMIN';
export const MEMBER = 'U02MEMBER';
export const LISTED = 'U03LISTED';

let knowledge: Knowledge | undefined;
export const sharedKnowledge = () => (knowledge ??= loadKnowledge());

/** The Slack Web API answers `/slack/events` requests fast in tests: one quick retry, short waits. */
export const FAST_RETRIES = { retries: 2, factor: 1, minTimeout: 10, maxTimeout: 50 };

export interface RigOptions {
  socket?: boolean;
  env?: Record<string, string>;
  fake?: FakeSlackOptions;
  adapter?: SlackAdapterOptions;
  /** Knowledge behind /election (default: the real knowledge base). */
  knowledge?: Knowledge;
  /** The digest service behind /digest (absent: /digest says digests are unavailable). */
  digests?: DigestService;
}

export interface CommandAnswer {
  /** HTTP status of the acknowledgement (Socket Mode: 200). */
  status: number;
  /** The message the user sees: the ack's payload, or the response_url post when the ack was empty. */
  payload: Record<string, unknown>;
  /** Where the answer came from. */
  via: 'ack' | 'response_url';
}

export interface Rig {
  fake: FakeSlack;
  adapter: SlackAdapter;
  metrics: Metrics;
  /** `http://127.0.0.1:<port>` of the adapter in HTTP mode. */
  base: string;
  command(
    group: string,
    text: string,
    options?: {
      user?: string;
      channel?: string;
      team?: string;
      signed?: SignedPostOptions;
      /** Called once the acknowledgement has arrived, before waiting for response_url. */
      onAck?: () => void;
    },
  ): Promise<CommandAnswer>;
  /** Clicks a button the way Slack reports it (block_actions to /slack/events). */
  click(
    value: string,
    options?: { user?: string; channel?: string },
  ): Promise<{ status: number; responseUrl: string }>;
  close(): Promise<void>;
}

export async function startRig(options: RigOptions = {}): Promise<Rig> {
  const fake = await startFakeSlack({
    botToken: BOT_TOKEN,
    appToken: APP_TOKEN,
    users: [
      { id: ADMIN, name: 'ada', isAdmin: true },
      { id: MEMBER, name: 'max' },
      { id: LISTED, name: 'lee' },
      { id: 'U04OWNER', name: 'olga', isOwner: true },
    ],
    channels: [
      { id: CHANNEL, name: 'news' },
      { id: 'C02OUTSIDE', name: 'lobby', isMember: false },
      { id: 'C03ELSEWHERE', name: 'elsewhere', teamId: 'T02OTHER' },
      { id: 'C04ARCHIVED', name: 'old-news', isArchived: true },
    ],
    ...options.fake,
  });
  const loaded = loadConfig({
    SLACK_BOT_TOKEN: BOT_TOKEN,
    SLACK_SIGNING_SECRET: SECRET,
    SLACK_API_URL: fake.apiUrl,
    SLACK_ADMIN_USER_IDS: LISTED,
    PORT: '0',
    LOG_LEVEL: 'silent',
    ...(options.socket && { SLACK_APP_TOKEN: APP_TOKEN }),
    ...options.env,
  });
  if (!loaded.ok) throw new Error(loaded.problems.join('; '));
  const metrics = createMetrics();
  let adapter: SlackAdapter | undefined;
  adapter = createSlackAdapter(
    {
      config: loaded.config,
      log: silentLogger(),
      services: {
        knowledge: options.knowledge ?? sharedKnowledge(),
        defaultTimezone: 'UTC',
        ...(options.digests && { digests: options.digests }),
      },
      metrics,
      opsRoutes: opsRoutes(metrics, () => [() => ({ name: 'slack', ok: adapter?.healthy() ?? false })]),
    },
    { retryConfig: FAST_RETRIES, host: '127.0.0.1', ...options.adapter },
  );
  try {
    await adapter.start();
  } catch (error) {
    await adapter.stop();
    await fake.close();
    throw error;
  }
  const base = `http://127.0.0.1:${adapter.port}`;
  const started = adapter;

  return {
    fake,
    adapter: started,
    metrics,
    base,
    async command(group, text, o = {}) {
      const responseUrl = fake.responseUrl();
      const fields = {
        command: `/${group}`,
        text,
        user_id: o.user ?? MEMBER,
        team_id: o.team ?? TEAM,
        channel_id: o.channel ?? CHANNEL,
        response_url: responseUrl,
      };
      let status = 200;
      let ack: Record<string, unknown>;
      if (options.socket) {
        ack = await fake.socket.send(
          'slash_commands',
          Object.fromEntries(new URLSearchParams(slashCommandBody(fields))),
        );
      } else {
        const res = await postSigned(`${base}/slack/events`, SECRET, slashCommandBody(fields), o.signed);
        status = res.status;
        const raw = await res.text();
        ack = raw.startsWith('{') ? (JSON.parse(raw) as Record<string, unknown>) : raw ? { text: raw } : {};
      }
      o.onAck?.();
      if (status !== 200 || Object.keys(ack).length > 0) return { status, payload: ack, via: 'ack' };
      const id = responseUrl.split('/').pop();
      await fake.waitFor(() => fake.responses.some((r) => r.id === id));
      const late = fake.responses.find((r) => r.id === id);
      return { status, payload: late?.body ?? {}, via: 'response_url' };
    },
    async click(value, o = {}) {
      const responseUrl = fake.responseUrl();
      const payload = {
        type: 'block_actions',
        team: { id: TEAM, domain: 'newsroom' },
        user: { id: o.user ?? MEMBER, team_id: TEAM, name: 'someone' },
        channel: { id: o.channel ?? CHANNEL, name: 'news' },
        api_app_id: 'A_FAKE',
        token: 'deprecated',
        trigger_id: '1.2.3',
        response_url: responseUrl,
        container: {
          type: 'message',
          message_ts: '1.1',
          channel_id: o.channel ?? CHANNEL,
          is_ephemeral: true,
        },
        actions: [
          {
            type: 'button',
            action_id: 'newsroom_share',
            block_id: 'b1',
            text: { type: 'plain_text', text: 'Share to channel' },
            value,
            action_ts: '1.2',
          },
        ],
      };
      if (options.socket) {
        await fake.socket.send('interactive', payload);
        return { status: 200, responseUrl };
      }
      const res = await postSigned(`${base}/slack/events`, SECRET, interactionBody(payload));
      return { status: res.status, responseUrl };
    },
    async close() {
      await started.stop();
      await fake.close();
    },
  };
}
