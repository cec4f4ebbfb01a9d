import { randomBytes } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { goCases, goSampleLists } from '../../bench/external-recall/go-cases.mjs';
import { contextOf, covers, shapeOf } from '../../bench/external-recall/score.mjs';

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
