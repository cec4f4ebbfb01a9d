import type { ReportContext } from './context.js';
import { type ReportFormat, reporter } from './formats.js';

export function render(format: ReportFormat, ctx: ReportContext): string {
  return reporter(format).render(ctx);
}
