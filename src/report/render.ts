import type { ReportContext, ReportFormat } from './context.js';
import { renderJson } from './json.js';
import { renderSarif } from './sarif.js';
import { renderText } from './text.js';

export function render(format: ReportFormat, ctx: ReportContext): string {
  switch (format) {
    case 'json':
      return renderJson(ctx);
    case 'sarif':
      return renderSarif(ctx);
    case 'text':
      return renderText(ctx);
  }
}
