/**
 * Validates a value against the subset of JSON Schema (draft-07) that {@link CONFIG_SCHEMA} uses,
 * and words each problem for a person: the key path (`allowlist.paths[2]`) and what is wrong.
 * Supported: type, properties, required, additionalProperties, propertyNames, items, enum,
 * minimum, maximum, minLength, pattern (+ errorMessage), format (by callback) and local $ref.
 * A keyword outside this subset throws, so the schema cannot silently grow past the checker.
 */

export interface SchemaNode {
  readonly $ref?: string;
  readonly type?: 'object' | 'array' | 'string' | 'number' | 'integer' | 'boolean';
  readonly properties?: Readonly<Record<string, SchemaNode>>;
  readonly required?: readonly string[];
  readonly additionalProperties?: boolean | SchemaNode;
  readonly propertyNames?: SchemaNode;
  readonly items?: SchemaNode;
  readonly enum?: readonly unknown[];
  readonly minimum?: number;
  readonly maximum?: number;
  readonly minLength?: number;
  readonly pattern?: string;
  readonly errorMessage?: string;
  readonly format?: string;
  readonly definitions?: Readonly<Record<string, SchemaNode>>;
}

/** Keywords that only annotate (or that the checker handles above); anything else is refused. */
const ANNOTATIONS = new Set(['$schema', '$id', 'title', 'description', 'default', 'examples', 'markdownDescription']);
const HANDLED = new Set([
  '$ref',
  'type',
  'properties',
  'required',
  'additionalProperties',
  'propertyNames',
  'items',
  'enum',
  'minimum',
  'maximum',
  'minLength',
  'pattern',
  'errorMessage',
  'format',
  'definitions',
]);

export interface SchemaProblem {
  /** Key path, e.g. `rules[0] (acme-key).regex`; `(top level)` for the document itself. */
  readonly path: string;
  readonly problem: string;
}

/** Checks a string with a custom format; `parent` is the object or list that holds it. */
export type FormatCheck = (value: string, parent: unknown) => string | undefined;

export function checkSchema(value: unknown, root: SchemaNode, formats: Readonly<Record<string, FormatCheck>> = {}): SchemaProblem[] {
  const problems: SchemaProblem[] = [];
  const resolve = (node: SchemaNode): SchemaNode => {
    if (node.$ref === undefined) return node;
    const name = /^#\/definitions\/(.+)$/.exec(node.$ref)?.[1];
    const target = name === undefined ? undefined : root.definitions?.[name];
    if (target === undefined) throw new Error(`schema: unresolvable $ref ${node.$ref}`);
    return resolve(target);
  };

  const visit = (v: unknown, raw: SchemaNode, path: string, parent: unknown): void => {
    const node = resolve(raw);
    for (const key of Object.keys(node)) {
      if (!HANDLED.has(key) && !ANNOTATIONS.has(key)) throw new Error(`schema: keyword "${key}" is not supported by checkSchema`);
    }
    const say = (problem: string): void => {
      problems.push({ path: path === '' ? '(top level)' : path, problem });
    };
    if (node.type !== undefined && !hasType(v, node.type)) {
      say(TYPE_WORDS[node.type]);
      return;
    }
    if (node.enum !== undefined && !node.enum.includes(v)) {
      say(`must be one of ${node.enum.map(String).join(', ')}`);
      return;
    }
    if (typeof v === 'number') {
      if ((node.minimum !== undefined && v < node.minimum) || (node.maximum !== undefined && v > node.maximum)) {
        say(`must be from ${node.minimum ?? '-∞'} to ${node.maximum ?? '∞'}`);
      }
    }
    if (typeof v === 'string') {
      if (node.minLength !== undefined && v.length < node.minLength) {
        say(node.minLength === 1 ? 'must not be empty' : `must be at least ${node.minLength} characters long`);
        return;
      }
      if (node.pattern !== undefined && !new RegExp(node.pattern, 'u').test(v)) {
        say(node.errorMessage ?? `must match ${node.pattern}`);
        return;
      }
      const check = node.format === undefined ? undefined : formats[node.format];
      const problem = check?.(v, parent);
      if (problem !== undefined) say(problem);
    }
    if (Array.isArray(v) && node.items !== undefined) {
      v.forEach((item, i) => {
        visit(item, node.items as SchemaNode, `${path}[${i}]${idLabel(item)}`, v);
      });
    }
    if (isObject(v)) visitObject(v, node, path, say);
  };

  const visitObject = (v: Record<string, unknown>, node: SchemaNode, path: string, say: (p: string) => void): void => {
    const known = Object.keys(node.properties ?? {});
    for (const key of node.required ?? []) if (!(key in v)) say(`"${key}" is required`);
    for (const [key, item] of Object.entries(v)) {
      const at = path === '' ? key : `${path}.${key}`;
      const declared = node.properties?.[key];
      if (declared !== undefined) {
        visit(item, declared, at, v);
        continue;
      }
      if (node.propertyNames !== undefined) {
        const before = problems.length;
        visit(key, node.propertyNames, at, v);
        if (problems.length > before) continue;
      }
      if (node.additionalProperties === false) {
        const hint = closest(key, known);
        problems.push({
          path: at,
          problem: `unknown key${hint ? ` (did you mean "${hint}"?)` : ''} (known keys: ${known.join(', ')})`,
        });
      } else if (typeof node.additionalProperties === 'object') {
        visit(item, node.additionalProperties, at, v);
      }
    }
  };

  visit(value, root, '', undefined);
  return problems;
}

const TYPE_WORDS: Record<NonNullable<SchemaNode['type']>, string> = {
  object: 'must be an object (a mapping of keys to values)',
  array: 'must be a list',
  string: 'must be a string',
  number: 'must be a number',
  integer: 'must be a whole number',
  boolean: 'must be true or false',
};

function hasType(v: unknown, type: NonNullable<SchemaNode['type']>): boolean {
  switch (type) {
    case 'object':
      return isObject(v);
    case 'array':
      return Array.isArray(v);
    case 'string':
      return typeof v === 'string';
    case 'number':
      return typeof v === 'number' && Number.isFinite(v);
    case 'integer':
      return Number.isInteger(v);
    case 'boolean':
      return typeof v === 'boolean';
  }
}

export function isObject(v: unknown): v is Record<string, unknown> {
  return typeof v === 'object' && v !== null && !Array.isArray(v);
}

/** `rules[0] (acme-key)`: list items that have an id are named by it, so messages are easy to place. */
function idLabel(item: unknown): string {
  return isObject(item) && typeof item.id === 'string' && /^[\w-]{1,64}$/.test(item.id) ? ` (${item.id})` : '';
}

/** The known key a typo most likely meant: same letters ignoring case, or at most two edits away. */
export function closest(key: string, known: readonly string[]): string | undefined {
  let best: string | undefined;
  let bestDistance = 3;
  for (const k of known) {
    const d = k.toLowerCase() === key.toLowerCase() ? 0 : editDistance(k, key);
    if (d < bestDistance) {
      best = k;
      bestDistance = d;
    }
  }
  return best;
}

function editDistance(a: string, b: string): number {
  let row = Array.from({ length: b.length + 1 }, (_v, j) => j);
  for (let i = 1; i <= a.length; i++) {
    const next = [i];
    for (let j = 1; j <= b.length; j++) {
      const cost = a[i - 1] === b[j - 1] ? 0 : 1;
      next.push(Math.min((row[j] as number) + 1, (next[j - 1] as number) + 1, (row[j - 1] as number) + cost));
    }
    row = next;
  }
  return row[b.length] as number;
}
