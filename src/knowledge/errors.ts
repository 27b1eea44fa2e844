/** Thrown when the knowledge files are invalid; each problem names the file, the fact and the fault. */
export class KnowledgeLoadError extends Error {
  readonly problems: string[];

  constructor(problems: string[]) {
    super(
      `Knowledge base is invalid (${problems.length} problem(s)):\n${problems.map((p) => `- ${p}`).join('\n')}`,
    );
    this.name = 'KnowledgeLoadError';
    this.problems = problems;
  }
}
