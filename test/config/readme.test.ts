import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { builtinRules } from '../../rules/index.js';
import { parseConfig } from '../../src/config/parse.js';
import { parseConfigText } from '../../src/config/text.js';

const readme = readFileSync(new URL('../../README.md', import.meta.url), 'utf8');
const section = readme.slice(readme.indexOf('## Configuration'), readme.indexOf('## Inline allow comments'));
const examples = [...section.matchAll(/```(yaml|json)\n([\s\S]*?)```/g)].map((m) => [m[1] as string, m[2] as string] as const);

describe('the README’s configuration examples', () => {
  it('exist in YAML and JSON', () => {
    expect(examples.map(([lang]) => lang)).toEqual(['yaml', 'json']);
  });

  it.each(examples)('are valid (%s)', async (lang, text) => {
    const data = await parseConfigText(text, `README.${lang}`);
    expect(() => parseConfig(data, `README.${lang}`, builtinRules)).not.toThrow();
  });
});
