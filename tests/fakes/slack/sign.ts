import { createHmac } from 'node:crypto';

/** Slack's request signature, computed independently of Bolt so the test checks Bolt's check. */
export function slackSignature(secret: string, timestamp: number, body: string): string {
  return `v0=${createHmac('sha256', secret).update(`v0:${timestamp}:${body}`).digest('hex')}`;
}

export interface SlashCommandFields {
  command: string;
  text: string;
  user_id: string;
  team_id: string;
  channel_id: string;
  response_url: string;
  user_name?: string;
  channel_name?: string;
}

export function slashCommandBody(fields: SlashCommandFields): string {
  return new URLSearchParams({
    token: 'deprecated-verification-token',
    team_domain: 'newsroom',
    channel_name: 'news',
    user_name: fields.user_id.toLowerCase(),
    api_app_id: 'A_FAKE',
    trigger_id: '123.456.abc',
    ...fields,
  }).toString();
}

/** An interactivity POST (button click) as Slack sends it: form field `payload` holding JSON. */
export function interactionBody(payload: unknown): string {
  return new URLSearchParams({ payload: JSON.stringify(payload) }).toString();
}

export interface SignedPostOptions {
  /** Seconds since the epoch; defaults to now. */
  timestamp?: number;
  /** Overrides the computed signature (to send a bad one). */
  signature?: string;
}

/** The headers Slack sends with a form body it posts to an app: its type, timestamp and signature. */
export function signedHeaders(
  secret: string,
  body: string,
  options: SignedPostOptions = {},
): Record<string, string> {
  const timestamp = options.timestamp ?? Math.floor(Date.now() / 1000);
  return {
    'content-type': 'application/x-www-form-urlencoded',
    'x-slack-request-timestamp': String(timestamp),
    'x-slack-signature': options.signature ?? slackSignature(secret, timestamp, body),
  };
}

/** POSTs a form body to Bolt's `/slack/events`, signed as Slack would sign it. */
export async function postSigned(
  eventsUrl: string,
  secret: string,
  body: string,
  options: SignedPostOptions = {},
): Promise<Response> {
  return fetch(eventsUrl, { method: 'POST', headers: signedHeaders(secret, body, options), body });
}
