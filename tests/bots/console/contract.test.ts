import { PassThrough } from 'node:stream';
import { createConsoleAdapter } from '../../../src/bots/console/index.js';
import { loadConfig } from '../../../src/config.js';
import { loadKnowledge } from '../../../src/knowledge/index.js';
import { silentLogger } from '../../../src/log.js';
import { createMetrics } from '../../../src/ops/metrics.js';
import { type ContractHarness, describeAdapterContract } from '../../contract/adapter-contract.js';

const knowledge = loadKnowledge();

async function openConsole(): Promise<ContractHarness> {
  const input = new PassThrough();
  const output = new PassThrough();
  let buffer = '';
  output.on('data', (chunk) => {
    buffer += chunk;
  });
  const config = loadConfig({});
  if (!config.ok) throw new Error('empty config must load');
  const adapter = createConsoleAdapter(
    {
      config: config.config,
      log: silentLogger(),
      services: { knowledge, defaultTimezone: 'UTC' },
      metrics: createMetrics(),
      opsRoutes: [],
    },
    { input, output, interactive: false },
  );
  await adapter.start();
  return {
    features: { members: false, shareButton: false },
    async command(line) {
      const before = buffer.length;
      input.write(`${line}\n`);
      // The console answers each line with one block ending in a newline; wait for it.
      for (let i = 0; i < 200 && buffer.length === before; i++) await new Promise((r) => setTimeout(r, 5));
      await new Promise((r) => setTimeout(r, 10));
      const text = buffer.slice(before);
      return { text, private: true, shareButton: false, activeMention: false };
    },
    async close() {
      input.end();
      await adapter.stop();
    },
  };
}

describeAdapterContract('console', openConsole);
