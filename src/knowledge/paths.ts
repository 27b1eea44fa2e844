import { existsSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

/**
 * The package root, found by walking up to package.json. The build is plain `tsc`, which copies no
 * .json/.txt, so both `src/` (tests) and `dist/` (CLI) read the data from `<root>/src/knowledge`.
 */
export function packageRoot(from: string = fileURLToPath(import.meta.url)): string {
  let dir = dirname(from);
  while (!existsSync(join(dir, 'package.json'))) {
    const parent = dirname(dir);
    if (parent === dir) throw new Error(`no package.json above ${from}`);
    dir = parent;
  }
  return dir;
}

export function defaultKnowledgeDir(): string {
  return join(packageRoot(), 'src', 'knowledge');
}
