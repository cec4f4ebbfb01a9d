/**
 * What the audit reports (HTML, markdown) show, computed once: headline numbers, introductions by
 * month, tallies by provider, severity, author and path, and every secret with its locations.
 * Pure: text is raw here and escaped by each renderer for its own syntax.
 */
import { type Finding, SEVERITIES, type Severity } from '../types.js';
import { type ReportContext, type ReportRule, shownSecret } from './context.js';
import { groupFindings, type SecretGroup } from './group.js';
import { livenessWords } from './liveness.js';

export interface AuditSecret {
  readonly group: SecretGroup;
  readonly rule: ReportRule | undefined;
  readonly provider: string;
  /** The secret as every format shows it: masked unless asked otherwise. */
  readonly shown: string;
  readonly live: boolean;
  readonly livenessText: string;
}

export interface Tally {
  readonly name: string;
  readonly secrets: number;
  readonly live: number;
  /** Locations (a secret at three paths counts three). */
  readonly locations: number;
  readonly worst: Severity;
}

export interface MonthCount {
  /** `2024-03` */
  readonly month: string;
  readonly live: number;
  readonly history: number;
}

export interface Audit {
  /** Secrets, worst first: live before history-only, then severity, then newest introduction. */
  readonly secrets: readonly AuditSecret[];
  /** Env-file issues (no secret value: a committed .env, a template holding a real value). */
  readonly issues: readonly Finding[];
  readonly headline: {
    readonly secrets: number;
    readonly live: number;
    readonly providers: number;
    readonly locations: number;
    readonly commitsScanned: number | undefined;
    readonly filesScanned: number;
    /** Earliest and latest author dates of introductions, `YYYY-MM-DD`. */
    readonly firstDate: string | undefined;
    readonly lastDate: string | undefined;
  };
  readonly months: readonly MonthCount[];
  readonly byProvider: readonly Tally[];
  readonly bySeverity: readonly Tally[];
  readonly byAuthor: readonly Tally[];
  readonly byPath: readonly Tally[];
}

const RANK = new Map(SEVERITIES.map((s, i) => [s, i]));
const rank = (s: Severity): number => RANK.get(s) ?? SEVERITIES.length;

export function buildAudit(ctx: ReportContext): Audit {
  const rules = new Map(ctx.rules.map((r) => [r.id, r]));
  const groups = groupFindings(ctx.result.findings);
  const issues = groups.filter((g) => g.findings[0].source === 'check').map((g) => g.findings[0]);
  const secrets = groups
    .filter((g) => g.findings[0].source !== 'check')
    .map((group): AuditSecret => {
      const rule = rules.get(group.findings[0].ruleId);
      return {
        group,
        rule,
        provider: rule?.provider ?? 'Other',
        shown: shownSecret(group.findings[0], ctx.reveal),
        live: group.liveness?.live === true,
        livenessText: livenessWords(group.liveness),
      };
    })
    .sort(worstFirst);
  const dates = secrets.flatMap((s) => (s.group.introduced?.date ? [s.group.introduced.date.slice(0, 10)] : [])).sort();
  const { stats } = ctx.result;
  return {
    secrets,
    issues,
    headline: {
      secrets: secrets.length,
      live: secrets.filter((s) => s.live).length,
      providers: new Set(secrets.map((s) => s.provider)).size,
      locations: secrets.reduce((n, s) => n + s.group.findings.length, 0),
      commitsScanned: stats.commitsScanned,
      filesScanned: stats.filesScanned,
      firstDate: dates[0],
      lastDate: dates.at(-1),
    },
    months: byMonth(secrets),
    byProvider: tally(secrets, (s) => whole(s.provider)(s)),
    bySeverity: tally(secrets, (s) => whole(s.group.severity)(s)).sort((a, b) => rank(a.worst) - rank(b.worst)),
    byAuthor: tally(secrets, (s) => whole(authorOf(s.group.introduced))(s)),
    byPath: tally(secrets, perPath),
  };
}

/** The author of a secret found in files, not commits. */
export const NO_AUTHOR = '—';

/** `Eve <eve@example.com>`, or a dash when the scan did not read history. */
export function authorOf(f: Finding | undefined): string {
  if (f?.author === undefined) return NO_AUTHOR;
  return f.authorEmail ? `${f.author} <${f.authorEmail}>` : f.author;
}

function worstFirst(a: AuditSecret, b: AuditSecret): number {
  if (a.live !== b.live) return a.live ? -1 : 1;
  const bySeverity = rank(a.group.severity) - rank(b.group.severity);
  if (bySeverity !== 0) return bySeverity;
  const da = a.group.introduced?.date ?? '';
  const db = b.group.introduced?.date ?? '';
  return da === db ? 0 : da < db ? 1 : -1;
}

/** Secrets introduced per month, every month from the first to the last (empty months too). */
function byMonth(secrets: readonly AuditSecret[]): MonthCount[] {
  const counts = new Map<string, { live: number; history: number }>();
  for (const s of secrets) {
    const date = s.group.introduced?.date;
    if (date === undefined || !/^\d{4}-\d{2}/.test(date)) continue;
    const month = date.slice(0, 7);
    const c = counts.get(month) ?? { live: 0, history: 0 };
    if (s.live) c.live++;
    else c.history++;
    counts.set(month, c);
  }
  const months = [...counts.keys()].sort();
  const first = months[0];
  const last = months.at(-1);
  if (first === undefined || last === undefined) return [];
  const out: MonthCount[] = [];
  let [y, m] = first.split('-').map(Number) as [number, number];
  // Bounded: a bogus year in a commit date must not make a million empty months.
  for (let i = 0; i < 1200; i++) {
    const month = `${String(y).padStart(4, '0')}-${String(m).padStart(2, '0')}`;
    out.push({ month, ...(counts.get(month) ?? { live: 0, history: 0 }) });
    if (month >= last) break;
    m++;
    if (m > 12) {
      m = 1;
      y++;
    }
  }
  return out;
}

/** Secrets per name; `keys` gives each secret's names with how many of its locations each has. */
function tally(secrets: readonly AuditSecret[], keys: (s: AuditSecret) => ReadonlyArray<readonly [string, number]>): Tally[] {
  const out = new Map<string, { secrets: number; live: number; locations: number; worst: Severity }>();
  for (const s of secrets) {
    for (const [name, locations] of keys(s)) {
      const t = out.get(name) ?? { secrets: 0, live: 0, locations: 0, worst: s.group.severity };
      t.secrets++;
      if (s.live) t.live++;
      t.locations += locations;
      if (rank(s.group.severity) < rank(t.worst)) t.worst = s.group.severity;
      out.set(name, t);
    }
  }
  return [...out.entries()]
    .map(([name, t]) => ({ name, ...t }))
    .sort((a, b) => b.secrets - a.secrets || rank(a.worst) - rank(b.worst) || (a.name < b.name ? -1 : a.name > b.name ? 1 : 0));
}

const whole = (name: string) => (s: AuditSecret) => [[name, s.group.findings.length] as const];
const perPath = (s: AuditSecret) => s.group.paths.map((p) => [p, s.group.findings.filter((f) => f.path === p).length] as const);
