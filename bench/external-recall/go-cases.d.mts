export type GoCase = { name: string; input: string; want: string[] } | { name: string; error: string };
export function tokenize(src: string): Array<{ t: string; v: string }>;
export function goCases(src: string): GoCase[];
export function goSampleLists(src: string): {
  samples: Array<{ ruleId: string; kind: 'positive' | 'negative'; text: string }>;
  skipped: number;
};
