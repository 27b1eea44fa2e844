#!/usr/bin/env node
import { existsSync } from 'node:fs';
import { parseArgs } from './cli/args.js';
import { HELP } from './cli/help.js';
import { KnowledgeLoadError } from './knowledge/errors.js';

/**
 * A `.env` in the working directory fills in what the real environment leaves unset (the real
 * environment wins), so `cp .env.example .env` and `npm start` is all a deployment needs.
 */
function loadDotEnv(): void {
  if (existsSync('.env')) process.loadEnvFile('.env');
}

async function main(argv: string[]): Promise<number> {
  loadDotEnv();
  const [command = 'help', ...rest] = argv;
  const args = parseArgs(rest);
  if (command === 'help' || command === '--help' || command === '-h') {
    process.stdout.write(`${HELP[args.positionals[0] ?? 'main'] ?? HELP.main}\n`);
    return 0;
  }
  if (args.flags.has('help')) {
    process.stdout.write(`${HELP[command] ?? HELP.main}\n`);
    return HELP[command] ? 0 : 2;
  }
  // Each command loads only what it needs: `ask` and `--help` never pay for the chat SDKs.
  switch (command) {
    case 'start':
      return (await import('./cli/start.js')).runStart();
    case 'ask': {
      const { loadKnowledge } = await import('./knowledge/index.js');
      return (await import('./cli/ask.js')).runAsk(args, loadKnowledge());
    }
    case 'commands':
      return (await import('./cli/commands.js')).runCommandsExport(args);
    case 'register-commands':
      return (await import('./cli/register-commands.js')).runRegisterCommands(args);
    case 'kb':
      return args.positionals[0] === 'check'
        ? (await import('./cli/kb-check.js')).runKbCheck(rest.slice(1))
        : usage('kb');
    case 'eval':
      return (await import('./cli/eval.js')).runEval(rest);
    default:
      process.stderr.write(`newsroom: unknown command "${command}"\n\n${HELP.main}\n`);
      return 2;
  }
}

function usage(command: string): number {
  process.stderr.write(`${HELP[command]}\n`);
  return 2;
}

main(process.argv.slice(2)).then(
  (code) => {
    process.exitCode = code;
    // A bot that has stopped, or failed to start, must not linger on a half-closed SDK socket
    // (discord.js can keep reconnecting after a failed login). Writes to pipes are synchronous
    // on Linux, so nothing printed is lost.
    if (process.argv[2] === 'start') process.exit(code);
  },
  (error: unknown) => {
    if (error instanceof KnowledgeLoadError) {
      process.stderr.write(
        `newsroom: the knowledge base has problems:\n${error.problems.map((p) => `  ${p}\n`).join('')}`,
      );
    } else {
      process.stderr.write(`newsroom: ${error instanceof Error ? error.message : String(error)}\n`);
    }
    process.exitCode = 1;
  },
);
