import { type CommandRequest, type CommandResult, runCommand } from '../commands/dispatch.js';
import type { CommandContext } from '../commands/types.js';
import type { Logger } from '../log.js';
import type { Metrics } from '../ops/metrics.js';

/**
 * Every adapter runs commands the same way: through the core dispatcher, with the latency
 * recorded for /metrics and a failure logged by its identifier (the user only sees a sentence).
 */
export async function runObserved(
  deps: { metrics: Metrics; log: Logger },
  request: CommandRequest,
  ctx: CommandContext,
): Promise<CommandResult> {
  const started = performance.now();
  const result = await runCommand(request, ctx);
  const seconds = (performance.now() - started) / 1000;
  deps.metrics.recordCommand(
    { platform: ctx.platform, command: result.commandId, outcome: result.outcome },
    seconds,
  );
  if (result.error) {
    deps.log.error(
      { err: result.error, platform: ctx.platform, command: result.commandId },
      'command failed',
    );
  } else {
    deps.log.debug(
      { platform: ctx.platform, command: result.commandId, outcome: result.outcome, seconds },
      'command',
    );
  }
  return result;
}
