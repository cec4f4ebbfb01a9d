/**
 * The HTML report as people see it: a real `--history` scan rendered in headless Chromium
 * (Debian's `chromium`, installed by .ci/run), driven by playwright-core. It must load nothing,
 * log no error, show the JSON report's numbers, sort and filter by clicking, and hold no secret.
 */
import { existsSync, mkdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { type Browser, chromium } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { keyscan, ROOT } from '../helpers/cli.js';
import { commit, git, makeRepo, tempDir } from '../helpers/repo.js';
import { secretBody, slices, tokens } from '../helpers/tokens.js';

const CHROMIUM = [process.env.CHROMIUM_PATH, '/usr/bin/chromium', '/usr/bin/chromium-browser'].find(
  (p): p is string => p !== undefined && existsSync(p),
);
/** In CI (and in .ci/run) a missing Chromium is a failure, not a skip. */
const REQUIRED = process.env.CI !== undefined || process.env.KEYSCAN_REQUIRE_CHROMIUM === '1';
/** Screenshots go here (gitignored); the CI job can keep the directory as an artifact. */
const ARTIFACTS = join(ROOT, 'test-artifacts');

const HOSTILE = '<img src=x onerror=alert(1)>.env';

interface JsonFinding {
  ruleId: string;
  path: string;
  source: string;
  secretHash: string;
  presentAtHead?: boolean;
  liveAt?: string[];
  commit?: string;
}

/** A history with four authors over nine months: a removed key, a key on an unmerged branch, one key in two files, a hostile file name. */
function plantedRepo(): { dir: string; secrets: string[]; password: string } {
  const dir = makeRepo();
  const stripe = tokens.stripeLive();
  const aws = tokens.awsKeyId();
  const slack = tokens.slackBot();
  const github = tokens.githubPat();
  const npm = tokens.npm();
  const who = (name: string, date: string) => ({ name, email: `${name.split(' ')[0]?.toLowerCase()}@example.com`, date });
  commit(dir, 'init', { 'README.md': '# payments\n' }, who('Alice', '2024-01-15T10:00:00Z'));
  commit(dir, 'payments', { 'config/payments.ts': `export const key = '${stripe}';\n` }, who('Alice', '2024-02-03T10:00:00Z'));
  commit(
    dir,
    'deploy',
    { 'deploy/aws.env': `AWS_ACCESS_KEY_ID=${aws}\n`, 'scripts/copy.sh': `export AWS_ACCESS_KEY_ID=${aws}\n` },
    who('Bob', '2024-04-20T10:00:00Z'),
  );
  commit(
    dir,
    'slack',
    { 'ops/slack.json': `{"token": "${slack}"}\n`, [HOSTILE]: `SLACK=${slack}\n` },
    who('Carol & "Ops" Team', '2024-07-09T10:00:00Z'),
  );
  commit(dir, 'ci', { '.github/ci.yml': `env:\n  TOKEN: ${github}\n` }, who('Dave', '2024-08-12T10:00:00Z'));
  commit(
    dir,
    'remove the stripe key',
    { 'config/payments.ts': 'export const key = process.env.STRIPE;\n' },
    who('Bob', '2024-09-01T10:00:00Z'),
  );
  git(dir, 'checkout', '-q', '-b', 'release-1.x');
  commit(dir, 'npm', { '.npmrc': `//registry.npmjs.org/:_authToken=${npm}\n` }, who('Dave', '2024-10-02T10:00:00Z'));
  git(dir, 'checkout', '-q', 'main');
  // A remote URL with a credential in it: links go to the forge, the credential goes nowhere.
  const password = `pw${tokens.awsKeyId().slice(4, 14)}`;
  git(dir, 'remote', 'add', 'origin', `https://deploy:${password}@github.com/acme/payments.git`);
  return { dir, secrets: [stripe, aws, slack, github, npm], password };
}

describe.skipIf(CHROMIUM === undefined && !REQUIRED)(
  `the HTML report in headless Chromium${CHROMIUM === undefined ? ' (skipped: no chromium; apt-get install chromium, or set CHROMIUM_PATH)' : ''}`,
  () => {
    let browser: Browser;
    let planted: ReturnType<typeof plantedRepo>;
    let htmlFile: string;
    let report: { findings: JsonFinding[]; stats: { commitsScanned?: number } };
    let providers: Map<string, string>;

    beforeAll(async () => {
      if (CHROMIUM === undefined) throw new Error('chromium is not installed (apt-get install -y chromium); it is required in CI');
      planted = plantedRepo();
      const out = tempDir();
      htmlFile = join(out, 'report.html');
      const r = await keyscan(['--history', '-f', 'html', '-o', htmlFile, '-f', 'json', '-o', join(out, 'report.json')], {
        cwd: planted.dir,
      });
      expect(r.code, r.stderr).toBe(1);
      report = JSON.parse(readFileSync(join(out, 'report.json'), 'utf8'));
      const rules = JSON.parse((await keyscan(['rules', '--json'], { cwd: out })).stdout) as {
        rules: Array<{ id: string; provider: string }>;
      };
      providers = new Map(rules.rules.map((rule) => [rule.id, rule.provider]));
      browser = await chromium.launch({
        executablePath: CHROMIUM,
        args: ['--headless', '--no-sandbox', '--disable-gpu', '--disable-background-networking'],
      });
    });
    afterAll(async () => {
      await browser?.close();
    });

    async function open() {
      const page = await browser.newPage({ viewport: { width: 1400, height: 1000 } });
      const problems: string[] = [];
      const requests: string[] = [];
      page.on('console', (m) => {
        if (m.type() === 'error' || m.type() === 'warning') problems.push(`${m.type()}: ${m.text()}`);
      });
      page.on('pageerror', (e) => problems.push(`pageerror: ${e.message}`));
      page.on('dialog', (d) => {
        problems.push(`dialog: ${d.message()}`);
        void d.dismiss();
      });
      page.on('request', (req) => {
        if (!/^(?:file|data):/.test(req.url())) requests.push(req.url());
      });
      await page.goto(pathToFileURL(htmlFile).href, { waitUntil: 'load' });
      return { page, problems, requests };
    }

    it('loads with no console error, no dialog and no network request, and saves a screenshot', async () => {
      const { page, problems, requests } = await open();
      await page.waitForTimeout(200);
      expect(problems).toEqual([]);
      expect(requests).toEqual([]);
      mkdirSync(ARTIFACTS, { recursive: true });
      await page.screenshot({ path: join(ARTIFACTS, 'html-report.png'), fullPage: true });
      if (process.env.KEYSCAN_UPDATE_SCREENSHOT === '1')
        await page.screenshot({ path: join(ROOT, 'docs', 'html-report.png'), fullPage: true });
      await page.close();
    });

    it("shows the JSON report's numbers in its headline", async () => {
      const { page } = await open();
      const metric = async (name: string): Promise<string> => (await page.locator(`[data-metric="${name}"] .value`).textContent()) ?? '';
      const secrets = report.findings.filter((f) => f.source !== 'check');
      const live = (f: JsonFinding): boolean => (f.liveAt !== undefined ? f.liveAt.length > 0 : f.presentAtHead === true);
      const distinct = new Set(secrets.map((f) => f.secretHash));
      expect(distinct.size).toBe(planted.secrets.length);
      expect(await metric('secrets')).toBe(String(distinct.size));
      expect(await metric('live')).toBe(String(new Set(secrets.filter(live).map((f) => f.secretHash)).size));
      expect(await metric('providers')).toBe(String(new Set(secrets.map((f) => providers.get(f.ruleId))).size));
      expect(await metric('locations')).toBe(String(secrets.length));
      expect(await metric('commits')).toBe(String(report.stats.commitsScanned));
      expect(await metric('span')).toBe('2024-02-03 – 2024-10-02');
      await page.close();
    });

    it('sorts a table by clicking its header, both ways', async () => {
      const { page } = await open();
      const dates = () =>
        page.locator('#secrets tbody tr td:nth-child(5)').evaluateAll((cells) => cells.map((c) => c.getAttribute('data-sort') ?? ''));
      const before = await dates();
      await page.locator('#secrets th', { hasText: 'Introduced' }).locator('button').click();
      const ascending = await dates();
      expect(ascending).toEqual([...before].sort());
      await page.locator('#secrets th', { hasText: 'Introduced' }).locator('button').click();
      expect(await dates()).toEqual([...before].sort().reverse());
      expect(ascending).not.toEqual(before);
      await page.close();
    });

    it('filters by typing, and by clicking a name in a tally', async () => {
      const { page } = await open();
      const visible = () => page.locator('#secrets tbody tr:not([hidden])');
      await page.locator('input[data-filter="secrets"]').fill('deploy/aws.env');
      expect(await visible().count()).toBe(1);
      expect(await visible().first().textContent()).toContain('scripts/copy.sh');
      expect(await page.locator('[data-count-for="secrets"]').textContent()).toBe(`1 of ${planted.secrets.length}`);
      await page.locator('#by-provider button[data-pick="Stripe"]').click();
      expect(await page.locator('input[data-filter="secrets"]').inputValue()).toBe('Stripe');
      expect(await visible().count()).toBe(1);
      expect(await visible().first().textContent()).toContain('only in history');
      await page.locator('input[data-filter="by-path"]').fill('onerror');
      expect(await page.locator('#by-path tbody tr:not([hidden])').count()).toBe(1);
      await page.close();
    });

    it('holds no planted secret, no slice of one and no credential of the remote, and no markup from a file name', async () => {
      const { page } = await open();
      const dom = await page.content();
      for (const secret of planted.secrets) for (const slice of slices(secretBody(secret))) expect(dom).not.toContain(slice);
      expect(dom).not.toContain(planted.password);
      expect(dom).toContain('https://github.com/acme/payments/commit/');
      expect(await page.locator('img').count()).toBe(0);
      expect(await page.locator('#by-path').textContent()).toContain(HOSTILE);
      // git drops < and > from names; what it keeps is shown as written.
      expect(await page.locator('#by-author').textContent()).toContain('Carol & "Ops" Team <carol@example.com>');
      await page.close();
    });
  },
);
