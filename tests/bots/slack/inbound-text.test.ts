import { describe, expect, it } from 'vitest';
import { fromSlackText } from '../../../src/bots/slack/inbound-text.js';

describe('Slack slash-command text → plain words for the handlers', () => {
  it('turns escaped mentions into readable, inert words', () => {
    expect(fromSlackText('<!channel> <!here> <!everyone> <@U123|bob> <@U456>')).toBe(
      '@channel @here @everyone @bob @U456',
    );
    expect(fromSlackText('<!subteam^S1|@editors> <!date^1700000000^{date}|Nov 14>')).toBe('@editors Nov 14');
  });

  it('keeps channel references for the /digest grammar', () => {
    expect(fromSlackText('subscribe <#C123|news> daily 08:00')).toBe('subscribe <#C123|news> daily 08:00');
  });

  it('shows links by their label, or the URL', () => {
    expect(fromSlackText('see <https://example.org|the story> and <https://x.test>')).toBe(
      'see the story and https://x.test',
    );
  });

  it('decodes what Slack HTML-escaped, once', () => {
    expect(fromSlackText('a &lt; b &amp;&amp; c &gt; d &amp;lt;')).toBe('a < b && c > d &lt;');
  });
});
