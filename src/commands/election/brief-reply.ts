import type { Answer, Brief } from '../../knowledge/api.js';
import type { Reply } from '../reply.js';

export function briefToReply(brief: Brief): Reply {
  return {
    title: brief.title,
    sections: brief.points.map((p) => ({ heading: p.heading, text: p.text, citations: p.citations })),
    footer: brief.asOf,
    tone: 'answer',
    shareable: true,
  };
}

export function answerToReply(answer: Answer): Reply {
  return {
    title: answer.answered ? clipTitle(answer.question) : 'Not in our reporting',
    sections: [{ text: answer.text, citations: answer.citations }],
    tone: answer.answered ? 'answer' : 'notice',
    shareable: answer.answered,
  };
}

/** The question becomes the title; header fields are short on every platform. */
function clipTitle(question: string): string {
  // Most questions hold single spaces only: then there is nothing to collapse.
  const q = /\s\s|[^\S ]/.test(question) ? question.trim().replace(/\s+/g, ' ') : question.trim();
  return q.length > 120 ? `${q.slice(0, 119)}…` : q;
}
