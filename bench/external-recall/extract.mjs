// Turns each scanner's test data into cases: { source, provider, text, targets, positive }.
// `targets` are the strings the other project says its detector must report (empty on a
// negative); for sources that only say "flagged or not", a positive's target is null and any
// finding in the case counts.
import { goCases, goSampleLists } from './go-cases.mjs';
import { listFiles, readFiles } from './sources.mjs';

/** trufflehog: pkg/detectors/<provider>/…/*_test.go, the table-driven pattern tests. */
export async function trufflehogCases(gitDir, stats) {
  const paths = listFiles(gitDir, 'pkg/detectors').filter(
    (p) => p.endsWith('_test.go') && !p.endsWith('_integration_test.go') && p.split('/').length >= 4,
  );
  const files = await readFiles(gitDir, paths);
  const cases = [];
  for (const [path, src] of files) {
    const provider = path.split('/')[2];
    for (const c of goCases(src)) {
      if (c.error) {
        stats.unevaluable++;
        continue;
      }
      cases.push({ source: 'trufflehog', provider, name: c.name, text: c.input, targets: c.want, positive: c.want.length > 0 });
    }
  }
  return cases;
}

/** Rules whose fixtures are about files or options, not one provider's credential format. */
const SECRETLINT_SKIP = new Set(['preset-recommend', 'preset-canary', 'pattern', 'filter-comments', 'no-dotenv', 'no-homedir', 'example']);

/**
 * secretlint: packages/@secretlint/secretlint-rule-<provider>/test/snapshots/<case>/input* and
 * output.json (its messages' ranges are the expected findings; none: a negative). Cases that
 * need a .secretlintrc.json (options) are left out: they test options, not formats.
 */
export async function secretlintCases(gitDir, stats) {
  const all = listFiles(gitDir, 'packages/@secretlint').filter((p) => /\/secretlint-rule-[^/]+\/test\/snapshots\/[^/]+\/[^/]+$/.test(p));
  const dirs = new Map();
  for (const p of all) {
    const dir = p.slice(0, p.lastIndexOf('/'));
    if (!dirs.has(dir)) dirs.set(dir, []);
    dirs.get(dir).push(p.slice(dir.length + 1));
  }
  const wanted = [];
  for (const [dir, names] of dirs) {
    const provider = /secretlint-rule-([^/]+)/.exec(dir)[1];
    if (SECRETLINT_SKIP.has(provider) || names.includes('.secretlintrc.json') || names.includes('options.ts')) continue;
    const input = names.find((n) => /^input(\.(txt|json|config|md|yml|yaml|env|js|ts|sh|ini|toml))?$/.test(n));
    if (!input || !names.includes('output.json')) continue;
    wanted.push({ dir, provider, input });
  }
  const files = await readFiles(
    gitDir,
    wanted.flatMap((w) => [`${w.dir}/${w.input}`, `${w.dir}/output.json`]),
  );
  const cases = [];
  for (const w of wanted) {
    const text = files.get(`${w.dir}/${w.input}`);
    const output = files.get(`${w.dir}/output.json`);
    if (text === undefined || output === undefined) continue;
    let messages;
    try {
      messages = JSON.parse(output).messages ?? [];
    } catch {
      stats.unevaluable++;
      continue;
    }
    const targets = messages.map((m) => (Array.isArray(m.range) ? text.slice(m.range[0], m.range[1]) : '')).filter((t) => t.length > 0);
    const name = w.dir.slice(w.dir.lastIndexOf('/') + 1);
    // secretlint names a case "ng.…" when its rule must report it; one whose snapshot records no
    // message (the rule reports it only with options the snapshot does not use) is no negative.
    if (targets.length === 0 && /^ng[.-]/.test(name)) {
      stats.unevaluable++;
      continue;
    }
    cases.push({ source: 'secretlint', provider: w.provider, name, text, targets, positive: targets.length > 0, file: w.input });
  }
  return cases;
}

/** detect-secrets plugins that are not one provider's format (entropy, keywords, IP addresses). */
const DETECT_SECRETS_SKIP = new Set(['base', 'high_entropy_strings', 'keyword', 'ip_public']);

/** A Python string literal at `s` (quotes ' or ", optional r/b prefix), unescaped, or null. */
function pythonString(s) {
  const m = /^([rbRB]?)(['"])((?:\\.|(?!\2)[^\\\n])*)\2/.exec(s);
  if (!m) return null;
  const raw = m[1].toLowerCase() === 'r';
  const body = raw ? m[3] : m[3].replace(/\\(.)/g, (_, c) => ({ n: '\n', t: '\t', r: '\r' })[c] ?? c);
  return { value: body, length: m[0].length };
}

/** detect-secrets: tests/plugins/<plugin>_test.py, its `('payload', True|False)` parameters. */
export async function detectSecretsCases(gitDir, stats) {
  const paths = listFiles(gitDir, 'tests/plugins').filter((p) => p.endsWith('_test.py'));
  const files = await readFiles(gitDir, paths);
  const cases = [];
  for (const [path, src] of files) {
    const provider = path.slice(path.lastIndexOf('/') + 1, -'_test.py'.length);
    if (DETECT_SECRETS_SKIP.has(provider)) continue;
    const re = /\(\s*(?=[rbRB]?['"])/g;
    for (let m = re.exec(src); m !== null; m = re.exec(src)) {
      const lit = pythonString(src.slice(re.lastIndex));
      if (!lit) continue;
      const rest = src.slice(re.lastIndex + lit.length, re.lastIndex + lit.length + 40);
      const flag = /^\s*,\s*(True|False)\s*,?\s*\)/.exec(rest);
      if (!flag) {
        if (/^\s*[.+%]/.test(rest)) stats.unevaluable++; // built by code: not guessed
        continue;
      }
      const positive = flag[1] === 'True';
      cases.push({ source: 'detect-secrets', provider, name: '', text: lit.value, targets: positive ? [null] : [], positive });
    }
  }
  return cases;
}

/**
 * gitleaks: cmd/generate/config/rules/<provider>.go, the literal strings of the `tps` (must be
 * found) and `fps` (must not) lists. Samples gitleaks generates from its own regexes at test time
 * are left out: they say what gitleaks matches, not what the provider issues.
 */
export async function gitleaksCases(gitDir, stats) {
  const paths = listFiles(gitDir, 'cmd/generate/config/rules').filter((p) => p.endsWith('.go') && !p.endsWith('_test.go'));
  const files = await readFiles(gitDir, paths);
  const cases = [];
  for (const [path, src] of files) {
    const provider = path.slice(path.lastIndexOf('/') + 1, -'.go'.length);
    if (provider === 'rule' || provider === 'generic' || provider === 'config') continue;
    const { samples, skipped } = goSampleLists(src);
    stats.unevaluable += skipped;
    for (const s of samples) {
      const positive = s.kind === 'positive';
      cases.push({ source: 'gitleaks', provider, name: s.ruleId, text: s.text, targets: positive ? [null] : [], positive });
    }
  }
  return cases;
}
