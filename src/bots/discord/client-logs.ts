import { type Client, Events, RESTEvents } from 'discord.js';
import type { Logger } from '../../log.js';

/**
 * What discord.js reports about itself goes through our logger, so its lines are structured and
 * scrubbed of secrets like ours: warnings and errors always, its chatty debug stream at trace.
 */
export function forwardClientLogs(client: Client, log: Logger): void {
  const lib = log.child({ component: 'discord.js' });
  client.on(Events.Warn, (message) => lib.warn(message));
  client.on(Events.Error, (err) => lib.error({ err }, 'discord client error'));
  client.on(Events.ShardError, (err, shard) => lib.error({ err, shard }, 'discord shard error'));
  client.on(Events.ShardDisconnect, (event, shard) =>
    lib.warn({ shard, code: event.code }, 'discord shard disconnected and will not reconnect'),
  );
  client.on(Events.ShardReconnecting, (shard) => lib.info({ shard }, 'discord shard reconnecting'));
  client.on(Events.ShardReady, (shard, unavailable) =>
    log.info({ shard, unavailableGuilds: unavailable?.size ?? 0 }, 'discord shard ready'),
  );
  // Heartbeats alone make several lines a minute: subscribe only when someone will read them.
  if (lib.isLevelEnabled('trace')) {
    client.on(Events.Debug, (message) => lib.trace(message));
    client.rest.on(RESTEvents.Debug, (message) => lib.trace({ rest: true }, message));
  }
}
