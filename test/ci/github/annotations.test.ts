import { describe, expect, it } from 'vitest';
import { builtinRules } from '../../../rules/index.js';
import { escapeData, escapeProperty, renderAnnotations, workflowCommand } from '../../../src/ci/github/annotations.js';
import { finding } from '../../helpers/findings.js';

describe('workflow command escaping', () => {
  it("escapes data and properties as GitHub's toolkit does", () => {
    expect(escapeData('100% done\r\nnext')).toBe('100%25 done%0D%0Anext');
    expect(escapeProperty('a:b,c%\n')).toBe('a%3Ab%2Cc%25%0A');
    expect(workflowCommand('error', { file: 'x,y.ts', title: 'T: 1' }, 'm')).toBe('::error file=x%2Cy.ts,title=T%3A 1::m');
  });

  it('cannot be broken out of by a path holding a line break and a command', () => {
    const out = renderAnnotations([finding({ path: 'evil\n::add-mask::x,line=1.txt' })], builtinRules);
    expect(out.split('\n').filter((l) => l !== '')).toHaveLength(1);
    expect(out).toContain('file=evil\\n%3A%3Aadd-mask%3A%3Ax%2Cline=1.txt,');
    const terminal = renderAnnotations([finding({ path: 'a\u001b[2K.txt', message: 'b\u202ec' })], builtinRules);
    expect(terminal).toContain('file=a\\x1b[2K.txt,');
    expect(terminal).toContain('title=keyscan%3A b\\u202ec::');
  });
});

describe('annotations', () => {
  it('annotates file, lines, columns and title, redacted, with what to do', () => {
    const f = finding({ secretText: 'ghp_SECRETSECRETSECRET' });
    const out = renderAnnotations([f], builtinRules);
    expect(out).toBe(
      '::error file=src/app.ts,line=3,endLine=3,col=15,endColumn=54,title=keyscan%3A GitHub personal access token (classic)::' +
        'github-pat: ghp_****. Revoke it first (https://github.com/settings/tokens), then rotate it.\n',
    );
    expect(out).not.toContain('SECRET');
  });

  it('leaves columns out of multi-line findings and names the commit of history findings', () => {
    const f = finding({
      startLine: 1,
      endLine: 6,
      commit: 'c'.repeat(40),
      date: '2024-02-03T04:05:06Z',
      presentAtHead: false,
      severity: 'medium',
    });
    const out = renderAnnotations([f], builtinRules, { pathPrefix: 'repo/' });
    expect(out).toMatch(/^::warning file=repo\/src\/app.ts,line=1,endLine=6,title=/);
    expect(out).not.toContain('col=');
    expect(out).toContain('Introduced in cccccccccccc on 2024-02-03. A later commit removed it, but it is still in git history.');
  });

  it('says where a history finding is still live, or that only history holds it and which commit removed it', () => {
    const live = finding({ commit: 'c'.repeat(40), presentAtHead: false, liveAt: ['release-2.x', 'v2.0.1'] });
    expect(renderAnnotations([live], builtinRules)).toContain('It is live on release-2.x, v2.0.1.');
    const gone = finding({ commit: 'c'.repeat(40), presentAtHead: false, liveAt: [], removedIn: 'e'.repeat(40) });
    expect(renderAnnotations([gone], builtinRules)).toContain(
      'It is only in history (removed in eeeeeeeeeeee): no branch or tag holds it, but git history does.',
    );
  });

  it("keeps to GitHub's per-level limit and says how many were left out", () => {
    const many = Array.from({ length: 14 }, (_, i) => finding({ startLine: i + 1, endLine: i + 1 }));
    const lines = renderAnnotations(many, builtinRules).trim().split('\n');
    expect(lines.filter((l) => l.startsWith('::error '))).toHaveLength(10);
    expect(lines.at(-1)).toBe(
      '::notice title=keyscan::4 more findings not annotated (GitHub shows 10 per level): see the job summary or the SARIF report.',
    );
  });

  it('writes nothing without findings', () => {
    expect(renderAnnotations([], builtinRules)).toBe('');
  });
});
