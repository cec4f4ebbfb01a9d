import { createHash } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { renderHtml } from '../../src/report/html.js';
import { HTML_SCRIPT, HTML_STYLE } from '../../src/report/html-assets.js';
import { emptySkipCounts, type Finding, type ScanResult } from '../../src/types.js';
import { finding } from '../helpers/findings.js';
import { slices, tokens } from '../helpers/tokens.js';

const HOSTILE = '<img src=x onerror=alert(1)>.env';
const SECRET = tokens.githubPat();

function page(findings: Finding[], extra: Partial<Parameters<typeof renderHtml>[0]> = {}): string {
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
    errors: [{ path: `${HOSTILE}/x`, message: '<b>unreadable</b>', code: 'E_READ' }],
    warnings: ['<script>alert(2)</script>'],
  };
  const rules = [
    {
      id: 'github-pat',
      description: 'GitHub personal access token (classic)',
      provider: '<i>GitHub</i>',
      severity: 'critical' as const,
      remediation: { revoke: 'javascript:alert(3)', rotate: 'Make a new one & "deploy" it <now>' },
    },
  ];
  return renderHtml({ result, rules, reveal: false, version: '0.0.0', color: false, ...extra });
}

const historic = {
  source: 'commit' as const,
  commit: 'c'.repeat(40),
  date: '2024-03-02T10:00:00Z',
  author: '<svg onload=alert(4)>',
  authorEmail: 'e@x"><script>',
  secretText: SECRET,
};

describe('the HTML report', () => {
  const html = page([
    finding({ ...historic, path: HOSTILE, message: '<a href="javascript:x">msg</a>', liveAt: ['main', '<b>branch</b>'] }),
    finding({ ...historic, path: 'b.env', startLine: 8 }),
  ]);

  it('escapes every path, message, author, ref name, rule text, error and warning', () => {
    const markup = html.replace(/<script>[\s\S]*?<\/script>/, '').replace(/<style>[\s\S]*?<\/style>/, '');
    // Every tag in the page is one the report writes itself.
    const tags = new Set([...markup.matchAll(/<([a-z][a-z0-9]*)/g)].map((m) => m[1]));
    const own = ['html', 'head', 'meta', 'title', 'style', 'body', 'header', 'div', 'h1', 'h2', 'p', 'a', 'main', 'section', 'span'];
    const more = [
      'svg',
      'g',
      'title',
      'rect',
      'text',
      'line',
      'i',
      'input',
      'table',
      'thead',
      'tbody',
      'tr',
      'th',
      'td',
      'button',
      'code',
      'ul',
      'li',
      'b',
      'footer',
      'script',
    ];
    expect([...tags].filter((t) => !own.includes(t as string) && !more.includes(t as string))).toEqual([]);
    expect(markup).not.toMatch(/<img|<svg onload|<script>alert|href="javascript:/);
    expect(markup).toContain('&#60;img src=x onerror=alert(1)&#62;.env');
    expect(markup).toContain('&#60;b&#62;branch&#60;/b&#62;');
    expect(markup).toContain('&#60;i&#62;GitHub&#60;/i&#62;');
    expect(markup).toContain('Make a new one &#38; &#34;deploy&#34; it &#60;now&#62;');
  });

  it('contains no slice of the secret, shows the mask and the tag, and groups the two locations', () => {
    for (const slice of slices(SECRET)) expect(html).not.toContain(slice);
    expect(html.match(/<tr><td data-sort="0"><span class="sev sev-critical">/g)).toHaveLength(1);
    expect(html).toContain('<code>ghp_****</code><span class="tag">#aaaaaa</span>');
    expect(html).toContain('<code>b.env:8</code>');
    expect(html).toMatch(/data-metric="secrets"><div class="value">1</);
    expect(html).toMatch(/data-metric="live"><div class="value">1</);
    expect(html).toMatch(/data-metric="commits"><div class="value">5</);
  });

  it('loads nothing and runs only its own script: a CSP with the hashes of its style and script', () => {
    const sha = (s: string): string => createHash('sha256').update(s).digest('base64');
    const csp = (/<meta http-equiv="Content-Security-Policy" content="([^"]+)">/.exec(html)?.[1] ?? '').replace(/&#39;/g, "'");
    expect(csp).toContain("default-src 'none'");
    expect(csp).toContain(`script-src 'sha256-${sha(HTML_SCRIPT)}'`);
    expect(csp).toContain(`style-src 'sha256-${sha(HTML_STYLE)}'`);
    expect(html).not.toMatch(/\b(?:src|href)="(?:https?:)?\/\//);
    expect(html).not.toMatch(/ style="/);
  });

  it('links commits and lines to the forge only when it knows one', () => {
    expect(html).not.toContain('/commit/');
    const linked = page([finding({ ...historic, path: HOSTILE })], { forge: { kind: 'GitHub', url: 'https://github.com/o/r' } });
    expect(linked).toContain(`<a href="https://github.com/o/r/commit/${'c'.repeat(40)}">`);
    expect(linked).toContain(`href="https://github.com/o/r/blob/${'c'.repeat(40)}/%3Cimg%20src%3Dx%20onerror%3Dalert%281%29%3E.env#L3"`);
  });

  it('says only in history, and where it was removed, for a secret no ref holds', () => {
    const gone = page([finding({ ...historic, liveAt: [], removedIn: 'd'.repeat(40) })]);
    expect(gone).toContain('<span class="status history">only in history</span>');
    expect(gone).toContain(`removed in <code>${'d'.repeat(12)}</code>`);
    expect(gone).toMatch(/data-metric="live"><div class="value">0</);
  });
});

describe('the HTML report of a large history', () => {
  it('lists the 2,000 worst secrets, live first, and counts them all', () => {
    const many = Array.from({ length: 2100 }, (_v, i) =>
      finding({ ...historic, secretHash: i.toString(16).padStart(64, '0'), path: `p/${i}.env`, presentAtHead: i >= 2050 }),
    );
    const html = page(many);
    const rows = html.slice(html.indexOf('<table id="secrets"')).match(/<tr><td data-sort=/g) ?? [];
    expect(rows).toHaveLength(2000);
    expect(html).toContain('The 2000 worst of 2100 secrets');
    expect(html).toMatch(/data-metric="secrets"><div class="value">2100</);
    expect(html).toMatch(/data-metric="live"><div class="value">50</);
    // The 50 live ones are all listed, first.
    expect(html.slice(html.indexOf('<table id="secrets"')).match(/<span class="status live">/g)).toHaveLength(50);
    expect(html).toContain('The first 500 of 2100, by number of secrets.');
  });
});
