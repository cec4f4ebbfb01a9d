import { describe, expect, it } from 'vitest';
import { fixedLength, mentionable, NOT_A_WORD, named } from '../../rules/define.js';
import { builtinRules } from '../../rules/index.js';
import { compileCatalogue } from '../../src/catalogue/compile.js';
import { randomString, seededRandom } from '../../src/catalogue/examples.js';
import type { RuleSpec } from '../../src/catalogue/spec.js';
import { scanFragment } from '../../src/engine/scan-fragment.js';

const ALNUM = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789';
const random = seededRandom('define-mention');

/** A random value of the rule's alphabet with both a digit and a letter (as nearly every key has). */
function value(length: number, alphabet = ALNUM): string {
  for (;;) {
    const v = randomString(alphabet, length, random);
    if (/[0-9]/.test(v) && /[A-Za-z]/.test(v)) return v;
  }
}

const rule = (names: readonly string[], body: string, extra: { mention?: readonly string[] | false } = {}): RuleSpec =>
  named(
    ['test'],
    {
      id: 'zentrafoo-api-key',
      description: 'Zentrafoo API key',
      provider: 'Zentrafoo',
      revoke: 'https://zentrafoo.invalid/keys',
      rotate: 'Delete the key in the dashboard, create a new one and deploy it.',
      references: ['https://zentrafoo.invalid/docs'],
      example: '{{alnum:32}}',
    },
    { names, body, ...extra },
  );

function finds(spec: RuleSpec, text: string): string[] {
  return scanFragment(compileCatalogue([spec]), Buffer.from(text), { path: 'src/app.txt', source: 'file' }).map((f) => f.secretText);
}

describe('a provider name mentioned near a value (named rules without a prefix)', () => {
  const spec = rule(['zentrafoo'], '[A-Za-z0-9]{32}');

  it.each([
    ['a constructor argument', (v: string) => `const client = new ZentrafooAPI("${v}");`],
    ['a call with the name inside the identifier', (v: string) => `sheets := getzentrafoo("${v}")`],
    ['a log line', (v: string) => `[DEBUG] Using zentrafoo ${v}`],
    ['prose with a dash', (v: string) => `zentrafoo token - '${v}'`],
    ['a value padded inside its quotes', (v: string) => `zentrafooKey := " ${v} "`],
    ['a URL query parameter', (v: string) => `fetch("https://api.zentrafoo.invalid/v1/items?key=${v}&page=2")`],
    ['a plural name', (v: string) => `zentrafoos: ${v}`],
  ])('finds %s', (_kind, write) => {
    const v = value(32);
    expect(finds(spec, write(v))).toEqual([v]);
  });

  it.each([
    ['too far from the name', (v: string) => `zentrafoo ${'is not the name of what follows, far away '.repeat(2)}${v}`],
    ['the value on the next line', (v: string) => `zentrafoo\n${v}`],
    ['inside a path', (v: string) => `zentrafoo /static/${v}/app.js`],
    ['followed by more of a path or a file name', (v: string) => `zentrafoo ${v}.js`],
    ['the name inside a longer word', (v: string) => `zentrafoot ${v}`],
    ['assigned to an id of the provider', (v: string) => `ZENTRAFOO_PROJECT_ID = "${v}"`],
    ['assigned to an id further along the line', (v: string) => `zentrafoo keyword far from the key, and id = ${v}`],
  ])('ignores a value %s', (_kind, write) => {
    expect(finds(spec, write(value(32)))).toEqual([]);
  });

  it('asks a mentioned value for a digit and a letter, which an assigned value need not have', () => {
    const letters = randomString('ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz', 32, random);
    expect(finds(spec, `zentrafoo("${letters}")`)).toEqual([]);
    expect(finds(spec, `ZENTRAFOO_API_KEY=${letters}`)).toEqual([letters]);
  });

  it('keeps the entropy bar and the placeholder filter', () => {
    expect(finds(spec, `zentrafoo("${'a1'.repeat(16)}")`)).toEqual([]);
    expect(finds(spec, `zentrafoo("YOUR_API_KEY_HERE_0123456789abcd")`)).toEqual([]);
  });

  it('holds the value to its exact length', () => {
    expect(finds(spec, `zentrafoo("${value(33)}")`)).toEqual([]);
    expect(finds(spec, `zentrafoo("${value(31)}")`)).toEqual([]);
  });

  it('is left out for a name that is an ordinary word, for a length range and when the rule opts out', () => {
    const v = value(32);
    for (const strict of [
      rule(['monday'], '[A-Za-z0-9]{32}'),
      rule(['zentrafoo'], '[A-Za-z0-9]{24,32}'),
      rule(['zentrafoo'], '[A-Za-z0-9]{32}', { mention: false }),
    ]) {
      expect(finds(strict, `new Client("${v}") // zentrafoo monday`)).toEqual([]);
      expect(finds(strict, `using zentrafoo monday ${v}`)).toEqual([]);
      // The assignment shape is unchanged.
      expect(finds(strict, `${strict.keywords[0]?.toUpperCase()}_API_KEY=${v}`)).toEqual([v]);
    }
  });
});

describe('an XML key/value entry (named rules)', () => {
  const spec = rule(['zentrafoo'], '[A-Za-z0-9]{32}', { mention: false });

  it('finds the value of a key named after the provider', () => {
    const v = value(32);
    expect(finds(spec, `<add key="ZentrafooApiKey" value="${v}" />`)).toEqual([v]);
  });

  it.each(['ZentrafooAppId', 'ZentrafooUrl', 'Zentrafoo_User_Name'])('leaves %s alone: the name ends like an identifier', (key) => {
    const text = `<add key="${key}" value="${value(32)}" />`;
    expect(finds(spec, text)).toEqual([]);
    // Nor is it a mention of the provider's name.
    expect(finds(rule(['zentrafoo'], '[A-Za-z0-9]{32}'), text)).toEqual([]);
  });
});

describe('mentionable names', () => {
  it.each(['smartsheet', 'bitmex', 'hubspot', 'dd_api_key', 'monday_api_key'])('%s identifies its provider', (name) => {
    expect(mentionable(name)).toBe(true);
  });
  it.each(['monday', 'notion', 'column', 'rawg', 'x-api-key', 'x_access_token', 'ably"', 'amplitude'])('%s does not', (name) => {
    expect(mentionable(name)).toBe(false);
  });
});

describe('fixed-length bodies', () => {
  it.each(['[a-f0-9]{32}', '[A-Za-z0-9]{37}|[A-Za-z0-9]{26}', '[0-9a-f]{8}-[0-9a-f]{4}', `${NOT_A_WORD}[A-Za-z0-9]{40}`])(
    '%s has an exact length',
    (body) => {
      expect(fixedLength(body)).toBe(true);
    },
  );
  it.each(['[A-Za-z0-9]{24,32}', '[a-z]+', '(?:ab)?[0-9]{4}', '[a-z]{20,}'])('%s does not', (body) => {
    expect(fixedLength(body)).toBe(false);
  });
});

describe('the catalogue', () => {
  const catalogue = compileCatalogue(builtinRules);
  const scan = (text: string) =>
    scanFragment(catalogue, Buffer.from(text), { path: 'src/app.go', source: 'file' }).map((f) => [f.ruleId, f.secretText]);

  it('finds a Smartsheet token passed to a call named after it', () => {
    const v = value(37);
    expect(scan(`sheets := getsmartsheet("${v}")`)).toContainEqual(['smartsheet-access-token', v]);
  });

  it('finds a BitMEX secret whose quotes hold spaces', () => {
    const v = value(48, `${ALNUM}_-`);
    expect(scan(`bitmexSecret := " ${v} "`)).toContainEqual(['bitmex-api-secret', v]);
  });
});
