import { describe, expect, it } from 'vitest';
import { editPackageJson } from '../../src/setup/package-json.js';

const wanted = { huskyRange: '^9.1.7', keyscanRange: '^1.2.3' };

describe('editPackageJson', () => {
  it('adds husky, keyscan and the prepare script, keeping indentation, order and the final newline', () => {
    const text =
      '{\n    "name": "app",\n    "scripts": { "test": "vitest" },\n    "devDependencies": { "typescript": "^5.0.0", "vitest": "^4.0.0" }\n}\n';
    const edit = editPackageJson(text, wanted);
    expect(edit.changes).toEqual([
      'added husky ^9.1.7 to devDependencies',
      'added keyscan-secrets ^1.2.3 to devDependencies',
      'set scripts.prepare to "husky"',
    ]);
    expect(edit.text).toBe(
      '{\n    "name": "app",\n    "scripts": {\n        "test": "vitest",\n        "prepare": "husky"\n    },\n    "devDependencies": {\n        "husky": "^9.1.7",\n        "keyscan-secrets": "^1.2.3",\n        "typescript": "^5.0.0",\n        "vitest": "^4.0.0"\n    }\n}\n',
    );
  });

  it('is idempotent and leaves an existing husky setup and keyscan dependency alone', () => {
    const once = editPackageJson('{\n  "name": "app"\n}\n', wanted).text;
    const twice = editPackageJson(once, wanted);
    expect(twice.changes).toEqual([]);
    expect(twice.text).toBe(once);
    const existing =
      '{"dependencies":{"keyscan-secrets":"1.0.0"},"devDependencies":{"husky":"^9.0.0"},"scripts":{"prepare":"npm run build && husky"}}';
    expect(editPackageJson(existing, wanted)).toMatchObject({ text: existing, changes: [] });
  });

  it("appends husky to a project's own prepare script and warns about husky 8", () => {
    const edit = editPackageJson('{"devDependencies":{"husky":"^8.0.3"},"scripts":{"prepare":"tsc"}}', wanted);
    expect(JSON.parse(edit.text).scripts.prepare).toBe('tsc && husky');
    expect(edit.warnings[0]).toMatch(/husky \^8\.0\.3 is older than v9/);
  });

  it('refuses a file that is not a JSON object, saying which', () => {
    expect(() => editPackageJson('{ "name": ', wanted, '/r/package.json')).toThrow(/\/r\/package.json is not valid JSON/);
    expect(() => editPackageJson('[]', wanted)).toThrow(/does not hold a JSON object/);
    expect(() => editPackageJson('{"scripts":{"prepare":1}}', wanted)).toThrow(/scripts.prepare in package.json is not a string/);
  });
});
