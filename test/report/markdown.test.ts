import MarkdownIt from 'markdown-it';
import { describe, expect, it } from 'vitest';
import { renderMarkdown } from '../../src/report/markdown.js';
import { emptySkipCounts, type Finding, type ScanResult } from '../../src/types.js';
import { finding } from '../helpers/findings.js';
import { slices, tokens } from '../helpers/tokens.js';

const HOSTILE = '<img src=x onerror=alert(1)>|`x`|[y](https://evil.example)*z*.env';
const SECRET = tokens.githubPat();
/** GitHub and GitLab render raw HTML (sanitised) and autolink bare URLs: markdown-it with both on is the stricter reader. */
const md = new MarkdownIt({ html: true, linkify: true });

function report(findings: Finding[], forge = true): string {
  const result: ScanResult = {
    findings,
    stats: {
      filesScanned: 3,
      commitsScanned: 5,
      bytesScanned: 100,
      skipped: emptySkipCounts(),
      suppressed: { inline: 0, allowlist: 0, baseline: 0 },
      durationMs: 1,
    },
    errors: [],
    warnings: ['see www.evil.example or @everyone'],
  };
  const rules = [
    {
      id: 'github-pat',
      description: 'GitHub *personal* <b>token</b>',
      provider: 'GitHub | [x](https://evil.example)',
      severity: 'critical' as const,
      remediation: { revoke: 'https://github.com/settings/tokens', rotate: 'Mail admin@evil.example, then <script>x</script>' },
    },
  ];
  return renderMarkdown({
    result,
    rules,
    reveal: false,
    version: '0.0.0',
    color: false,
    ...(forge ? { forge: { kind: 'GitLab', url: 'https://gitlab.com/g/r' } as const } : {}),
  });
}

const historic = {
  source: 'commit' as const,
  commit: 'c'.repeat(40),
  date: '2024-03-02T10:00:00Z',
  author: '@everyone <script>',
  authorEmail: 'eve@evil.example',
  secretText: SECRET,
};

describe('the markdown report', () => {
  const text = report([
    finding({ ...historic, path: HOSTILE, liveAt: ['main'] }),
    finding({ ...historic, path: 'b.env', startLine: 8, liveAt: [] }),
  ]);
  const html = md.render(text);

  it('renders with no markup, links or cells from repository text', () => {
    expect(html).not.toMatch(/<img|<script|<b>|<em>personal|<em>z/);
    const links = [...html.matchAll(/<a href="([^"]+)"/g)].map((m) => m[1]);
    expect(links.filter((l) => !/^https:\/\/(gitlab\.com\/g\/r|github\.com\/settings\/tokens)\b/.test(l as string))).toEqual([]);
    // Every table row has as many cells as its header.
    for (const table of html.match(/<table>[\s\S]*?<\/table>/g) ?? []) {
      const widths = [...table.matchAll(/<tr>([\s\S]*?)<\/tr>/g)].map((r) => (r[1]?.match(/<t[hd][ >]/g) ?? []).length);
      expect(new Set(widths).size).toBe(1);
    }
    expect(html).toContain('&lt;img src=x onerror=alert(1)&gt;|`x`|[y](https://evil.example)*z*.env');
  });

  it('groups a secret found twice, with its tag, liveness and remediation, and never shows it', () => {
    for (const slice of slices(SECRET)) expect(text).not.toContain(slice);
    expect(text.match(/^### /gm)).toHaveLength(1);
    expect(text).toContain('### 1. CRITICAL · GitHub');
    expect(text).toContain('`ghp_****` `#aaaaaa` · live on main');
    expect(html).toContain(`<a href="https://gitlab.com/g/r/-/commit/${'c'.repeat(40)}"><code>cccccccccccc</code></a>`);
    expect(html).toContain(`<a href="https://gitlab.com/g/r/-/blob/${'c'.repeat(40)}/b.env#L8"><code>b.env:8</code></a>`);
    expect(html).toContain('<a href="https://github.com/settings/tokens">');
    expect(text).toMatch(/\| 1 \| 1 \| 1 \| 2 \| 5 \| 2024-03-02 \|/);
  });

  it('links nothing without a forge', () => {
    const plain = md.render(report([finding(historic)], false));
    expect(plain).not.toContain('/-/commit/');
    expect(plain).toContain('<code>cccccccccccc</code>');
  });
});
