/**
 * The Markdown helpers of the generated reports: wrapped prose renders as the one line it was,
 * escaped prose renders as written.
 */
import { prose, slug, wrap } from '../lib/report/markdown';

describe('report Markdown', () => {
  test('wrap keeps lines within the width where the words allow, and loses no word', () => {
    const text = 'The load balancer reaches the tasks over plain HTTP inside the private subnets, because serving TLS needs a certificate in the image.';
    const lines = wrap(text, '- enforcement: ', '  ', 40);
    expect(lines.length).toBeGreaterThan(2);
    for (const line of lines) expect(line.length).toBeLessThanOrEqual(40);
    expect(lines[0].startsWith('- enforcement: ')).toBe(true);
    for (const line of lines.slice(1)) expect(line).toMatch(/^ {2}\S/);
    expect(lines.join(' ').replace(/^- enforcement: /, '').replace(/\s+/g, ' ')).toBe(text);
  });

  test('wrap never breaks inside a code span', () => {
    const lines = wrap('Every `npx cdk synth --all the stacks` writes `cdk.out/controls-report.md` and more words after it', '', '', 20);
    expect(lines).toContain('`npx cdk synth --all the stacks`');
    for (const line of lines) expect((line.match(/`/g) ?? []).length % 2).toBe(0);
  });

  test.each([['-'], ['+'], ['>'], ['#'], ['|'], ['='], ['1.'], ['2)'], ['```']])('wrap never starts a continuation line with %s, which would open a block', (marker) => {
    const lines = wrap(`aaaa bbbb ${marker} cccc dddd ${marker} eeee`, '- x: ', '  ', 12);
    expect(lines.length).toBeGreaterThan(1);
    for (const line of lines.slice(1)) expect(line.trimStart().startsWith(marker)).toBe(false);
  });

  test('prose escapes what GitHub would read as HTML or emphasis, and nothing inside a word', () => {
    expect(prose('kms:* and ECDHE-*-AES128 for <env> & TLS_AES_128_GCM_SHA256')).toBe('kms:\\* and ECDHE-\\*-AES128 for &lt;env&gt; &amp; TLS_AES_128_GCM_SHA256');
    expect(prose('_emphasis_')).toBe('\\_emphasis\\_');
  });

  test('slug is the anchor GitHub gives a heading', () => {
    expect(slug('DB-TLS')).toBe('db-tls');
    expect(slug('Production opt-outs: none')).toBe('production-opt-outs-none');
  });
});
