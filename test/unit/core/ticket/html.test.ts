import { describe, expect, it } from 'vitest';
import { escapeHtml, html } from '../../../../utils/core/ticket/html';

describe('html', () => {
  it('escapes every value, in text and in quoted attributes', () => {
    const evil = `"'><img src=x onerror=alert(1)>&amp;`;
    expect(html`<p title="${evil}">${evil}</p>`.text).toBe(
      '<p title="&quot;&#39;&gt;&lt;img src=x onerror=alert(1)&gt;&amp;amp;">&quot;&#39;&gt;&lt;img src=x onerror=alert(1)&gt;&amp;amp;</p>',
    );
  });

  it('nests its own fragments without escaping them twice, joins lists and skips empty values', () => {
    const items = ['a<', 'b&'].map((x) => html`<li>${x}</li>`);
    expect(html`<ol>${items}</ol>${false}${null}${undefined}${0}`.text).toBe('<ol><li>a&lt;</li><li>b&amp;</li></ol>0');
  });

  it('treats a string that looks like markup as text', () => {
    expect(escapeHtml('</script><script>x</script>')).toBe('&lt;/script&gt;&lt;script&gt;x&lt;/script&gt;');
  });
});
