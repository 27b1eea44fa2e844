/**
 * The credentials the test suite configures, and the scan that proves none of them reached a log
 * line. Kept free of imports from src/ and the fakes so the setup file stays cheap for every
 * test file; tests/security/secret-scan.test.ts checks this list against the fakes' defaults.
 */
export const TEST_SECRETS: readonly string[] = [
  // tests/bots/slack/rig.ts and tests/digests/platform-rig.ts
  'xoxb-111-222-fakebot',
  'xapp-1-A111-222-fakeapp',
  'fake-signing-secret-0123456789abcdef',
  'xoxb-111-222-digestfaults',
  // tests/fakes/discord/index.ts TOKEN
  'MTAwMDAwMDAwMDAwMDAwMDAy.fake.discord-token-for-tests',
  // tests/ops: the token the fake Slack refuses
  'xoxb-999-999-someone-else',
];

/** The configured PostgreSQL URL and its password, when the run has one. */
export function databaseSecrets(url = process.env.TEST_DATABASE_URL): string[] {
  if (!url) return [];
  try {
    const password = decodeURIComponent(new URL(url).password);
    return password.length >= 4 ? [url, password] : [url];
  } catch {
    return [url];
  }
}

export interface Leak {
  /** The secret, shown only by its first characters so a failure report does not leak it again. */
  secret: string;
  line: string;
}

const mask = (secret: string) => `${secret.slice(0, 6)}…`;

/**
 * Every line of `output` that contains one of `secrets`. Scans the joined text, so a secret split
 * across two writes is still found; the reported line has the secret masked.
 */
export function findLeaks(output: string, secrets: readonly string[]): Leak[] {
  const leaks: Leak[] = [];
  for (const secret of secrets) {
    if (secret.length < 4) continue;
    let at = output.indexOf(secret);
    while (at !== -1) {
      const start = output.lastIndexOf('\n', at) + 1;
      const end = output.indexOf('\n', at + secret.length);
      const line = output.slice(start, end === -1 ? undefined : end);
      leaks.push({ secret: mask(secret), line: line.split(secret).join(mask(secret)).slice(0, 300) });
      at = output.indexOf(secret, at + secret.length);
    }
  }
  return leaks;
}

/** What the capture setup runs after each test file: throws (failing the file) on any leak. */
export function assertNoLeaks(output: string, secrets: readonly string[]): void {
  const leaks = findLeaks(output, secrets);
  if (leaks.length === 0) return;
  const lines = leaks.slice(0, 5).map((l) => `  ${l.secret} in: ${l.line}`);
  throw new Error(`A configured secret appeared in this file's output:\n${lines.join('\n')}`);
}
