/**
 * Helpers that build catalogue entries (plain `RuleSpec` objects) for the two shapes most
 * provider credentials take: a token with a literal prefix, and a prefix-less value that is only
 * a credential when a provider name is assigned to it. They exist so that every rule of a shape
 * gets the same boundaries and the same assignment syntax; the result is ordinary data.
 */
import { isDistinctivePrefix, type RuleSpec } from '../src/catalogue/spec.js';

/** What every rule says about itself, apart from how it matches. */
export interface RuleInfo {
  readonly id: string;
  readonly description: string;
  readonly provider: string;
  readonly severity: RuleSpec['severity'];
  /** The first tag is the rule's family in accuracy reports. */
  readonly tags: readonly string[];
  /** Where to revoke it (the provider's page). */
  readonly revoke: string;
  /** How to issue a replacement and roll it out. */
  readonly rotate: string;
  /** The provider's documentation of the format. */
  readonly references: readonly string[];
  readonly positive: readonly string[];
  readonly negative: readonly string[];
  readonly entropy?: NonNullable<RuleSpec['entropy']>;
  readonly partner?: string;
  readonly validator?: NonNullable<RuleSpec['validator']>;
  readonly maxLength?: number;
  readonly allowSecret?: NonNullable<RuleSpec['allowSecret']>;
}

const escapeRegex = (literal: string): string => literal.replace(/[.*+?^${}()|[\]\\/]/g, '\\$&');

function base(info: RuleInfo): Omit<RuleSpec, 'regex' | 'keywords'> {
  const { revoke, rotate, positive, negative, ...rest } = info;
  return { ...rest, remediation: { revoke, rotate }, examples: { positive, negative } };
}

export interface TokenShape {
  /** Literal prefixes (`ghp_`); the token is one of them followed by `body`. */
  readonly prefixes: readonly string[];
  /** Regex source of what follows the prefix. */
  readonly body: string;
  /**
   * Characters that may not touch the token on either side (a character class body), so a
   * token is never cut out of a longer word. Default: base64url letters.
   */
  readonly edge?: string;
  /** Default: the prefixes, lowercased. */
  readonly keywords?: readonly string[];
}

/**
 * A documented prefix belongs to its provider: a value that starts with one and has another shape
 * is a mistyped, truncated or corrupted copy (`cfut_` and 21 characters), which the generic rules
 * then do not report either (`RuleSpec.owns`). Only prefixes that name one provider count.
 */
function ownedPrefixes(shape: TokenShape): Pick<RuleSpec, 'owns'> {
  const prefixes = shape.prefixes.filter(isDistinctivePrefix);
  if (prefixes.length === 0) return {};
  return { owns: { prefixes, value: `(?:${shape.prefixes.map(escapeRegex).join('|')})${shape.body}` } };
}

/** A token recognised by its literal prefix. */
export function token(info: RuleInfo, shape: TokenShape): RuleSpec {
  const edge = shape.edge ?? 'A-Za-z0-9_-';
  // "=" may end a base64 token but never precedes one: `TOKEN=<token>` must still match.
  const before = edge.replace('=', '');
  const prefixes = shape.prefixes.map(escapeRegex).join('|');
  return {
    // Windows only need to reach across the token itself; a longer token widens its window.
    maxLength: 256,
    ...base(info),
    // A string, compiled once by the catalogue (a RegExp here would be parsed twice at start-up).
    regex: `(?<![${before}])(?<secret>(?:${prefixes})${shape.body})(?![${edge}])`,
    keywords: shape.keywords ?? shape.prefixes.map((p) => p.toLowerCase()),
    ...ownedPrefixes(shape),
  };
}

/**
 * Regex source matching `word` in any letter case, with `_`, `.` or `-` or nothing between its
 * parts: `dd_api_key` matches `DD_API_KEY`, `ddApiKey`, `dd.api.key` and `dd-api-key`.
 */
export function anyCase(word: string): string {
  return [...word]
    .map((c) => (/[a-z]/i.test(c) ? `[${c.toLowerCase()}${c.toUpperCase()}]` : /[_.-]/.test(c) ? '[_.-]?' : escapeRegex(c)))
    .join('');
}

/** Words too common in code to prefilter on by themselves. */
const COMMON_WORDS = new Set(
  'line together segment checkout spaces elastic amplitude vault zoom drone sauce atlas sanity resend render google service system customer assembly kafka elasticsearch cognitive master client public private secret token access admin cloud generative azure meta remove abstract alpha better writer black polygon authorize redis uptime consul central modal toggl portkey parse login currency company boost'.split(
    ' ',
  ),
);

/**
 * Prefilter keywords for assignment names: the provider word when it is distinctive
 * (`datadog_api_key` → `datadog`), else every spelling of the whole name (`dd_api_key`,
 * `ddapikey`, `dd.api.key`, `dd-api-key`), since the regex accepts all of them.
 */
export function nameKeywords(names: readonly string[]): string[] {
  const out = new Set<string>();
  for (const name of names) {
    const parts = name.split(/[_.-]+/).filter((p) => p.length > 0);
    const first = parts[0] ?? name;
    if (first.length >= 5 && /^[a-z0-9]+$/.test(first) && !COMMON_WORDS.has(first)) out.add(first);
    else if (parts.length < 2) out.add(name);
    else for (const sep of ['_', '', '.', '-']) out.add(parts.join(sep));
  }
  return [...out];
}

/**
 * How a value is attached to a name: `=`, `:`, `=>`, `:=`, `??=`, an XML `key="name" value="…"`,
 * or a Kubernetes/compose env entry (`name: X` then `value: …`), after up to 40 characters of the
 * rest of the name. The NOT_AFTER words are checked before the XML ` value=` too: the rest of the
 * name may otherwise run over the closing quote (`key="HelpscoutAppId" value=` read as the name
 * `HelpscoutAppId" value` and `=`).
 */
const ASSIGN =
  '[^\\n=:;,]{0,40}?(?<!(?:NOT_AFTER)(?:["\'`]?\\]?[ \\t]{0,8}(?:\\?\\?|\\|\\|)?|["\']\\s+value\\s*))(?:["\'`]?\\]?[ \\t]{0,8}(?:\\?\\?=|\\|\\|=|=>|:=|=|:)|["\']?[ \\t]*\\r?\\n[ \\t]*value:|["\']\\s+value\\s*=)';
/**
 * A call's `"NAME", "value"`: only when the whole quoted string is the name (not `"${NAME}", "x"`),
 * and the name is the provider's alone or names a credential (`"DATADOG_API_KEY", …`): a list of
 * strings (a source map's names, `"devToolsConfigMiddleware","distDir"`) is not an assignment.
 */
const ARGUMENT = `(?:[\\w.-]{0,30}(?:${['key', 'token', 'secret', 'pass', 'auth', 'api', 'pat', 'sid'].map(anyCase).join('|')})[\\w.-]{0,12})?(?<!NOT_AFTER)["'\`][ \\t]{0,8},`;

export interface AssignedShape {
  /**
   * Lowercase words of which one must start the name the value is assigned to, within the same
   * line (`datadog` matches `DATADOG_API_KEY=`, `"datadog_app_key":`, `datadog.apiKey =`).
   */
  readonly names: readonly string[];
  /** Regex source of the credential itself. */
  readonly body: string;
  /** Characters that may not follow the value (a character class body). */
  readonly edge?: string;
  /** Default: `names`. */
  readonly keywords?: readonly string[];
  /**
   * Which of `names` say whose the value is by a mere mention on its line, shortly before it
   * (`new HubSpotAPI("<key>")`, `Using smartsheet <token>`), not only by an assignment to them.
   * Default: the {@link mentionable} `names`, for a rule with an entropy bar and a
   * {@link fixedLength} body;
   * `false`: assignments only (a rule whose names read as ordinary words or other things).
   */
  readonly mention?: readonly string[] | false;
  /**
   * The provider documents `body` as the format of every credential it issues under `names`, so
   * a value in another shape there is none (see `RuleSpec.owns`): the generic rules stay quiet
   * about it. Only where the documentation says so: a value this silences is never reported.
   */
  readonly owns?: true;
}

/** The name must not end like an identifier of something else: DATADOG_ORG_ID, SENTRY_URL. */
const NOT_AFTER_WORDS = ['id', 'url', 'name', 'user', 'username', 'email', 'host', 'region'];

/**
 * Provider names that are also ordinary English or programming words (or name something else
 * as often as the provider): their mention near a value says nothing about whose it is, so
 * rules named after them keep to the assignment shape. Checked against the catalogue's names.
 */
const ORDINARY_NAMES = new Set(
  'alchemy alpaca amadeus asana appcenter bluesky braintrust braze bunny buttondown cicero column conduit courier coveralls fauna fireworks gemini getresponse getstream harbor harvest healthchecks honeycomb influx ipdata ipgeolocation ipinfo keeper kraken leonardo monday neptune newsapi notion octopus papertrail particle permit pivotal postmark pushover raygun resend sanity shortcut smarty stability statuspage twitch unleash voyage weatherapi'.split(
    ' ',
  ),
);

/** Name parts that name no provider: `x-api-key` or `api_token` mention nobody in particular. */
const GENERIC_PARTS = new Set(
  'api key token secret access client auth private public app id password pat sk pk account service master'.split(' '),
);

/**
 * Whether a mention of `name` near a value identifies the provider: a single word of five or more
 * letters that is not an ordinary word (`smartsheet`, `bitmex`), or a compound identifier of eight
 * or more whose first part names something (`dd_api_key`, `monday_api_key`; not `x-api-key`).
 */
export function mentionable(name: string): boolean {
  if (!/^[a-z0-9]+(?:[_.-][a-z0-9]+)*$/.test(name)) return false;
  const parts = name.split(/[_.-]/);
  const first = parts[0] as string;
  if (parts.length === 1) return name.length >= 5 && /[a-z]/.test(name) && !COMMON_WORDS.has(name) && !ORDINARY_NAMES.has(name);
  return first.length >= 2 && !GENERIC_PARTS.has(first) && !parts.every((p) => GENERIC_PARTS.has(p) || p.length <= 1) && name.length >= 8;
}

/**
 * Whether every match of a body has one of a few exact lengths (`[a-f0-9]{32}`, a UUID,
 * `[A-Za-z0-9]{37}|[A-Za-z0-9]{26}`): only a documented exact length is a shape of its own
 * that a value merely mentioned near the name can be held to; `{24,32}` or `+` is a guess.
 */
export function fixedLength(body: string): boolean {
  // NOT_A_WORD only looks ahead: it consumes nothing.
  const bare = body
    .replaceAll(NOT_A_WORD, '')
    .replace(/\\./g, 'e')
    .replace(/\[[^\]]*\]/g, 'c')
    .replace(/\(\?(?:[:=!]|<[=!])/g, '(');
  return !/[*+?]|\{\d*,\d*\}/.test(bare);
}

/** Characters that end a mentioned value: a quote, space, closing bracket or separator, or the end of the text. */
const VALUE_END = '\\s"\'`),;\\]}<>&|';

/**
 * A name mentioned, not assigned: what may follow one of the rule's names (already matched) when
 * that name is one of `mentioned`, as a word or identifier part (not inside a longer lowercase
 * word: `cohere` in `coherent`): up to 40 characters of its line, then a delimiter (space, quote,
 * `(`, `=`, `:`, `,`) and the value. The value must stand alone (a {@link VALUE_END} after it, so
 * not a piece of a path, hash or URL), be 16 characters or more and hold both a digit and a
 * letter: without an assignment, only the value's own shape tells a key from an identifier or a
 * word. A name ending like an identifier of something else (`SMARTSHEET_SHEET_ID = …`), or a
 * value assigned to one further along (`… and id = …`), is not a mention.
 */
function mentionTail(mentioned: readonly string[], body: string, notAfter: string): string {
  // A short name may not continue a word (`bitmex` in `obitmexx`); a long one may (`getsmartsheet`).
  const short = mentioned.filter((n) => n.length < 7);
  const long = mentioned.filter((n) => n.length >= 7);
  const alternatives = (list: readonly string[]): string => list.map(anyCase).join('|');
  const name = [
    ...(short.length > 0 ? [`(?:(?<![A-Za-z])|(?<=[a-z])(?=[A-Z]))(?:${alternatives(short)})`] : []),
    ...(long.length > 0 ? [`(?:${alternatives(long)})`] : []),
  ].join('|');
  const run = `[^${VALUE_END}]`;
  return (
    // The name just matched is a mentionable one; a plural is the same name (`smartsheets`), a
    // lowercase letter after it makes another word. A name ending like an identifier is no mention
    // in an XML entry either (`key="HelpscoutAppId" value="…"`).
    `(?<=${name})(?:[sS](?![a-z]))?(?![a-z])(?![\\w.-]{0,40}?(?:${notAfter})(?:["'\`]?\\]?[ \\t]{0,8}(?:\\?\\?|\\|\\|)?[=:,]|["']\\s+value\\s*=))` +
    `[^\\n]{0,40}?[ \\t"'\`(=:,]` +
    `(?<!(?:${notAfter})["'\`]?\\]?[ \\t]{0,8}(?:\\?\\?|\\|\\|)?(?::=|=|:|,)[ \\t]{0,8}["'\`]?)` +
    `(?=(?:${body})(?!${run}))(?=${run}{16})(?=${run}{0,300}?[0-9])(?=${run}{0,300}?[A-Za-z])`
  );
}

/**
 * A credential without a prefix of its own: only reported where it is assigned to a name that
 * mentions the provider (or, see {@link AssignedShape.mention}, where the name is mentioned just
 * before it), since the same 32 hex digits elsewhere are a hash or an id.
 */
export function assigned(info: RuleInfo, shape: AssignedShape): RuleSpec {
  const edge = shape.edge ?? 'A-Za-z0-9_-';
  const names = shape.names.map(anyCase).join('|');
  const notAfter = NOT_AFTER_WORDS.map(anyCase).join('|');
  // No entropy bar or no exact length, no mention: a mentioned value has only its own shape to vouch for it.
  const mention = shape.mention ?? (info.entropy === undefined ? [] : fixedLength(shape.body) ? shape.names.filter(mentionable) : []);
  const stray = mention === false ? [] : mention.filter((m) => !shape.names.includes(m));
  if (stray.length > 0) throw new Error(`${info.id}: mention ${stray.join(', ')}: list only names the rule already has in names`);
  const assignment = `(?:${ASSIGN}|${ARGUMENT})[ \\t]{0,8}["'\`]?(?:[Bb]earer[ \\t]{1,4})?`.replaceAll('NOT_AFTER', notAfter);
  // The regex starts with the names either way (a rule may add a word start in front of them).
  const after = mention === false || mention.length === 0 ? assignment : `(?:${assignment}|${mentionTail(mention, shape.body, notAfter)})`;
  return {
    ...base(info),
    // A value may carry its header's scheme: `calendly_token: "Bearer <jwt>"`.
    regex: `(?:${names})${after}(?<secret>${shape.body})(?![${edge}])`,
    keywords: shape.keywords ?? nameKeywords(shape.names),
    // A name that starts with the provider's holds what the provider issued: its documented format
    // where the rule says that is the only one, else at least no character that no issuer uses.
    ...ownedNames(shape),
  };
}

/**
 * The names as `owns` reads them, words that start a name (`ably_` and `ably.` are both `ably`);
 * names with other characters (`braintree::configuration.private_key`) are left to the regex.
 */
function ownedNames(shape: AssignedShape): Pick<RuleSpec, 'owns'> {
  const names = [...new Set(shape.names.map((n) => n.replace(/[_.-]+$/, '')))].filter((n) => /^[a-z0-9]+(?:[_.-][a-z0-9]+)*$/.test(n));
  if (names.length === 0) return {};
  return { owns: shape.owns ? { names, value: shape.body } : { names } };
}

/** A rule whose regex does not fit the two shapes above. */
export function custom(
  info: RuleInfo,
  match: { readonly regex: RegExp; readonly keywords: readonly string[]; readonly keywordsExact?: readonly string[] },
): RuleSpec {
  return { ...base(info), ...match };
}

/** What a short catalogue entry says; the examples are generated from `example`. */
export interface ShortRule {
  readonly id: string;
  readonly description: string;
  readonly provider: string;
  /** Default: high. */
  readonly severity?: RuleSpec['severity'];
  readonly revoke: string;
  readonly rotate: string;
  readonly references: readonly string[];
  /** Example template of the credential itself (`{{hex:32}}`, after any prefix). */
  readonly example: string;
  /** Default 3 bits per character; 0: no entropy bar (short or structured values). */
  readonly entropy?: number;
  /** Longer than the default window (256 characters). */
  readonly maxLength?: number;
}

/** The template with every generated run cut to a quarter: too short for the rule. */
const shortened = (template: string): string =>
  template.replace(/\{\{([A-Za-z0-9]+):(\d+)\}\}/g, (_, cls: string, n: string) => `{{${cls}:${Math.max(1, Math.floor(Number(n) / 4))}}}`);

/** The environment variable a name's users write: `binance` → `BINANCE_API_KEY`. */
const envName = (name: string): string =>
  name.toUpperCase().replace(/[.-]/g, '_') + (/(key|token|secret|password)$/i.test(name) ? '' : '_API_KEY');

function shortInfo(rule: ShortRule, tags: readonly string[], positive: string[], negative: string[]): RuleInfo {
  const { example: _example, entropy, severity, ...rest } = rule;
  return { ...rest, severity: severity ?? 'high', tags, positive, negative, ...(entropy === 0 ? {} : { entropy: entropy ?? 3 }) };
}

/**
 * `assigned()` with its examples generated: the value assigned to the first name in .env and JSON
 * form; negatives are a value too short and the right value under a name of no provider.
 */
export function named(tags: readonly string[], rule: ShortRule, shape: AssignedShape): RuleSpec {
  const name = shape.names[0] ?? rule.provider.toLowerCase();
  const env = envName(name);
  return assigned(
    shortInfo(
      rule,
      tags,
      [`${env}=${rule.example}`, `{ "${name}_secret": "${rule.example}" }`],
      [`${env}=${shortened(rule.example)}`, `api_key = "${rule.example}"`],
    ),
    shape,
  );
}

/**
 * `token()` with its examples generated from the first prefix: bare and in .env form; negatives
 * are the body too short and the token glued to a longer word.
 */
export function prefixed(tags: readonly string[], rule: ShortRule, shape: TokenShape): RuleSpec {
  const prefix = shape.prefixes[0] ?? '';
  const value = `${prefix}${rule.example}`;
  return token(
    shortInfo(
      rule,
      tags,
      [value, `${envName(rule.provider.replace(/[^A-Za-z0-9]+/g, '_'))}="${value}"`],
      [`${prefix}${shortened(rule.example)}`, `x${value}`],
    ),
    shape,
  );
}

/** Regex source of a lowercase UUID (many providers' keys are plain UUIDs). */
export const UUID = '[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}';
/** Example template of a UUID. */
export const UUID_EXAMPLE = '{{hex:8}}-{{hex:4}}-4{{hex:3}}-a{{hex:3}}-{{hex:12}}';
/** Regex source of a JSON web token (some providers' API keys are JWTs). */
export const JWT_BODY = 'eyJ[A-Za-z0-9_-]{10,500}\\.eyJ[A-Za-z0-9_-]{10,2000}\\.[A-Za-z0-9_-]{20,400}';
/** Example template of a JWT. */
export const JWT_EXAMPLE = 'eyJ{{b64url:36}}.eyJ{{b64url:80}}.{{b64url:43}}';

/**
 * Prefix for the body of a prefix-less value whose alphabet also spells identifiers and
 * placeholders: the value may not be only lowercase letters and `_.-` (`emailjs_access_token`)
 * or only capitals and `_.-` (`YOUR_TOKEN_HERE`). A random key of 20+ characters almost always
 * has a digit or both cases.
 */
export const NOT_A_WORD = '(?![a-z_.-]{1,300}(?![A-Za-z0-9_.-])|[A-Z_.-]{1,300}(?![A-Za-z0-9_.-]))';
