/** Sentence-level view of a source, so a new article is answerable before anyone curates facts. */
export interface Sentence {
  source: string;
  /** Exact slice of the source text. */
  text: string;
}

const segmenter = new Intl.Segmenter('en', { granularity: 'sentence' });

export function splitSentences(source: string, text: string): Sentence[] {
  const sentences: Sentence[] = [];
  for (const { segment } of segmenter.segment(text)) {
    const trimmed = segment.trim();
    if (trimmed.length === 0) continue;
    const previous = sentences.at(-1);
    // A segment starting lower-case is a false break (an abbreviation); keep it with its sentence.
    if (previous && /^[a-z]/.test(trimmed)) {
      const start = text.indexOf(previous.text);
      const end = text.indexOf(trimmed, start + previous.text.length) + trimmed.length;
      previous.text = text.slice(start, end);
      continue;
    }
    sentences.push({ source, text: trimmed });
  }
  return sentences;
}
