export function covers(secret: string, target: string | null): boolean;
export function shapeOf(token: string | null): string;
export function contextOf(text: string, target: string | null): string;

export interface ExternalCase {
  source: string;
  provider: string;
  text: string;
  targets: (string | null)[];
  positive: boolean;
}
export interface ProviderRow {
  targets: number;
  found: number;
  negatives: number;
  flagged: number;
  flaggedApart: number;
  notNegative: { reason: string; rules: string[] }[];
  flaggedBy: Set<string>;
  [key: string]: unknown;
}
export function tally(
  cases: ExternalCase[],
  findingsByCase: Map<number, { ruleId: string; secret: string }[]>,
  notNegative?: (c: ExternalCase) => string | undefined,
): ProviderRow[];
export function summarise(rows: ProviderRow[]): {
  found: number;
  flagged: number;
  flaggedApart: number;
  precision: number;
  precisionApart: number;
  [key: string]: unknown;
};
