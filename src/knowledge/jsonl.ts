/** The record `newsroom ask --jsonl` prints per question; eval reads answers through the same shape. */
import type { Knowledge } from './api.js';

export interface JsonlAnswer {
  question: string;
  answered: boolean;
  text: string;
  citations: { quote: string; source: string }[];
}

export function answerJsonl(knowledge: Knowledge, question: string): JsonlAnswer {
  const answer = knowledge.ask(question);
  return {
    question,
    answered: answer.answered,
    text: answer.text,
    citations: answer.citations.map(({ quote, source }) => ({ quote, source })),
  };
}
