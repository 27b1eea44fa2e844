import { setTimeout as delay } from 'node:timers/promises';
import {
  type Client,
  DiscordAPIError,
  DiscordjsError,
  DiscordjsErrorCodes,
  Events,
  GatewayCloseCodes,
} from 'discord.js';
import pRetry, { AbortError } from 'p-retry';
import type { Logger } from '../../log.js';

export interface GatewayLoginOptions {
  token: string;
  /** Login plus every guild arriving must finish within this, or start-up gives up. */
  readyTimeoutMs: number;
  /** Further attempts after a failed login that was not a token rejection. */
  retries: number;
  /** Wait before the first retry; it doubles for each further one. */
  retryMinMs: number;
  signal?: AbortSignal;
}

/** Discord refused the token itself: retrying cannot help and counts towards its invalid-request ban. */
export class DiscordTokenRejected extends Error {
  override readonly name = 'DiscordTokenRejected';
}

/** The gateway accepted us but did not finish starting in time. */
export class DiscordNotReady extends Error {
  override readonly name = 'DiscordNotReady';
}

/** A 401 on `GET /gateway/bot` (discord.js turns it into TokenInvalid) or the gateway's 4004 close. */
function isTokenRejection(error: unknown): boolean {
  return (
    (error instanceof DiscordjsError && error.code === DiscordjsErrorCodes.TokenInvalid) ||
    (error instanceof DiscordAPIError && error.status === 401)
  );
}

/**
 * Bounded so that a client stuck mid-handshake cannot hold start-up: @discordjs/ws 1.2 may never
 * settle a destroy that interrupts its wait for READY.
 */
export async function destroyWithin(client: Client, ms: number): Promise<void> {
  const timer = new AbortController();
  await Promise.race([
    client.destroy().catch(() => undefined),
    delay(ms, undefined, { signal: timer.signal }).catch(() => undefined),
  ]);
  timer.abort();
}

async function attempt(client: Client, options: GatewayLoginOptions): Promise<void> {
  let closedForAuth = false;
  client.on(Events.ShardDisconnect, (event) => {
    if (event.code === GatewayCloseCodes.AuthenticationFailed) closedForAuth = true;
  });
  const ready = new Promise<void>((resolve) => client.once(Events.ClientReady, () => resolve()));
  const timer = new AbortController();
  try {
    const outcome = await Promise.race([
      client.login(options.token).then(() => ready.then(() => 'ready' as const)),
      delay(options.readyTimeoutMs, 'timeout' as const, { signal: timer.signal }),
    ]);
    if (outcome === 'timeout') {
      await destroyWithin(client, 5_000);
      throw new DiscordNotReady(
        `Discord did not finish connecting within ${options.readyTimeoutMs / 1000} s (gateway login and guilds).`,
      );
    }
  } catch (error) {
    // The 4004 close is seen as a ShardDisconnect before login rejects with a plain Error.
    if (closedForAuth || isTokenRejection(error)) {
      throw new DiscordTokenRejected('Discord rejected the bot token (DISCORD_TOKEN).', { cause: error });
    }
    throw error;
  } finally {
    timer.abort();
  }
}

/**
 * Connects to the gateway with a fresh client per attempt: a discord.js client cannot log in
 * again after a failed login (its gateway manager stays marked destroyed). A rejected token and
 * a start-up that timed out are final; other failures (network, 5xx) are retried with back-off,
 * a bounded number of times.
 */
export async function loginWithRetry(
  newClient: (attempt: number) => Client,
  options: GatewayLoginOptions,
  log: Logger,
): Promise<Client> {
  let attempts = 0;
  try {
    return await pRetry(
      async (n) => {
        attempts = n;
        const client = newClient(n);
        try {
          await attempt(client, options);
          return client;
        } catch (error) {
          if (error instanceof DiscordTokenRejected || error instanceof DiscordNotReady) {
            throw new AbortError(error);
          }
          throw error;
        }
      },
      {
        retries: options.retries,
        minTimeout: options.retryMinMs,
        factor: 2,
        signal: options.signal,
        onFailedAttempt: ({ error, attemptNumber, retriesLeft }) => {
          if (retriesLeft > 0)
            log.warn({ err: error, attempt: attemptNumber, retriesLeft }, 'discord login failed; retrying');
        },
      },
    );
  } catch (error) {
    if (error instanceof DiscordTokenRejected || error instanceof DiscordNotReady) throw error;
    const reason = error instanceof Error ? error.message : String(error);
    throw new Error(`Discord gateway login failed after ${attempts} attempt(s): ${reason}`, { cause: error });
  }
}
