import { createInterface } from 'node:readline';
import type { Readable, Writable } from 'node:stream';
import type { CommandContext } from '../../commands/types.js';
import type { Adapter, AdapterDeps } from '../adapter.js';
import { runObserved } from '../run-observed.js';
import { parseConsoleLine } from './parse-line.js';
import { renderForConsole } from './render.js';

/** The console is one local workspace with one channel; the person at the terminal is its admin. */
export const CONSOLE_WORKSPACE = 'console';
export const CONSOLE_CHANNEL = 'terminal';
const CONSOLE_USER = 'local';

export interface ConsoleAdapter extends Adapter {
  /** Resolves when input ends (end of a piped file, Ctrl-D, or `exit`). */
  readonly finished: Promise<void>;
}

export interface ConsoleOptions {
  input: Readable;
  output: Writable;
  /** Prompt and greeting on a terminal; silent line-by-line answers when piped. */
  interactive: boolean;
}

export function createConsoleAdapter(deps: AdapterDeps, io: ConsoleOptions): ConsoleAdapter {
  const clock = deps.clock ?? (() => new Date());
  let markFinished: () => void = () => {};
  const finished = new Promise<void>((resolve) => {
    markFinished = resolve;
  });
  let rl: ReturnType<typeof createInterface> | undefined;
  const write = (text: string) => io.output.write(text);

  const context = (): CommandContext => ({
    platform: 'console',
    workspaceId: CONSOLE_WORKSPACE,
    channelId: CONSOLE_CHANNEL,
    userId: CONSOLE_USER,
    userName: 'you',
    now: clock(),
    isAdmin: async () => true,
    checkChannel: async (channelId) =>
      channelId === CONSOLE_CHANNEL
        ? { ok: true }
        : { ok: false, reason: `The console has one channel, #${CONSOLE_CHANNEL}; leave the channel out.` },
    services: deps.services,
  });

  async function handleLine(line: string): Promise<void> {
    const request = parseConsoleLine(line);
    if (!request) return;
    const result = await runObserved(deps, request, context());
    write(renderForConsole(result.reply));
  }

  return {
    platform: 'console',
    finished,
    async start() {
      rl = createInterface({
        input: io.input,
        output: io.interactive ? io.output : undefined,
        terminal: io.interactive,
      });
      if (io.interactive) {
        write(
          'Newsroom bot (console). Try /election balloon, /election help, or just type a question. Ctrl-D quits.\n',
        );
        rl.setPrompt('newsroom> ');
        rl.prompt();
      }
      // Lines are answered strictly in order, even when piped faster than they are answered.
      let queue = Promise.resolve();
      rl.on('line', (line) => {
        if (/^\s*(exit|quit)\s*$/i.test(line)) {
          rl?.close();
          return;
        }
        queue = queue
          .then(() => handleLine(line))
          .then(() => {
            if (io.interactive) rl?.prompt();
          });
      });
      rl.on('close', () => {
        queue.then(markFinished);
      });
    },
    async stop() {
      rl?.close();
      await finished;
    },
    async post(target, reply) {
      write(`\n— digest for #${target.channelId} —\n${renderForConsole(reply)}`);
      return { messageIds: [`console-${Date.now()}`] };
    },
    // Whatever a dead console process printed is gone with it; reposting cannot duplicate anything.
    async findDelivery() {
      return 'absent';
    },
    // Printing twice prints twice; findDelivery never says `unknown`, so this is never consulted.
    idempotentRepostMs: 0,
    async notifyUser(_workspaceId, _userId, reply) {
      write(`\n— notice —\n${renderForConsole(reply)}`);
    },
    healthy: () => true,
  };
}
