// Keywords written in their case (RuleSpec.keywordsExact): only a hit with exactly that spelling
// opens a window. The rules here match case-insensitively on purpose, so a finding in the other
// case would show that its hit opened a window anyway. Values are generated at run time.
import { randomBytes } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { builtinRules } from '../../rules/index.js';
import { compileCatalogue } from '../../src/catalogue/compile.js';
import { randomString, seededRandom } from '../../src/catalogue/examples.js';
import type { RuleSpec } from '../../src/catalogue/spec.js';
import { validateRuleSpec } from '../../src/catalogue/validate.js';
import { detect } from '../../src/engine/detect.js';

const random = seededRandom(randomBytes(8).toString('hex'));
const digits = (n: number): string => randomString('0123456789', n, random);

function rule(over: Partial<RuleSpec>): RuleSpec {
  return {
    id: 'case-test',
    description: 'a test token',
    provider: 'Test',
    severity: 'high',
    regex: /(?<![a-z])qzx[0-9]{12}(?![0-9])/i,
    keywords: [],
    remediation: { revoke: 'https://example.com/revoke', rotate: 'Rotate it.' },
    examples: { positive: ['QZx{{digit:12}}'], negative: [] },
    ...over,
  };
}

const found = (spec: RuleSpec, text: string): string[] => detect(compileCatalogue([spec]), Buffer.from(text)).map((m) => m.secret);

describe('keywords written in their case', () => {
  it('open a window only for a hit spelled exactly so', () => {
    const spec = rule({ keywordsExact: ['QZx'] });
    const value = digits(12);
    expect(found(spec, `token QZx${value}\n`)).toEqual([`QZx${value}`]);
    for (const other of ['qzx', 'QZX', 'qZx', 'Qzx']) expect(found(spec, `token ${other}${value}\n`), other).toEqual([]);
  });

  it('match in any case where the same word is also a plain keyword', () => {
    const spec = rule({ keywords: ['qzx'], keywordsExact: ['QZx'] });
    const value = digits(12);
    expect(found(spec, `token qzx${value}\n`)).toEqual([`qzx${value}`]);
  });

  it('hold any of several spellings of one word', () => {
    const spec = rule({ keywordsExact: ['QZx', 'qzX'] });
    const a = digits(12);
    const b = digits(12);
    // Farther apart than a window reaches (a window around a hit holds whatever it covers).
    const far = `\n${'.'.repeat(5000)}\n`;
    expect(found(spec, `QZx${a}${far}qzX${b}${far}qzx${a}\n`)).toEqual([`QZx${a}`, `qzX${b}`]);
  });

  it('are checked by the catalogue: two characters at least, and a positive example must hold one in its case', () => {
    expect(validateRuleSpec(rule({ keywordsExact: ['QZx'] }))).toEqual([]);
    expect(validateRuleSpec(rule({ keywordsExact: ['Q'] })).join()).toMatch(/too short/);
    expect(validateRuleSpec(rule({ keywordsExact: ['qzx'] })).join()).toMatch(/contains none of the keywords/);
    expect(validateRuleSpec(rule({ keywords: ['QZx'] })).join()).toMatch(/must be lowercase/);
  });

  it('find the unnamed Discord bot token in its case, and open nothing on the same letters in another', () => {
    const discord = builtinRules.find((r) => r.id === 'discord-bot-token-unnamed') as RuleSpec;
    expect(discord.keywordsExact?.length).toBe(90);
    const catalogue = compileCatalogue([discord]);
    const b64url = (n: number): string => randomString('ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_', n, random);
    // A user ID of 18 digits, first not 0, in unpadded base64: the token's first part.
    const id = Buffer.from(`${1 + Math.floor(random() * 9)}${digits(17)}`).toString('base64url');
    const token = `${id}.${b64url(6)}.${b64url(38)}`;
    expect(detect(catalogue, Buffer.from(`bot = "${token}"\n`)).map((m) => m.secret)).toEqual([token]);
    // The pattern itself wants the first two characters in their case; the keywords now do too.
    expect(detect(catalogue, Buffer.from(`bot = "${token.toLowerCase()}"\n`))).toEqual([]);
  });
});
