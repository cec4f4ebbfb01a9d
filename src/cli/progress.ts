import type { ScanProgress } from '../scan.js';

const INTERVAL_MS = 200;

/**
 * One self-rewriting line on stderr: commits (or files) done, bytes, rate and ETA. Counts only,
 * never content, so it cannot leak a secret.
 */
export class ProgressLine {
  readonly #out: { write(chunk: string): unknown };
  readonly #started = performance.now();
  #last = Number.NEGATIVE_INFINITY;
  #shown = false;

  constructor(out: { write(chunk: string): unknown }) {
    this.#out = out;
  }

  update(p: ScanProgress): void {
    const now = performance.now();
    if (now - this.#last < INTERVAL_MS) return;
    this.#last = now;
    this.#shown = true;
    this.#out.write(`\r\u001b[2K${describe(p, (now - this.#started) / 1000)}`);
  }

  clear(): void {
    if (this.#shown) this.#out.write('\r\u001b[2K');
    this.#shown = false;
  }
}

export function describe(p: ScanProgress, seconds: number): string {
  const mb = `${(p.bytesScanned / 1e6).toFixed(1)} MB`;
  if (p.commitsTotal !== undefined) {
    const rate = seconds > 0 ? p.commitsScanned / seconds : 0;
    const left = rate > 0 ? (p.commitsTotal - p.commitsScanned) / rate : undefined;
    const pct = p.commitsTotal > 0 ? ((100 * p.commitsScanned) / p.commitsTotal).toFixed(1) : '100.0';
    return `keyscan: ${p.commitsScanned}/${p.commitsTotal} commits (${pct}%) · ${mb} · ${rate.toFixed(0)} commits/s${left === undefined ? '' : ` · ETA ${duration(left)}`}`;
  }
  return `keyscan: ${p.filesScanned} files · ${mb} · ${(p.bytesScanned / 1e6 / Math.max(seconds, 0.001)).toFixed(0)} MB/s`;
}

function duration(seconds: number): string {
  if (seconds < 60) return `${Math.ceil(seconds)}s`;
  const m = Math.floor(seconds / 60);
  return m < 60
    ? `${m}m${String(Math.round(seconds % 60)).padStart(2, '0')}s`
    : `${Math.floor(m / 60)}h${String(m % 60).padStart(2, '0')}m`;
}
