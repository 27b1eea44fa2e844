import { loadConfig } from '../config.js';
import { KnowledgeLoadError } from '../knowledge/index.js';
import { startBot } from '../main.js';

/** `newsroom start`: validate the environment, start, and shut down cleanly on signals or end of input. */
export async function runStart(): Promise<number> {
  const loaded = loadConfig(process.env);
  if (!loaded.ok) {
    process.stderr.write('newsroom: cannot start, the configuration has problems:\n');
    for (const problem of loaded.problems) process.stderr.write(`  ${problem}\n`);
    return 2;
  }
  let bot: Awaited<ReturnType<typeof startBot>>;
  try {
    bot = await startBot(loaded.config, {
      stdin: process.stdin,
      stdout: process.stdout,
      interactive: Boolean(process.stdin.isTTY && process.stdout.isTTY),
    });
  } catch (error) {
    if (error instanceof KnowledgeLoadError) {
      process.stderr.write('newsroom: cannot start, the knowledge base has problems:\n');
      for (const problem of error.problems) process.stderr.write(`  ${problem}\n`);
      return 1;
    }
    process.stderr.write(
      `newsroom: cannot start: ${error instanceof Error ? error.message : String(error)}\n`,
    );
    return 1;
  }
  const signalled = new Promise<void>((resolve) => {
    process.once('SIGTERM', resolve);
    process.once('SIGINT', resolve);
  });
  await Promise.race([bot.finished, signalled]);
  await bot.stop();
  return 0;
}
