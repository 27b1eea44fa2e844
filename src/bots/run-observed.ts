import { type CommandRequest, type CommandResult, dispatchCommand } from '../commands/dispatch.js';
import type { CommandContext } from '../commands/types.js';
import type { Logger } from '../log.js';
import type { Metrics } from '../ops/metrics.js';

/**
 * Every adapter runs commands the same way: through the core dispatcher, with the latency
 * recorded for /metrics and a failure logged by its identifier (the user only sees a sentence).
 */
export async function runObserved(
  deps: ObserveDeps,
  request: CommandRequest,
  ctx: CommandContext,
): Promise<CommandResult> {
  return observeCommand(deps, request, ctx);
}

type ObserveDeps = { metrics: Metrics; log: Logger };

/**
 * `runObserved`, with the dispatcher's plain result when the command answered at once (see
 * `dispatchCommand`): the adapter then replies without waiting on a promise or a deadline.
 */
export function observeCommand(
  deps: ObserveDeps,
  request: CommandRequest,
  ctx: CommandContext,
): CommandResult | Promise<CommandResult> {
  const started = performance.now();
  const out = dispatchCommand(request, ctx);
  if (out instanceof Promise) return out.then((result) => observed(deps, ctx, result, started));
  return observed(deps, ctx, out, started);
}

function observed(
  deps: ObserveDeps,
  ctx: CommandContext,
  result: CommandResult,
  started: number,
): CommandResult {
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
