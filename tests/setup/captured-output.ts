/** What the capture setup recorded for the current test file (one module instance per file). */
let chunks: string[] = [];

export function recordOutput(chunk: string): void {
  chunks.push(chunk);
}

export function resetCapture(): void {
  chunks = [];
}

export function capturedOutput(): string {
  return chunks.join('');
}
