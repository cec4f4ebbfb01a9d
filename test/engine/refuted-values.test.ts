// A value that a provider's own format check refutes, or that carries a provider's prefix with a
// character no token has, is no credential of any rule: the generic assignment rule must not
// report it in the provider rule's place. The shapes are those other scanners ship as negatives
// (trufflehog's "invalid pattern" cases); tokens are built at run time, nothing token-shaped is
// committed, and the valid forms of the same values must still be reported.
import { randomBytes } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { builtinRules } from '../../rules/index.js';
import { compileCatalogue } from '../../src/catalogue/compile.js';
import { randomString, seededRandom } from '../../src/catalogue/examples.js';
import { scanFragment } from '../../src/engine/scan-fragment.js';
import { VALIDATORS } from '../../src/engine/validators.js';

const random = seededRandom(randomBytes(8).toString('hex'));
const ALNUM = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789';
const B64 = `${ALNUM}+/`;
const pick = (alphabet: string, n: number): string => randomString(alphabet, n, random);
const catalogue = compileCatalogue(builtinRules);
const ruleIds = (text: string): string[] =>
  scanFragment(catalogue, Buffer.from(text), { path: 'src/config.txt', source: 'file' }).map((f) => f.ruleId);

describe('Azure SAS parameters', () => {
  const sig = (): string => `${pick(B64, 43)}%3D`;
  const sas = (params: string): string => `AZURE_BLOB_SAS_TOKEN=${params}&spr=https&sv=2022-11-02&sr=c&sig=${sig()}\n`;

  it('reports a SAS whose permissions and IP range Azure accepts', () => {
    expect(ruleIds(sas('sp=racwdl&st=2025-03-04T07:24:52Z&se=2025-04-04T15:24:52Z'))).toEqual(['azure-sas-token']);
    expect(ruleIds(sas('sp=rl&sip=10.1.2.3-10.1.2.40'))).toEqual(['azure-sas-token']);
  });

  it('reports nothing for a permission letter or an IP that no SAS document defines', () => {
    expect(ruleIds(sas('sp=rqx&st=2025-03-04T07:24:52Z&se=2025-04-04T15:24:52Z'))).toEqual([]);
    expect(ruleIds(sas('sp=rcwl&sip=168.1.6'))).toEqual([]);
  });

  it('reads parameters before sv= from the line and after it from the match', () => {
    const v = VALIDATORS['azure-sas'];
    expect(v({ secret: sig(), before: '&sv=2022-11-02&sp=rz&sig=', lineHead: 'X=' })).toBe(false);
    expect(v({ secret: sig(), before: '&sv=2022-11-02&sig=', lineHead: 'X=sp=r%77&sip=1.2.3.4' })).toBe(true);
  });
});

describe('prefixed values with a character no token has', () => {
  it('are not reported under a secret name when the provider rule rejects them', () => {
    const body = pick(ALNUM, 36);
    expect(ruleIds(`token = '${`npm_${body.slice(0, 16)}?${body.slice(17)}`}'\n`)).toEqual([]);
    expect(ruleIds(`secret = '${`sbp_${pick(ALNUM, 10)}?${pick(ALNUM, 29)}`}'\n`)).toEqual([]);
  });

  it('still are when the character is one of a token alphabet, or the value has no prefix', () => {
    // A prefixed value of another length may be a format the rule does not know yet: reported.
    expect(ruleIds(`secret = '${`sbp_${pick(ALNUM, 48)}`}'\n`)).toContain('generic-secret-assignment');
    expect(ruleIds(`secret = '${`${pick(ALNUM, 18)}?${pick(ALNUM, 20)}`}'\n`)).toContain('generic-secret-assignment');
  });
});

describe('GitLab access tokens', () => {
  it('take a classic body of 20 to 34 characters, or a routable one with its dotted parts', () => {
    expect(ruleIds(`glpat-${pick(ALNUM, 20)}`)).toContain('gitlab-pat');
    expect(ruleIds(`glpat-${pick(ALNUM, 37)}.01.${pick('abcdefghij0123456789', 9)}`)).toContain('gitlab-pat');
    expect(ruleIds(`glpat-${pick('0123456789abcdef', 64)}`)).not.toContain('gitlab-pat');
  });
});
