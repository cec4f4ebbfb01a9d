import { describe, expect, it } from 'vitest';
import { builtinRules } from '../../../rules/index.js';
import { code, escapeText, renderSummary } from '../../../src/ci/github/summary.js';
import { emptySkipCounts, type Finding, type ScanResult } from '../../../src/types.js';
import { hasControl } from '../../helpers/control.js';
import { finding } from '../../helpers/findings.js';
import { markdownText, renderMarkdown } from '../../helpers/markdown.js';

function result(findings: Finding[], extra: Partial<ScanResult> = {}): ScanResult {
  return {
    findings,
    errors: [],
    warnings: [],
    stats: {
      filesScanned: 0,
      commitsScanned: 2,
      bytesScanned: 10,
      durationMs: 1,
      skipped: emptySkipCounts(),
      suppressed: { inline: 0, allowlist: 0, baseline: 0 },
    },
    ...extra,
  };
}

const base = { rules: builtinRules, scope: 'the commits of pull request #1', notes: [], version: '1.2.3', sarifPath: 'keyscan.sarif' };

/** Every way a summary could carry live markup from its input. */
function expectInert(html: string): void {
  expect(html).not.toMatch(/<a[\s>]/);
  expect(html).not.toMatch(/<img[\s>]/);
  for (const tag of ['script', 'b', 'i', 'em', 'details', 'iframe', 'svg', 'style', 'span', 'div', 'u', 'h1']) {
    expect(html).not.toMatch(new RegExp(`<${tag}[\\s>/]`));
  }
}

const HOSTILE = [
  '[click](https://evil.example/x)',
  '![img](https://evil.example/i.png)',
  'https://evil.example/x',
  'www.evil.example',
  'evil.example',
  'mail me: someone@evil.example',
  '<img src=x onerror=alert(1)>',
  '<b>bold</b> <script>alert(1)</script> <details open>x</details>',
  '<https://evil.example>',
  '`code` | cell | break',
  'a\\|b | c',
  '**strong** _em_ ~~gone~~ $x^2$ :smile: #1',
  'line\nbreak\r\u001b[2Kpainted\u202eevil',
];

describe('job summary', () => {
  it('tabulates findings with links to the line and the commit, redacted, and says what to do', () => {
    const f = finding({ secretText: 'ghp_NOTSHOWNNOTSHOWN', commit: 'c'.repeat(40), presentAtHead: false, path: 'dir/my file.ts' });
    const md = renderSummary({ ...base, result: result([f]), repoUrl: 'https://github.com/o/r', headSha: 'd'.repeat(40) });
    const html = renderMarkdown(md);
    expect(md).toContain('## keyscan: 1 secret found');
    expect(markdownText(md)).toContain('Scanned the commits of pull request #1: 2 commits.');
    expect(html).toContain(
      `<td>critical</td>\n<td><code>github-pat</code> GitHub personal access token (classic)</td>\n<td><a href="https://github.com/o/r/blob/${'c'.repeat(40)}/dir/my%20file.ts#L3"><code>dir/my file.ts:3</code></a></td>\n<td><code>ghp_****</code></td>\n<td><a href="https://github.com/o/r/commit/${'c'.repeat(40)}"><code>cccccccccccc</code></a> (removed later, still in history)</td>`,
    );
    expect(html).toContain('<strong>Revoke the key first.</strong>');
    expect(html).toContain(
      '<li><code>github-pat</code>: revoke at <a href="https://github.com/settings/tokens">https://github.com/settings/tokens</a>.',
    );
    expect(md).not.toContain('NOTSHOWN');
  });

  it('says where each history finding is live, or which commit removed it', () => {
    const live = finding({ commit: 'c'.repeat(40), liveAt: ['main', 'release-2.x'], presentAtHead: true });
    const gone = finding({ commit: 'd'.repeat(40), liveAt: [], removedIn: 'e'.repeat(40), presentAtHead: false, path: 'old.ts' });
    const text = markdownText(renderSummary({ ...base, result: result([live, gone]), repoUrl: undefined, headSha: undefined }));
    expect(text).toContain('cccccccccccc · live on main, release-2.x');
    expect(text).toContain('dddddddddddd · only in history (removed in eeeeeeeeeeee)');
  });

  it('says so when nothing was found, with the notes of what was fetched', () => {
    const md = renderSummary({
      ...base,
      result: result([]),
      notes: ['Fetched to depth 20 from the remote.'],
      repoUrl: undefined,
      headSha: undefined,
    });
    expect(md).toContain('## keyscan: no secrets found');
    expect(renderMarkdown(md)).toContain('<blockquote>\n<p>Fetched to depth 20 from the remote.</p>');
    expect(md).not.toContain('| Severity');
  });

  it('keeps hostile paths, rule descriptions and messages inert: no links, images, HTML or extra cells, as rendered', () => {
    for (const text of HOSTILE) {
      const f = finding({ path: text, message: text, ruleId: text });
      const md = renderSummary({
        ...base,
        result: result([f], {
          warnings: [text],
          errors: [{ path: text, message: text, code: 'E_READ' }],
          inlineAllows: [{ path: text, line: 2, ruleId: text }],
        }),
        notes: [text],
        scope: text,
        version: text,
        sarifPath: text,
        repoUrl: undefined,
        headSha: undefined,
      });
      const html = renderMarkdown(md);
      expectInert(html);
      // The row keeps its five cells whatever the path holds.
      const rows = html.split('<tr>').filter((r) => r.includes('<td>'));
      expect(rows).toHaveLength(1);
      expect(rows[0]?.match(/<td>/g)).toHaveLength(5);
      // And the text is still there to read, control characters as escapes.
      const visible = markdownText(md);
      expect(visible).toContain(
        text.replaceAll('\n', '\\n').replaceAll('\r', '\\r').replaceAll('\u001b', '\\x1b').replaceAll('\u202e', '\\u202e'),
      );
      expect(hasControl(html)).toBe(false);
    }
  });

  it('escapes code and prose for markdown and HTML both', () => {
    expect(code('a|b`<img src=x>', true)).toBe('``a\\|b`<img src=x>``');
    expect(code('')).toBe('');
    expect(renderMarkdown(code('x [y](https://e.example) www.e.example'))).toBe(
      '<p><code>x [y](https://e.example) www.e.example</code></p>\n',
    );
    expect(markdownText(escapeText('[x](javascript:alert(1)) | <b>\nnext'))).toBe('[x](javascript:alert(1)) | <b>\\nnext');
    expectInert(renderMarkdown(escapeText('see https://evil.example and www.evil.example or a@evil.example')));
  });

  it('counts every skip and suppression, lists the keyscan:allow comments and sorts rows by severity, then path', () => {
    const skipped = { ...emptySkipCounts(), binary: 2, tooLarge: 1, lfsPointers: 3 };
    const findings = [
      finding({ path: 'b.ts', severity: 'medium' }),
      finding({ path: 'z.ts', severity: 'critical' }),
      finding({ path: 'a.ts', severity: 'medium' }),
    ];
    const r = result(findings, { inlineAllows: [{ path: 'src/x.js', line: 4, ruleId: 'github-pat' }] });
    r.stats.skipped = skipped;
    r.stats.suppressed = { inline: 1, allowlist: 2, baseline: 3 };
    const md = renderSummary({ ...base, result: r, repoUrl: 'https://github.com/o/r', headSha: 'd'.repeat(40) });
    const text = markdownText(md);
    expect(text).toContain('Skipped: 2 binary, 1 over --max-file-size, 3 lfs pointers');
    expect(text).toContain('Silenced: 1 by keyscan:allow comments, 2 by config allowlists, 3 by the baseline');
    expect(text).toContain('Silenced by keyscan:allow comments (1); check that each is a false positive: src/x.js:4 : github-pat');
    expect(renderMarkdown(md)).toContain(`<a href="https://github.com/o/r/blob/${'d'.repeat(40)}/src/x.js#L4"><code>src/x.js:4</code></a>`);
    const order = [...md.matchAll(/^\| (critical|medium) \| .*? \| \[?`([a-z]\.ts):/gm)].map((m) => m[2]);
    expect(order).toEqual(['z.ts', 'a.ts', 'b.ts']);
  });

  it('shows a check finding without an empty secret cell', () => {
    const f = finding({ ruleId: 'env-file-committed', source: 'check', message: '', redacted: '', path: '.env' });
    const md = renderSummary({ ...base, result: result([f]), repoUrl: undefined, headSha: undefined });
    expect(renderMarkdown(md)).not.toContain('<code></code>');
    expect(md).toContain('## keyscan: 1 env-file issue found');
  });
});
