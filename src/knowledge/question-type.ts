/** What kind of answer a question asks for: a person, a time, a place, a reason, a number, yes or no. */
export type QuestionType = 'who' | 'when' | 'where' | 'why' | 'quantity' | 'yesno' | 'what';

const TYPES: [QuestionType, RegExp][] = [
  [
    'quantity',
    /\bhow long (did|does|do|will|would)\b.*\blast(ed)?\b|\bhow long (was|were|is|are)\b|\bhow much (?!(does|do|did|is|are|was|were|has|have|can|could|will|would|should|might|must|weight|control|risk|trust|credibility|confidence|visibility|influence|power|oversight|say|tolerance|concern|attention|value)\b)|\bhow (many|big|large|small|tall|high|old|fast|heavy|wide)\b(?! (?:an? )?(?:(?:is|are|was|were) )?(?:the )?(?:stakes|tensions?|risks?|concerns?|threats?|priority|issue|problem)\b)|\bwhat (size|number|amount|percentage|colou?r|shape)\b|\bwhich colou?r\b/,
  ],
  [
    'when',
    /\bwhen\b(?! it comes to\b)|\bsince when\b|\bhow long\b|\bwhat (time|date|day|month|year|week)\b|\b(exact|precise|specific) (date|day|time)\b|\bwhat is the date\b|\bwhich (month|day|year|date|week)\b|\bhow recently\b/,
  ],
  [
    'where',
    /\bwhere\b|\bwhat (place|city|location)\b|\bwhich (city|place|location)\b|\b(?:which|what) (?:u\.?s\.? |american )?(state|province|county|town)\b(?! (?:of|actors?|media|security|secrets?)\b)|\b(over|in|into|above|across|to|from) (which|what) (country|countries|city|cities|place|places|area|region|territory|airspace|part)\b/,
  ],
  ['why', /\bwhy\b|\bhow come\b|\bwhat for\b|\bwhat (is|was|s) the reason\b|\bfor what reason\b/],
  [
    'who',
    /\bwho(m|se)?\b|\bby whom\b|\bwhich (official|officials|person|people|leader|leaders|adviser|advisor)\b/,
  ],
  ['yesno', /^(is|are|was|were|do|does|did|will|would|can|could|has|have|had|should|shall|may|might)\b/],
];

/**
 * "Could you summarise the article?" is a request, not a yes/no question; "can you confirm…" and
 * "could you tell me whether…" still ask for a yes or no.
 */
const REQUEST = /^(?:please,? )?(?:can|could|would|will) you (?:please )?(?!confirm|verify)/;

/**
 * "What did Biden get when he sought assurances?" asks what, not when: past an opening question word,
 * a "when" clause only sets the scene.
 */
const SCENE =
  /^((?:what|who|whom|whose|which|how|why|where)\b.*?)\s+when (?:he|she|they|it|we|you|i|the|his|her|their)\b.*$/;

/** The type of a question, given as typed or already lower-cased. */
export function questionType(question: string): QuestionType {
  const lower = question.toLowerCase().trim();
  const request = lower.replace(REQUEST, '');
  const q = request.includes('when ') ? request.replace(SCENE, '$1') : request;
  for (const [type, pattern] of TYPES) if (pattern.test(q)) return type;
  return q !== lower && /\b(?:if|whether)\b/.test(q) ? 'yesno' : 'what';
}
