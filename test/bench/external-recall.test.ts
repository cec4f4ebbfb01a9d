import { randomBytes } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { goCases, goSampleLists } from '../../bench/external-recall/go-cases.mjs';
import { NOT_NEGATIVE } from '../../bench/external-recall/not-negative.mjs';
import { contextOf, covers, shapeOf, summarise, tally } from '../../bench/external-recall/score.mjs';

const hex = (n: number): string => randomBytes(n).toString('hex').slice(0, n);

describe('external-recall: reading Go test tables', () => {
  it('evaluates literals, variables, Sprintf and concatenation, and keeps negatives', () => {
    const key = hex(32);
    const src = `package x
var (
  validPattern = "${key}"
  invalidPattern = "short"
  keyword = \`acme\`
)
func TestAcme_Pattern(t *testing.T) {
  tests := []struct{ name string; input string; want []string }{
    { name: "valid", input: fmt.Sprintf("%s token = '%s'", keyword, validPattern), want: []string{validPattern} },
    { name: "concat", input: keyword + " key: " + validPattern + "\\n", want: []string{validPattern} },
    { name: "invalid", input: fmt.Sprintf("%s = %q", keyword, invalidPattern), want: nil },
    { name: "generated", input: gofakeit.Password(), want: []string{} },
  }
}`;
    const cases = goCases(src);
    expect(cases).toEqual([
      { name: 'valid', input: `acme token = '${key}'`, want: [key] },
      { name: 'concat', input: `acme key: ${key}\n`, want: [key] },
      { name: 'invalid', input: 'acme = "short"', want: [] },
      { name: 'generated', error: 'call gofakeit.Password' },
    ]);
  });

  it("reads gitleaks' literal tps and fps and counts the generated ones", () => {
    const key = hex(40);
    const src = `func Acme() *config.Rule {
  r := config.Rule{ RuleID: "acme-key", Regex: regexp.MustCompile(\`x\`) }
  tps := []string{ "acme_key = \\"${key}\\"", utils.GenerateSampleSecret("acme", secrets.NewSecret(utils.Hex("40"))) }
  tps = append(tps, \`ACME=${key}\`)
  fps := []string{ "acme_key = \\"\${ACME_KEY}\\"" }
  return utils.Validate(r, tps, fps)
}`;
    const { samples, skipped } = goSampleLists(src);
    expect(samples).toEqual([
      { ruleId: 'acme-key', kind: 'positive', text: `acme_key = "${key}"` },
      { ruleId: 'acme-key', kind: 'positive', text: `ACME=${key}` },
      { ruleId: 'acme-key', kind: 'negative', text: 'acme_key = "${ACME_KEY}"' },
    ]);
    expect(skipped).toBe(1);
  });
});

describe('external-recall: scoring and what it writes down', () => {
  it('counts a finding as covering a target, or one part of a composite target', () => {
    const a = hex(32);
    const b = hex(24);
    expect(covers(a, a)).toBe(true);
    expect(covers(a, `${b}:${a}`)).toBe(true);
    expect(covers(b, a)).toBe(false);
    expect(covers('short', 'shortcut')).toBe(false);
  });

  it('counts a finding inside a base64 part of a target (a key in a decoded docker auth)', () => {
    const key = hex(40);
    const auth = Buffer.from(`_json_key:{"private_key": "${key}"}`).toString('base64');
    expect(covers(key, `{"registry":"gcr.io","auth":"${auth}"}`)).toBe(true);
    expect(covers(hex(40), `{"registry":"gcr.io","auth":"${auth}"}`)).toBe(false);
  });

  it('never writes the token: shapes and contexts keep only prefix, length and alphabet', () => {
    const body = hex(32);
    const token = `acme_${body}`;
    expect(shapeOf(token)).toBe('"acme_" + 32 lowercase hex');
    const other = hex(40);
    const context = contextOf(`line one\nACME_API_KEY = '${token}' # ${other}\n`, token);
    expect(context).toBe("ACME_API_KEY = '<TOKEN>' # <40>");
    expect(context).not.toContain(body);
    expect(context).not.toContain(other);
  });
});

describe('external-recall: negatives set apart as holding a credential', () => {
  it('counts a flagged negative listed apart in the raw precision and leaves it out of the other', () => {
    const token = hex(40);
    const cases = [
      { source: 'x', provider: 'acme', text: `ACME_KEY=${token}`, targets: [token], positive: true },
      { source: 'x', provider: 'acme', text: `API_KEY=${hex(40)}`, targets: [], positive: false },
      { source: 'x', provider: 'acme', text: `rookTable = ${hex(40)}`, targets: [], positive: false },
      { source: 'x', provider: 'acme', text: 'nothing here', targets: [], positive: false },
    ];
    const findings = new Map([
      [0, [{ ruleId: 'acme-key', secret: token }]],
      [1, [{ ruleId: 'generic-secret-assignment', secret: 'a' }]],
      [2, [{ ruleId: 'acme-key', secret: 'b' }]],
    ]);
    const apart = (c: { text: string }) => (c.text.startsWith('API_KEY=') ? 'a random value under a secret name' : undefined);
    const rows = tally(cases, findings, apart);
    const total = summarise(rows);
    expect([total.found, total.flagged, total.flaggedApart]).toEqual([1, 2, 1]);
    expect(total.precision).toBeCloseTo(1 / 3);
    expect(total.precisionApart).toBeCloseTo(1 / 2);
    expect(rows[0]?.notNegative).toEqual([{ reason: 'a random value under a secret name', rules: ['generic-secret-assignment'] }]);
    // Only the negatives not set apart name the rules that flag them.
    expect([...(rows[0]?.flaggedBy ?? [])]).toEqual(['acme-key']);
  });

  it('lists each set-apart case once, by a 12-hex-digit key and with a reason, never a token', () => {
    const keys = NOT_NEGATIVE.map((n) => `${n.case}#${n.key}`);
    expect(new Set(keys).size).toBe(keys.length);
    for (const n of NOT_NEGATIVE) {
      expect(n.case).toMatch(/^(?:trufflehog|secretlint|detect-secrets|gitleaks)\/[\w.-]+$/);
      expect(n.key).toMatch(/^[0-9a-f]{12}$/);
      expect(n.reason.length).toBeGreaterThan(40);
      expect(n.reason).not.toMatch(/[A-Za-z0-9+/_-]{24,}/);
    }
  });
});
