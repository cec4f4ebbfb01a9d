import { createRequire as __keyscanCreateRequire } from 'node:module';
import { fileURLToPath as __keyscanFileURLToPath } from 'node:url';
const require = __keyscanCreateRequire(import.meta.url);
const __filename = __keyscanFileURLToPath(import.meta.url);
const __dirname = __keyscanFileURLToPath(new URL('.', import.meta.url));

// src/pool/worker.ts
import { parentPort, workerData } from "node:worker_threads";

// src/engine/placeholders.ts
var REFERENCE = [
  /^\$\{[^}]*\}$/,
  // ${VAR}
  /^\$\(.*\)$/,
  // $(command)
  /^\$[A-Z_][A-Z0-9_]*$/i,
  // $VAR
  /^%[A-Z_][A-Z0-9_]*%$/i,
  // %VAR%
  /^\{\{.*\}\}$/s,
  // {{ template }}
  /^\{%.*%\}$/s,
  /^<[^<>]*>$/,
  // <TOKEN>
  /^\[[^[\]]*\]$/,
  // [TOKEN]
  /^#\{.*\}$/,
  // #{ruby}
  /^%\([\w.]+\)[sd]$/,
  // %(name)s
  /(?:^|[^\w])(?:process\.env|import\.meta\.env|os\.environ|os\.getenv|getenv|System\.getenv|ENV\[|Deno\.env|secrets\.|vault:|ssm:|arn:aws:secretsmanager)/
];
var DUMMY_WORDS = /example|placeholder|your[_-]?(?:api[_-]?)?(?:key|token|secret|password|pass)|_here\b|here_|changeme|change[_-]me|redacted|dummy|sample[_-]?(?:key|token|secret)|insert[_-]?(?:your|key|token)|replace[_-]?(?:me|with)|not[_-]?a[_-]?real|fake[_-]?(?:key|token|secret)|(?:key|token|secret)[_-]?goes[_-]?here/i;
var SEQUENCES = ["0123456789", "abcdefghijklmnopqrstuvwxyz", "9876543210", "1234567890"];
var TYPED_RUNS = [
  "abcdefghijklmnopqrstuvwxyz",
  "0123456789",
  "9876543210",
  "1234567890",
  "qwertyuiop",
  "asdfghjkl",
  "zxcvbnm",
  "!@#$%^&*()"
];
function isPlaceholder(value2) {
  if (value2.length === 0) return true;
  for (const pattern of REFERENCE) if (pattern.test(value2)) return true;
  if (DUMMY_WORDS.test(value2)) return true;
  return isTypedFiller(value2);
}
function isTypedFiller(value2) {
  const body = value2.replace(/^[a-z]{1,8}[_-](?:[a-z]{2,8}[_-])?/i, "");
  if (body.length === 0) return true;
  if (value2.length < 100 && /(.)\1{5,}/.test(body)) return true;
  const lower = body.toLowerCase();
  for (const seq of SEQUENCES) {
    if (lower.length >= 6 && seq.includes(lower)) return true;
    if (lower.includes(seq.slice(0, 8))) return true;
  }
  if (isTypedSequence(lower) || hasTypedRun(lower) || isPeriodic(body) || repeatsTypedRun(lower)) return true;
  const counts = /* @__PURE__ */ new Map();
  for (const c of body) counts.set(c, (counts.get(c) ?? 0) + 1);
  const top = Math.max(...counts.values());
  return body.length >= 8 && top / body.length > 0.6;
}
function isTypedSequence(lower) {
  if (lower.length < 8) return false;
  let covered = 0;
  let longest = 0;
  for (let i = 0; i < lower.length; ) {
    let best = 1;
    for (const run of TYPED_RUNS) {
      const at = run.indexOf(lower[i]);
      if (at === -1) continue;
      let n = 1;
      while (i + n < lower.length && run[at + n] === lower[i + n]) n++;
      best = Math.max(best, n);
    }
    if (best >= 3) covered += best;
    longest = Math.max(longest, best);
    i += best;
  }
  if (covered >= lower.length - 2 && longest >= 6) return true;
  return isCountingUp(lower);
}
function hasTypedRun(lower) {
  return ascendingRuns(lower).some((n) => n >= 8);
}
function ascendingRuns(value2) {
  const kind = (c) => c >= 97 && c <= 122 ? 1 : c >= 65 && c <= 90 ? 2 : c >= 48 && c <= 57 ? 3 : 0;
  const runs = [];
  let n = 1;
  for (let i = 1; i <= value2.length; i++) {
    const c = value2.charCodeAt(i);
    const previous = value2.charCodeAt(i - 1);
    if (i < value2.length && c - previous === 1 && kind(c) !== 0 && kind(c) === kind(previous)) {
      n++;
      continue;
    }
    runs.push(n);
    n = 1;
  }
  return runs;
}
function repeatsTypedRun(lower) {
  const seen = /* @__PURE__ */ new Map();
  for (let i = 0; i + 4 <= lower.length; i++) {
    const four = lower.slice(i, i + 4);
    if (!TYPED_RUNS.some((run) => run.includes(four))) continue;
    const n = (seen.get(four) ?? 0) + 1;
    if (n >= 3) return true;
    seen.set(four, n);
  }
  return false;
}
function isPeriodic(body) {
  if (body.length < 12) return false;
  for (let unit = 1; unit <= 16 && unit * 3 <= body.length; unit++) {
    let same = true;
    for (let i = unit; i < body.length && same; i++) same = body[i] === body[i - unit];
    if (same) return true;
  }
  return false;
}
function isCountingUp(lower) {
  const body = lower.replace(/[-_ ]/g, "");
  const letters = body.replace(/[^a-z]/g, "");
  const digits = body.replace(/[^0-9]/g, "");
  if (letters.length < 4 || digits.length < 4 || body.length - letters.length - digits.length > Math.max(2, body.length / 16)) return false;
  const switches = body.match(/[a-z](?=[0-9])|[0-9](?=[a-z])/g)?.length ?? 0;
  if (switches < body.length / 4) return false;
  const slips = (s, base, size) => {
    let n = 0;
    for (let i = 1; i < s.length; i++) if ((s.charCodeAt(i) - base) % size !== (s.charCodeAt(i - 1) - base + 1) % size) n++;
    return n;
  };
  return slips(letters, 97, 26) + slips(digits, 48, 10) <= Math.floor(body.length / 16);
}

// src/engine/generic-value.ts
var NOT_A_SECRET_NAME = [
  // …_id, …_type, …_path: the value describes a secret rather than being one.
  /(?:^|_)(?:ids?|type|types|name|names|path|paths|file|files|filename|dir|url|uri|urls|endpoint|host|len|length|count|size|ttl|timeout|expiry|expires|expires_at|expires_in|expiration|header|headers|hash|hashed|digest|sha\d*|md5|format|version|label|hint|placeholder|field|fields|prompt|message|msg|policy|regex|pattern|prefix|suffix|env|var|ref|arn|question|rotation|enabled|required|mode|strategy|provider|method|style|limit|min|max|minimum|maximum|rule|rules|error|errors|title|description|text|template|example|schema|class|kind|location|store|storage|manager|source|input|button|link|icon|id_token_hint|param|params|option|options|encoding|algorithm|alg|usage|status|state|valid|validity|expired|visible|visibility|length_min|length_max|spec|specs|size_bytes|arn|alias|usage)$/,
  // Pagination and protocol values that are called tokens but grant nothing.
  /(?:^|_)(?:next|page|continuation|pagination|cursor|csrf|xsrf|authenticity|sync|request|client_request|idempotency|resume|marker|start|end|max|num|total|used|input|output|prompt|completion|cache|reasoning|special|bos|eos|pad|unk|sep|mask|stop)_?tokens?(?:_|$)/,
  /(?:^|_)tokeni[sz]e/,
  /(?:^|_)(?:forgot|reset|confirm|confirmation|change|new|old|current|repeat|retype|verify|show|hide|toggle|strength|policy|expired|invalid|wrong|missing)_?password$/
];
function secretName(before) {
  const words = before.replace(/(?:^|[^\w])[bBrRuUfF]{1,2}["'`]$/, "").match(/[A-Za-z0-9_.-]+/g) ?? [];
  if (words.length > 1 && words[words.length - 1] === "value") words.pop();
  const last = words[words.length - 1] ?? "";
  return last.replace(/([a-z0-9])([A-Z])/g, "$1_$2").replace(/([A-Z]+)([A-Z][a-z])/g, "$1_$2").toLowerCase().replace(/[.-]+/g, "_");
}
function isNonSecretName(name2) {
  if (NOT_A_SECRET_NAME.some((p) => p.test(name2))) return true;
  return !name2.split("_").some((part) => /^(?:pass|pwd)$|password|passwd|passphrase|secret|token|credential|key/.test(part));
}
var REFERENCES = [
  /^(?:ENC\[|ENC\(|\{cipher\}|\$ANSIBLE_VAULT|vault:v\d+:|AQICA)/,
  // sops, jasypt, Spring, Ansible, Vault transit, KMS ciphertext
  /^(?:op|sm|ssm|vault|awssm|gcpsm|azkv|secret|secrets|keyvault|akv|bws|doppler|infisical|k8s|kubernetes):\/?\//i,
  /^arn:aws:(?:secretsmanager|ssm|kms):/,
  /^projects\/[\w-]+\/secrets\//,
  /^@Microsoft\.KeyVault\(/,
  /^data:[\w.+-]+\/[\w.+-]+[;,]/
  // data URIs
];
var COMMON_PAIRS = new Set(
  "a:bcdgilmnprstuvy b:aejloruy c:aehiklortu d:aeiosu e:acdeflmnpqrstvxy f:aeioru g:eiu h:aeiort i:abcdefglmnorstv j:e k:e l:adeilostuy m:aeimop n:acdefgilopstu o:bcdfgklmnoprstuvw p:aeloprstu q:u r:acdeimnorstuy s:acehiopstu t:acehioprstuy u:deilmnprst v:aei w:aehios x:p y:op".split(" ").flatMap((entry) => [...entry.slice(2)].map((next) => entry[0] + next))
);
function looksLikeIdentifier(value2) {
  if (/^[0-9a-f]+$/i.test(value2)) return false;
  if (/^(?:[a-z]{2,}(?:[_-][a-z]{2,})+|[A-Z]{2,}(?:[_-][A-Z]{2,})+)$/.test(value2)) return true;
  const runs = value2.match(/[A-Z]{2,}(?![a-z])|[A-Z]?[a-z]+|[A-Z]/g) ?? [];
  let letters = 0;
  let pairs = 0;
  let common = 0;
  let longest = 0;
  for (const run of runs) {
    letters += run.length;
    longest = Math.max(longest, run.length);
    const word = run.toLowerCase();
    for (let i = 1; i < word.length; i++) {
      pairs++;
      if (COMMON_PAIRS.has(word.slice(i - 1, i + 1))) common++;
    }
  }
  if (letters === 0) return true;
  const digits = value2.replace(/[^0-9]/g, "").length;
  const innerNumbers = value2.match(/(?<=[A-Za-z])[0-9]+(?=[A-Za-z])/g)?.length ?? 0;
  return digits <= letters && innerNumbers <= 2 && longest >= 4 && pairs >= 6 && common / pairs >= 0.7;
}
function hasTypedStretches(value2) {
  if (/^[0-9a-f]+$/i.test(value2)) return false;
  const stretches = ascendingRuns(value2).filter((n) => n >= 3);
  const covered = stretches.reduce((sum, n) => sum + n, 0);
  return stretches.length >= 2 && covered >= 6 && covered * 4 >= value2.length;
}
var HOST_NAME = /^(?:[a-z0-9](?:[a-z0-9-]{0,61}[a-z0-9])?\.)+[a-z]{2,6}$/;
function looksLikePath(value2) {
  if (/^(?:~|\.{1,2})?\/[\w.@/-]*$/.test(value2) && !/[+=]/.test(value2) && !hasRandomSegment(value2)) return true;
  if (/^[A-Za-z]:\\/.test(value2)) return true;
  return /^[\w.@-]+(?:\/[\w.@-]+)+\.[A-Za-z][A-Za-z0-9]{0,5}$/.test(value2);
}
function hasRandomSegment(value2) {
  return value2.split("/").some((seg) => seg.length >= 24 && /[a-z]/.test(seg) && /[A-Z]/.test(seg) && /\d/.test(seg));
}
function looksLikeMemberExpression(value2) {
  return /^[@$]?[A-Za-z_$][\w$]*(?:(?:\.|::|->)[A-Za-z_$][\w$]*)+(?:\(\)?)?$/.test(value2) && !/[+/=]/.test(value2);
}
var PASSWORD_HASH = /^(?:\$(?:1|2[abxy]?|5|6|7|y|gy|apr1|argon2(?:id|i|d)|scrypt|pbkdf2(?:-sha\d+)?)\$|(?:pbkdf2_sha\d+|bcrypt(?:_sha256)?|argon2|scrypt)\$)/;
var SECRET_WORDS = /password|passwd|secret|token|credential/i;
function deLeet(value2) {
  return value2.replace(/[@4]/g, "a").replace(/3/g, "e").replace(/[1!]/g, "i").replace(/0/g, "o").replace(/[$5]/g, "s").replace(/7/g, "t");
}
function decodedText(value2) {
  if (value2.length < 12 || value2.length % 4 !== 0 || !/^[A-Za-z0-9+/]+={0,2}$/.test(value2)) return void 0;
  const decoded = Buffer.from(value2, "base64").toString("latin1");
  return /^[\x20-\x7e]+$/.test(decoded) ? decoded : void 0;
}
function isWordyText(text) {
  return SECRET_WORDS.test(text) || /^[A-Za-z]{1,12}(?:[-:_ .@][A-Za-z]{1,12})+$/.test(text);
}
function isSettingsQuery(value2) {
  if (!/^[\w.-]+=[^&=\s]*(?:&[\w.-]+=[^&=\s]*)+$/.test(value2)) return false;
  return !/(?:^|&)[\w.-]*(?:sig|signature|token|key|secret|pass|pwd|auth|code|credential)[\w.-]*=/i.test(value2);
}
function namesIssuedCredential(name2) {
  return /token|api_?key/.test(name2) && !/pass|pwd|secret|private|signing|encryption|master|session_key|salt|auth_key/.test(name2);
}
var NOT_ISSUED_CLASS = "?^$@#!*(){}<>,;'\"`\\\\";
var NOT_ISSUED_CHARACTER = new RegExp(`[${NOT_ISSUED_CLASS}]`);
var ISSUED_VALUE = new RegExp(`^[^${NOT_ISSUED_CLASS}\\s]+$`);
function isTypedForIssuedName(name2, value2) {
  return namesIssuedCredential(name2) && NOT_ISSUED_CHARACTER.test(value2.replace(/\\\//g, "/"));
}
function isNonSecretValue(value2) {
  if (/^\d+(?:\.\d+)*$/.test(value2)) return true;
  if (/\.{3}|\xe2\x80\xa6/.test(value2)) return true;
  if (/^(?:live|test)_pub_|^pk_(?:live|test)_/.test(value2)) return true;
  if (isSettingsQuery(value2)) return true;
  if (/^[A-Z][A-Z0-9]*(?:_[A-Z0-9]+)+$/.test(value2)) return true;
  if (REFERENCES.some((p) => p.test(value2))) return true;
  if (looksLikePath(value2) || looksLikeMemberExpression(value2) || HOST_NAME.test(value2)) return true;
  if (hasTypedStretches(value2)) return true;
  if (PASSWORD_HASH.test(value2) || SECRET_WORDS.test(deLeet(value2))) return true;
  const decoded = decodedText(value2);
  if (decoded !== void 0 && isWordyText(decoded)) return true;
  return looksLikeIdentifier(value2);
}
function isDummyPassword(password) {
  return isWordyText(password) || /^(?:pass|pwd|pw|test|admin|user|guest|demo|foo|bar|changeme)\d*$/i.test(password);
}

// src/engine/keyword-scan.ts
var WASM_AFTER = 1024 * 1024;
var BLOCK = 64 * 1024;
var LANES = 4;
var MIN_LANE = 1024;
var CLASSES = 64;
var DELTA = 512;
var wasm = globalThis.WebAssembly;
var scanners = /* @__PURE__ */ new WeakMap();
var scannedInJs = /* @__PURE__ */ new WeakMap();
function scanKeywords(m, data2, onHit, start, end) {
  let scanner = scanners.get(m);
  if (scanner === void 0) {
    const scanned = (scannedInJs.get(m) ?? 0) + (end - start);
    scannedInJs.set(m, scanned);
    if (scanned <= WASM_AFTER) {
      scanInJs(m, data2, onHit, start, end);
      return;
    }
    scanner = makeScanner(m);
    scanners.set(m, scanner);
  }
  const { run, i32, u8, out, block, warm } = scanner;
  const row = m.classCount * 4;
  const { outputs } = m;
  let state = 0;
  const laneStart = [0, 0, 0, 0];
  for (let b = start; b < end; b += BLOCK) {
    const length = Math.min(BLOCK, end - b);
    u8.set(data2.subarray(b, b + length), block);
    const lanes = length >= LANES * Math.max(MIN_LANE, warm) ? LANES : 1;
    for (let k = 0; k < LANES; k++) {
      const p = k * 4;
      if (k >= lanes) {
        i32[p] = block;
        i32[p + 1] = block;
        continue;
      }
      const from = Math.floor(k * length / lanes);
      const early = k === 0 ? from : from - (warm - 1);
      laneStart[k] = from;
      i32[p] = block + early;
      i32[p + 1] = block + Math.floor((k + 1) * length / lanes);
      i32[p + 2] = k === 0 ? state : 0;
      i32[p + 3] = out + 8 * (early + k * warm);
    }
    run();
    for (let k = 0; k < lanes; k++) {
      const p = k * 4;
      const from = laneStart[k];
      const first = out + 8 * ((k === 0 ? from : from - (warm - 1)) + k * warm) >> 2;
      const last = i32[p + 3] >> 2;
      for (let h = first; h < last; h += 2) {
        const at = i32[h] - block;
        if (at <= from && k > 0) continue;
        for (const id of outputs[i32[h + 1] / row]) onHit(id, b + at);
      }
    }
    state = i32[(lanes - 1) * 4 + 2];
  }
}
function scanInJs(m, data2, onHit, start, end) {
  const { delta, classes, acceptFrom, outputs } = m;
  const row = m.classCount * 4;
  let s = 0;
  for (let i = start; i < end; i++) {
    s = delta[(s >> 2) + classes[data2[i]]];
    if (s >= acceptFrom) {
      for (const id of outputs[s / row]) onHit(id, i + 1);
    }
  }
}
function makeScanner(m) {
  const warm = Math.max(1, m.maxLength);
  const tableEnd = DELTA + m.delta.byteLength;
  const out = tableEnd + (8 - tableEnd % 8) % 8;
  const block = out + 8 * (BLOCK + LANES * warm);
  const bytes = block + BLOCK;
  const memory = new wasm.Memory({ initial: Math.ceil(bytes / 65536) });
  const u8 = new Uint8Array(memory.buffer);
  u8.set(m.classes, CLASSES);
  u8.set(new Uint8Array(m.delta.buffer, m.delta.byteOffset, m.delta.byteLength), DELTA);
  const module = new wasm.Module(emit(m.acceptFrom));
  const instance = new wasm.Instance(module, { e: { m: memory } });
  const run = instance.exports.s;
  return { run, i32: new Int32Array(memory.buffer), u8, out, block, warm };
}
var uleb = (x) => {
  const o = [];
  let v = x >>> 0;
  do {
    let b = v & 127;
    v >>>= 7;
    if (v !== 0) b |= 128;
    o.push(b);
  } while (v !== 0);
  return o;
};
var sleb = (x) => {
  const o = [];
  let v = x | 0;
  for (; ; ) {
    const b = v & 127;
    v >>= 7;
    if (v === 0 && (b & 64) === 0 || v === -1 && (b & 64) !== 0) {
      o.push(b);
      return o;
    }
    o.push(b | 128);
  }
};
var section = (id, body) => [id, ...uleb(body.length), ...body];
var name = (s) => [...uleb(s.length), ...Buffer.from(s, "latin1")];
var I32 = 127;
var op = {
  block: 2,
  loop: 3,
  if: 4,
  end: 11,
  br: 12,
  brIf: 13,
  get: 32,
  set: 33,
  tee: 34,
  load: 40,
  load8: 45,
  store: 54,
  const: 65,
  geU: 79,
  add: 106,
  shl: 116,
  void: 64
};
function emit(acceptFrom) {
  const local = (k, field) => k * 4 + field;
  const body = [];
  for (let k = 0; k < LANES; k++) {
    for (let f = 0; f < 4; f++) {
      body.push(op.const, ...sleb(16 * k + 4 * f), op.load, 2, 0, op.set, local(k, f));
    }
  }
  const step = (k) => [
    // state = delta[state + class(byte) × 4]
    op.get,
    local(k, 2),
    op.get,
    local(k, 0),
    op.load8,
    0,
    0,
    op.load8,
    0,
    ...uleb(CLASSES),
    op.const,
    2,
    op.shl,
    op.add,
    op.load,
    2,
    ...uleb(DELTA),
    op.tee,
    local(k, 2),
    op.get,
    local(k, 0),
    op.const,
    1,
    op.add,
    op.set,
    local(k, 0),
    op.const,
    ...sleb(acceptFrom),
    op.geU,
    op.if,
    op.void,
    op.get,
    local(k, 3),
    op.get,
    local(k, 0),
    op.store,
    2,
    0,
    op.get,
    local(k, 3),
    op.get,
    local(k, 2),
    op.store,
    2,
    4,
    op.get,
    local(k, 3),
    op.const,
    8,
    op.add,
    op.set,
    local(k, 3),
    op.end
  ];
  const whileLane = (k) => [op.get, local(k, 0), op.get, local(k, 1), op.geU, op.brIf, 1];
  body.push(op.block, op.void, op.loop, op.void);
  for (let k = 0; k < LANES; k++) body.push(...whileLane(k));
  for (let k = 0; k < LANES; k++) body.push(...step(k));
  body.push(op.br, 0, op.end, op.end);
  for (let k = 0; k < LANES; k++) {
    body.push(op.block, op.void, op.loop, op.void, ...whileLane(k), ...step(k), op.br, 0, op.end, op.end);
  }
  for (let k = 0; k < LANES; k++) {
    body.push(op.const, ...sleb(16 * k + 8), op.get, local(k, 2), op.store, 2, 0);
    body.push(op.const, ...sleb(16 * k + 12), op.get, local(k, 3), op.store, 2, 0);
  }
  body.push(op.end);
  const fn = [1, ...uleb(LANES * 4), I32, ...body];
  return new Uint8Array([
    0,
    97,
    115,
    109,
    1,
    0,
    0,
    0,
    ...section(1, [1, 96, 0, 0]),
    // one type: () → ()
    ...section(2, [1, ...name("e"), ...name("m"), 2, 0, 1]),
    // imports memory e.m
    ...section(3, [1, 0]),
    ...section(7, [1, ...name("s"), 0, 0]),
    ...section(10, [1, ...uleb(fn.length), ...fn])
  ]);
}

// src/engine/keywords.ts
var encoder = new TextEncoder();
function buildKeywords(keywords) {
  const patterns = keywords.map((k) => encoder.encode(k.toLowerCase()));
  const classes = new Uint8Array(256);
  let classCount = 1;
  for (const p of patterns) {
    for (const b of p) {
      if (classes[b] === 0) classes[b] = classCount++;
    }
  }
  for (let b = 65; b <= 90; b++) {
    const lower = classes[b + 32] ?? 0;
    if (lower !== 0) classes[b] = lower;
  }
  const maxStates = 1 + patterns.reduce((n, p) => n + p.length, 0);
  const trie = new Int32Array(maxStates * classCount).fill(-1);
  const own = [[]];
  let stateCount = 1;
  patterns.forEach((p, id) => {
    let s = 0;
    for (const b of p) {
      const edge = s * classCount + (classes[b] ?? 0);
      let next = trie[edge];
      if (next === -1) {
        next = stateCount++;
        trie[edge] = next;
        own.push([]);
      }
      s = next;
    }
    own[s]?.push(id);
  });
  const delta = new Int32Array(stateCount * classCount);
  const fail = new Int32Array(stateCount);
  const outputs = new Array(stateCount).fill(void 0);
  const order = new Int32Array(stateCount);
  let queued = 1;
  for (let q = 0; q < queued; q++) {
    const s = order[q];
    const inherited = s === 0 ? void 0 : outputs[fail[s]];
    const mine = own[s] ?? [];
    if (mine.length > 0 || inherited !== void 0) {
      outputs[s] = inherited === void 0 ? mine : [...mine, ...inherited];
    }
    for (let c = 0; c < classCount; c++) {
      const child = trie[s * classCount + c];
      if (child !== -1) {
        fail[child] = s === 0 ? 0 : delta[fail[s] * classCount + c] / classCount;
        delta[s * classCount + c] = child * classCount;
        order[queued++] = child;
      } else {
        delta[s * classCount + c] = s === 0 ? 0 : delta[fail[s] * classCount + c];
      }
    }
  }
  return renumbered({ keywords, delta, classes, outputs, classCount, maxLength: patterns.reduce((n, p) => Math.max(n, p.length), 0) });
}
function renumbered(m) {
  const { classCount } = m;
  const stateCount = m.outputs.length;
  const order = [];
  for (let s = 0; s < stateCount; s++) if (m.outputs[s] === void 0) order.push(s);
  const acceptIndex = order.length;
  for (let s = 0; s < stateCount; s++) if (m.outputs[s] !== void 0) order.push(s);
  const renamed = new Int32Array(stateCount);
  order.forEach((s, i) => {
    renamed[s] = i;
  });
  const row = classCount * 4;
  const delta = new Int32Array(stateCount * classCount);
  for (let i = 0; i < stateCount; i++) {
    const from = order[i] * classCount;
    for (let c = 0; c < classCount; c++) delta[i * classCount + c] = renamed[m.delta[from + c] / classCount] * row;
  }
  return {
    keywords: [...m.keywords],
    delta,
    classes: m.classes,
    acceptFrom: acceptIndex * row,
    outputs: order.map((s) => m.outputs[s]),
    classCount,
    maxLength: m.maxLength
  };
}
function findKeywords(matcher, data2, onHit, start = 0, end = data2.length) {
  scanKeywords(matcher, data2, onHit, start, end);
}
function hasKeyword(matcher, text, start = 0, end = text.length) {
  const { delta, classes, acceptFrom } = matcher;
  let s = 0;
  for (let i = start; i < end; i++) {
    s = delta[(s >> 2) + classes[text[i]]];
    if (s >= acceptFrom) return true;
  }
  return false;
}
function deserializeKeywords(data2) {
  const headerLength = data2.readUInt32LE(0);
  const header = JSON.parse(data2.toString("utf8", 4, 4 + headerLength));
  let at = 4 + headerLength;
  const cells = header.outputs.length * header.classCount;
  const start = data2.byteOffset + at;
  let delta;
  if (start % 4 === 0) delta = new Int32Array(data2.buffer, start, cells);
  else {
    delta = new Int32Array(cells);
    Buffer.from(delta.buffer).set(data2.subarray(at, at + cells * 4));
  }
  at += cells * 4;
  const classes = data2.subarray(at, at + 256);
  const outputs = header.outputs.map((o) => o ?? void 0);
  const { keywords, classCount, acceptFrom, maxLength } = header;
  return { keywords, delta, classes, acceptFrom, outputs, classCount, maxLength };
}
var precompiled;
function offerPrecompiledKeywords(data2) {
  const matcher = deserializeKeywords(data2);
  precompiled = { key: matcher.keywords.join("\n"), matcher, data: data2 };
}
function compileKeywords(keywords) {
  if (precompiled !== void 0 && precompiled.key === keywords.join("\n")) return precompiled.matcher;
  return buildKeywords(keywords);
}

// src/engine/checksum.ts
var BASE62 = "0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz";
var CRC_TABLE = (() => {
  const table = new Uint32Array(256);
  for (let n = 0; n < 256; n++) {
    let c = n;
    for (let k = 0; k < 8; k++) c = c & 1 ? 3988292384 ^ c >>> 1 : c >>> 1;
    table[n] = c >>> 0;
  }
  return table;
})();
function crc32(text) {
  let crc = 4294967295;
  for (let i = 0; i < text.length; i++) crc = CRC_TABLE[(crc ^ text.charCodeAt(i)) & 255] ^ crc >>> 8;
  return (crc ^ 4294967295) >>> 0;
}
function toBase62(value2, width) {
  let out = "";
  for (let v = value2; v > 0; v = Math.floor(v / 62)) out = BASE62[v % 62] + out;
  return out.padStart(width, "0");
}
function base62Crc32(random) {
  return toBase62(crc32(random), 6);
}
function hasBase62Crc32(token) {
  const body = token.slice(token.lastIndexOf("_") + 1);
  if (body.length <= 6) return false;
  return base62Crc32(body.slice(0, -6)) === body.slice(-6);
}

// src/engine/credential-values.ts
var REFERENCE_START = /^(?:\$|%[\w(]|\{\{|\{%|<%|#\{|`|@@|!vault|ENC\[|vault:|op:\/\/|ssm:|arn:aws:secretsmanager|secret:\/\/|file:)/i;
var NO_VALUE = /^(?:null|nil|none|undefined|empty|unset|true|false|yes|no|on|off|~|-|n\/?a|todo|tbd|fixme|\*+|x+|\.{2,}|…)$/i;
var TOOL_PLACEHOLDERS = /^(?:put your unique phrase here|password_here|yourpasswordhere|your[-_ ]?password|your[-_ ]?(?:secret|token|key|api[-_ ]?key)|changeme|change[-_ ]?(?:me|it|this)|secret[-_ ]?here|<[^<>]*>|\[[^[\]]*\]|\(?redacted\)?|hidden|masked)$/i;
var FILE_PATH = /^(?:\.{1,2}\/|~\/|[A-Za-z]:\\|\/(?:etc|home|var|run|opt|usr|srv|tmp|root|Users|mnt|data|secrets|config|app|workspace|builds?)\/|\/[\w./-]*\.(?:key|pem|crt|cer|json|txt|p12|pfx|jks|gpg|asc|ppk|conf|cfg)$)/;
function isCredentialValue(value2) {
  const v = value2.trim().replace(/^(["'])(.*)\1$/s, "$2");
  if (v.length < 3) return false;
  if (REFERENCE_START.test(v) || NO_VALUE.test(v) || TOOL_PLACEHOLDERS.test(v) || FILE_PATH.test(v)) return false;
  return true;
}
var SECRET_NAME = /(?:pass(?:word|wd|phrase)?$|password|passwd|passphrase|secret|token|credential|_key$|^key$|apikey|api_key|private_?key|access_?key|auth$|_auth_|dsn$|_pwd$|_pw$|^pwd_|db_pwd|salt$|signing_?key|encryption_?key|cookie_?secret|session_?secret)/i;
var NOT_A_SECRET_NAME2 = /(?:_|^)(?:url|uri|endpoint|host|hostname|port|path|file|dir|directory|name|user|username|login|id|ttl|expiry|expires?|expiration|lifetime|timeout|length|size|min|max|type|algorithm|algo|alg|enabled|required|version|prefix|header|field|mode|region|provider|driver|store|cache|table|method|scheme|format|policy|rotation|count|limit|retries|interval|arn)$|public|publishable|(?:^|_)pub_|_hint$|_reset|_regex|_pattern|_rule|_grant/i;
function isSecretName(name2) {
  return SECRET_NAME.test(name2) && !NOT_A_SECRET_NAME2.test(name2) && !/^(?:old)?pwd$/i.test(name2);
}
function assignedName(before) {
  const m = /([A-Za-z_][\w.-]*)["']?\s*(?:=|:|=>)?\s*["']?$/.exec(before.trimEnd());
  return m?.[1] ?? "";
}
function keyMaterial(secret) {
  if (!secret.startsWith("-----BEGIN")) return secret;
  const material = secret.split(/\r?\n|\\n/).filter((line) => !line.startsWith("-----") && !/^[A-Za-z-]+: /.test(line)).join("");
  return /\.\.\./.test(material) ? "" : material;
}
function percentDecoded(value2) {
  try {
    return decodeURIComponent(value2);
  } catch {
    return value2;
  }
}
var PASSWORD_WORD = /pass|pwd|secret|token|credential/;
function isPasswordWord(value2) {
  return /^[a-z]+(?:[-_.][a-z]+)*\d{0,8}$/.test(value2) && PASSWORD_WORD.test(value2);
}
function isTypedPassword(value2) {
  const v = percentDecoded(value2);
  return /^[A-Za-z]+(?:[-_.+ ][A-Za-z]+)*\d{0,6}[!?.]{0,3}$/.test(v) || isDummyPassword(v);
}
function isConnectionPassword(password, before, illustrative) {
  const p = percentDecoded(password);
  if (isPasswordWord(p)) return false;
  const m = /([a-z][a-z0-9+.-]*):\/\/([^/:@\s]*):$/i.exec(before);
  if (m !== null) {
    const scheme = m[1].toLowerCase().replace(/\+.*$/, "");
    const user = percentDecoded(m[2]).toLowerCase();
    if (p.toLowerCase() === user || p.toLowerCase() === scheme) return false;
  }
  return !(illustrative && isTypedPassword(p));
}
function isGeneratedValue(value2) {
  const v = value2.trim().replace(/^(["'])(.*)\1$/s, "$2");
  if (!isCredentialValue(v)) return false;
  return !/^[A-Za-z]{1,15}$|^[A-Za-z]+(?:[ ]+[A-Za-z]+)+$/.test(v) && !isPasswordWord(v);
}

// src/engine/path-context.ts
var TEST_PATH = /(?:^|\/)(?:tests?|t|specs?|__tests__|__mocks__|__fixtures__|testdata|test[-_]data|testing|testutils?|test[-_]?helpers?)\/|(?:^|\/)(?:[^/]+[._-](?:test|tests|spec)\.[^/]+|test_[^/]+\.py|[^/]*[a-z0-9](?:Test|Tests|Spec)\.(?:java|kt|kts|scala|groovy|cs|fs|vb|swift|php|m|mm|rb|js|ts))$/;
var DOC_PATH = /\.(?:md|mdx|markdown|rst|adoc|asciidoc|textile|rdoc|pod|texi|[1-9]|man)$|(?:^|\/)(?:readme|install|usage|changelog|changes|faq|howto)(?:\.[\w-]+)?$|(?:^|\/)(?:docs?|documentation|guides?|manual|man|examples?|samples?|demos?|tutorials?)\//i;
var TEMPLATE_PATH = /\.(?:tt|erb|j2|jinja2?|tmpl|tpl|template|mustache|hbs|example|sample|dist|in)$/i;
var COMMENT_HEAD = /^[ \t]*(?:#|\/\/|\/\*|\*|<!--|--(?:[ \t]|$)|;|%|rem[ \t])/i;
var FIXTURES = /(?:^|\/)fixtures?\//;
function isTestPath(path) {
  return path !== void 0 && (TEST_PATH.test(path) || FIXTURES.test(path));
}
function isDocPath(path) {
  return path !== void 0 && DOC_PATH.test(path);
}
function isIllustrativePath(path) {
  return isTestPath(path) || isDocPath(path) || path !== void 0 && TEMPLATE_PATH.test(path);
}
function isExamplePath(path) {
  return path !== void 0 && (TEST_PATH.test(path) || isDocPath(path) || TEMPLATE_PATH.test(path));
}
function isIllustrative(path, lineHead2) {
  return isIllustrativePath(path) || COMMENT_HEAD.test(lineHead2);
}

// src/engine/value-syntax.ts
var MAX_VALUE = 200;
var MAX_HEAD = 128;
var MAX_NAME = 64;
var QUOTES = "\"'`";
function assignedValue(text, matchStart, at) {
  let lineEnd = at;
  const limit = Math.min(text.length, at + MAX_VALUE + 2);
  while (lineEnd < limit && text.charCodeAt(lineEnd) !== 10) lineEnd++;
  if (text[lineEnd - 1] === "\r") lineEnd--;
  const op2 = operatorBefore(text, at);
  let nameFrom = matchStart;
  const nameLimit = Math.max(0, matchStart - MAX_NAME);
  while (nameFrom > nameLimit && isNameChar(text.charCodeAt(nameFrom - 1))) nameFrom--;
  const before = text[nameFrom - 1];
  if (before === "?" || before === "&") return void 0;
  if (op2 === "," && (before === void 0 || !QUOTES.includes(before))) return void 0;
  if (op2 === ">") return before === "<" ? elementText(text, at, lineEnd) : void 0;
  const quoted2 = quotedString(text, at, lineEnd, before !== '"' && before !== "'");
  if (quoted2 !== null) return quoted2;
  let word = at;
  while (word < lineEnd && !isBlank(text.charCodeAt(word))) word++;
  if (word - at > MAX_VALUE) return void 0;
  const known2 = lineStartOf(text, nameFrom);
  const lineStart = known2 === -1 ? nameFrom - MAX_HEAD : known2;
  const head = text.slice(lineStart, nameFrom);
  return unquoted(text, { head: known2 === -1 ? `\0${head}` : head, lineStart, lineEnd, at, op: op2 });
}
function lineStartOf(text, at) {
  const from = Math.max(0, at - MAX_HEAD);
  for (let i = at - 1; i >= from; i--) if (text.charCodeAt(i) === 10) return i + 1;
  return from === 0 ? 0 : -1;
}
function operatorBefore(text, at) {
  let i = at;
  while (i > 0 && (text[i - 1] === " " || text[i - 1] === "	")) i--;
  let j = i;
  while (j > 0 && j > i - 3 && "=:>?|,".includes(text[j - 1])) j--;
  return text.slice(j, i);
}
function elementText(text, at, lineEnd) {
  let lt = at;
  while (lt < lineEnd && text[lt] !== "<") lt++;
  if (lt >= lineEnd || text[lt + 1] !== "/") return void 0;
  let end = lt;
  while (end > at && /\s/.test(text[end - 1])) end--;
  return end > at ? [at, end] : void 0;
}
function quotedString(text, at, lineEnd, allowEscaped) {
  let i = at;
  let prefix = "";
  while (i < at + 2 && /[bBrRuUfF]/.test(text[i] ?? "")) prefix += text[i++];
  let quote = text[i];
  let escapedQuote = false;
  if (allowEscaped && quote === "\\" && (text[i + 1] === '"' || text[i + 1] === "'")) {
    escapedQuote = true;
    quote = text[++i];
  }
  if (!QUOTES.includes(quote) || prefix !== "" && quote === "`") return null;
  const start = i + 1;
  const raw = /r/i.test(prefix);
  for (let j = start; j < lineEnd; j++) {
    const c = text[j];
    if (escapedQuote) {
      if (c === "\\" && text[j + 1] === quote) return content(text, start, j, quote, prefix);
      if (c === "\\") j++;
      continue;
    }
    if (c === "\\" && !raw) {
      j++;
      continue;
    }
    if (c === quote) return content(text, start, j, quote, prefix);
  }
  return void 0;
}
function content(text, start, end, quote, prefix) {
  const body = text.slice(start, end);
  if (end === start || /^\s|\s$/.test(body)) return void 0;
  if (quote !== "'" && /\$\{|#\{/.test(body)) return void 0;
  if (/\{\{|\{%|<%/.test(body)) return void 0;
  if (/f/i.test(prefix) && body.includes("{")) return void 0;
  if (quote === "`" && /\$[({A-Za-z_]/.test(body)) return void 0;
  return isProse(body) ? void 0 : [start, end];
}
function isProse(body) {
  if (!/\s/.test(body)) return false;
  return body.split(/\s+/).some(
    (part) => /^(?:[A-Za-z]{2,}|-{1,2}[A-Za-z][\w-]*)[.,:;!?]?$/.test(part) || // words and --flags
    /^-{5}[A-Z ]*/.test(part) || // PEM armour
    /^[a-z0-9/=._:-]+$/.test(part) && /[a-z]{3}/.test(part)
    // paths, `seed=foo`
  );
}
function unquoted(text, { head, lineStart, lineEnd, at, op: op2 }) {
  const atLineStart = (
    // A commented-out assignment is still one (`# PASSWORD=…`, `// CLIENT_SECRET: …`).
    /^[ \t]*(?:(?:#|\/\/|--|;|\*)[ \t]*)?(?:(?:export|set|setx|ENV|ARG|declare(?:[ \t]+-x)?|local|readonly)[ \t]+|-[ \t]+)?$/.test(head) || // Kubernetes `- name: X` / `value: …`: the value line starts its own entry.
    isValueEntry(text, at)
  );
  let end = at;
  while (end < lineEnd && !isBlank(text.charCodeAt(end))) end++;
  if (end - at > MAX_VALUE) return void 0;
  const value2 = text.slice(at, end);
  const rest = text.slice(end, lineEnd).trim();
  let opEnd = at;
  while (opEnd > lineStart && /[ \t]/.test(text[opEnd - 1])) opEnd--;
  const spaced = opEnd < at && /[ \t]/.test(text[opEnd - op2.length - 1] ?? "");
  if (/["'`]/.test(value2) || isCode(value2.replace(/[;,]$/, ""), spaced)) return void 0;
  if (atLineStart && op2 === ":") {
    if (/[|>&*!{[#]/.test(value2[0]) || /[,;]$/.test(value2)) return void 0;
    return rest === "" || rest.startsWith("#") ? [at, end] : void 0;
  }
  if (atLineStart && (op2 === "=" || op2 === ":=")) {
    const word = value2.replace(/;$/, "");
    if (rest !== "" && !rest.startsWith("#") && /[(){}[\];,]/.test(word)) return void 0;
    return word === "" ? void 0 : [at, at + word.length];
  }
  if (op2 !== "=" || /[(){}[\];,]/.test(value2)) return void 0;
  let nameStart = opEnd - op2.length;
  while (nameStart > lineStart && isNameChar(text.charCodeAt(nameStart - 1))) nameStart--;
  const name2 = text.slice(nameStart, opEnd - op2.length);
  const flag = name2.startsWith("-") && /(?:^|\s)$/.test(head);
  const envWord = /(?:^|\s)$/.test(head) && /^[A-Z][A-Z0-9_]*$/.test(name2);
  return flag || envWord ? [at, end] : void 0;
}
function isCode(value2, spaced) {
  if (/^(?:\/\*|\/\/|#|<!--)/.test(value2)) return true;
  if (/^[$@<([{\\]/.test(value2)) return true;
  if (/\$\{|#\{|\{\{|<%/.test(value2)) return true;
  if (/^[A-Za-z_]\w*(?:(?:\.|::|->)[A-Za-z_]\w*)*(?:\(.*\)|\[.*\])(?:\.[\w.()]*)?;?$/.test(value2)) return true;
  if (/^[A-Za-z_]\w*(?:(?:\.|::|->)[A-Za-z_]\w*)+;?$/.test(value2)) return true;
  return spaced && (/^[A-Za-z_$][\w$]*(?:[.([]|->|::)/.test(value2) || isRegexLiteral(value2));
}
function isRegexLiteral(value2) {
  if (!value2.startsWith("/")) return false;
  return /[\\^$*?|()[\]{}]/.test(value2) || /.\/[dgimsuyv]*[;,)]?$/.test(value2);
}
function isBlank(c) {
  return c === 32 || c === 9 || c === 10 || c === 13 || c === 12 || c === 11;
}
function isNameChar(c) {
  return c >= 48 && c <= 57 || c >= 65 && c <= 90 || c >= 97 && c <= 122 || c === 95 || c === 46 || c === 45;
}
function isValueEntry(text, at) {
  const start = lineStartOf(text, at);
  return start !== -1 && /^[ \t]*(?:-[ \t]+)?value[ \t]*:[ \t]*$/.test(text.slice(start, at));
}

// src/engine/validators.ts
function decodeBase64(text) {
  const clean = text.replace(/=+$/, "");
  if (!/^[A-Za-z0-9+/_-]+$/.test(clean) || clean.length % 4 === 1) return void 0;
  return Buffer.from(clean.replace(/-/g, "+").replace(/_/g, "/"), "base64").toString("latin1");
}
var isPrintable = (text) => /^[\x20-\x7e]+$/.test(text);
function jsonObject(text) {
  if (text === void 0) return void 0;
  try {
    const parsed = JSON.parse(Buffer.from(text, "latin1").toString("utf8"));
    return typeof parsed === "object" && parsed !== null && !Array.isArray(parsed) ? parsed : void 0;
  } catch {
    return void 0;
  }
}
function decodeURIComponentSafe(text) {
  try {
    return decodeURIComponent(text);
  } catch {
    return text;
  }
}
var IPV4 = /^(?:(?:25[0-5]|2[0-4]\d|1\d\d|[1-9]?\d)\.){3}(?:25[0-5]|2[0-4]\d|1\d\d|[1-9]?\d)$/;
function isSasIpRange(value2) {
  if (value2.includes(":")) return /^[0-9A-Fa-f:.]{2,45}$/.test(value2);
  const parts = value2.split("-");
  return parts.length <= 2 && parts.every((p) => IPV4.test(p));
}
var isSlotCredential = (secret, path) => isCredentialValue(secret) && !(isIllustrativePath(path) && isTypedPassword(secret));
var isGenericSecret = (name2, secret) => !isNonSecretName(name2) && !isNonSecretValue(secret) && !isTypedForIssuedName(name2, secret);
var VALIDATORS = {
  /** GitHub (ghp_, gho_, ghu_, ghs_, ghr_) and npm (npm_) tokens: base62 CRC-32 tail. */
  "github-checksum": ({ secret }) => hasBase62Crc32(secret),
  /** `user:password` in base64 (HTTP basic auth, docker `auth`, npm `_auth`). */
  "basic-auth": ({ secret }) => {
    const decoded = decodeBase64(secret);
    if (decoded === void 0 || !isPrintable(decoded)) return false;
    const colon = decoded.indexOf(":");
    if (colon <= 0 || decoded.length - colon - 1 < 4) return false;
    const password = decoded.slice(colon + 1);
    return !isDummyPassword(password) && !isPlaceholder(password);
  },
  /**
   * A JWT's header is a base64url JSON object that names its algorithm, and its payload a JSON
   * object of claims (RFC 7519 §7.2), not the jwt.io sample's made-up subject.
   */
  jwt: ({ secret }) => {
    const [header, payload] = secret.split(".").map((part) => jsonObject(decodeBase64(part)));
    if (header === void 0 || !("alg" in header || "typ" in header) || payload === void 0) return false;
    return !(payload.sub === "1234567890" && payload.name === "John Doe");
  },
  /**
   * A rule that needs its provider named nearby (its keyword): when the match's line names it
   * only inside another word (`rookTable` holds "okta"), that is no naming. The name as a word or
   * a camel-case part (`OKTA_TOKEN`, `myOktaToken`), the SSWS scheme, or no mention on the line
   * (the name is on a line above) all pass.
   */
  "okta-named": ({ lineHead: lineHead2 }) => {
    const head = lineHead2 ?? "";
    return !/okta/i.test(head) || /(?:^|[^A-Za-z])[Oo][Kk][Tt][Aa]|[a-z]Okta|OKTA|[Ss][Ss][Ww][Ss]/.test(head);
  },
  /**
   * An Azure SAS whose parameters Azure would accept: `sp` only of the permission letters the
   * Storage, account and user delegation SAS documents define (r a c w d x y l t f m e o p i u),
   * and `sip` an IPv4 address or range (or an IPv6 address). A SAS with any other letter or a
   * malformed IP is refused by the service, so its `sig` grants nothing. The parameters may stand
   * before the matched `sv=` (in the line's head) or inside the match.
   */
  "azure-sas": ({ before, lineHead: lineHead2 }) => {
    for (const text of [lineHead2 ?? "", before]) {
      for (const m of text.matchAll(/(?:^|[?&=\s"'])(sp|sip)=([^&\s"'<>]*)/g)) {
        const value2 = decodeURIComponentSafe(m[2] ?? "");
        if (m[1] === "sp" ? !/^[racwdxyltfmeopiu]+$/.test(value2) : !isSasIpRange(value2)) return false;
      }
    }
    return true;
  },
  /**
   * A Discord bot token's first part is the base64 of the bot's user ID, a snowflake of 17 to 20
   * decimal digits (the developer docs' example token has that shape): any other base64 run with
   * two dots after it is no bot token.
   */
  "discord-snowflake": ({ secret }) => /^[1-9][0-9]{16,19}$/.test(decodeBase64(secret.slice(0, secret.indexOf("."))) ?? ""),
  /**
   * A token that carries a base64 JSON object between its prefix's `_` and the next `_`
   * (Sentry's `sntrys_<base64 JSON of iat, url, org…>_<secret>`): not any base64 run there.
   */
  "json-payload": ({ secret }) => {
    const rest = secret.slice(secret.indexOf("_") + 1);
    const end = rest.indexOf("_");
    return end > 0 && jsonObject(decodeBase64(rest.slice(0, end))) !== void 0;
  },
  /**
   * A value in a slot that a credential file reserves for one: anything but a reference or a
   * placeholder, and in a test's, a manual's or a template's file, not a typed word (`hunter42`).
   */
  "credential-value": ({ secret, path }) => isSlotCredential(secret, path),
  /** `NAME=value` in a credential file or committed env file: a secret's name, and a credential value. */
  "secret-name-value": ({ secret, before, path }) => isSecretName(assignedName(before)) && isSlotCredential(secret, path),
  /**
   * A value after a command's option or variable: as `credential-value`, and after a token's or
   * key's option (`--token=`, `--api-key`), a generated value, not a word (`--token=ping`).
   */
  "command-credential": ({ secret, before, path }) => isSlotCredential(secret, path) && (!/(?:token|key|secret)[ \t]*[= \t][ \t]*["']?$/i.test(before) || isGeneratedValue(secret)),
  /** A slot only generated values fill (Django's SECRET_KEY): not a word or a phrase (`'development key'`). */
  "generated-value": ({ secret, path }) => isSlotCredential(secret, path) && isGeneratedValue(secret),
  /**
   * The password of a connection URL: not a word naming a password, nor the user or scheme repeated,
   * and in a test, a manual, a template or a comment, not a typed word (`someuser:somepassword`).
   */
  "connection-password": ({ secret, before, path, lineHead: lineHead2 }) => isConnectionPassword(secret, before, isIllustrative(path, lineHead2 ?? "")),
  /**
   * Not an illustration: outside tests, manuals and templates, and not on a comment line that
   * shows a call's output (`# => "$2a$04$…"`, `# pwdhash => "$6$…"`).
   */
  "outside-examples": ({ path, lineHead: lineHead2 }) => !isExamplePath(path) && !/^[ \t]*(?:#|\/\/|\*)[^\n]*=>/.test(lineHead2 ?? ""),
  /** The generic assignment rule: a name that names a secret, and a value that could be one. */
  "generic-secret": ({ secret, before }) => isGenericSecret(secretName(before), secret),
  /**
   * The generic rule, whose pattern ends where the value starts: the value is read by its syntax
   * ({@link VALUE_SYNTAX}), then judged as `generic-secret` does. Not in test suites: there a
   * value with no provider's format is one the test made up to exercise code, and entropy cannot
   * tell it from a real one (provider rules, private keys and credential files still run there).
   */
  "assigned-value": ({ secret, before, path }) => secret.length >= 12 && secret.length <= 200 && !isTestPath(path) && isGenericSecret(secretName(before), secret)
};
var FORMAT_VALIDATORS = /* @__PURE__ */ new Set(["jwt", "json-payload", "azure-sas"]);
var VALIDATOR_NAMES = Object.keys(VALIDATORS);
var VALUE_SYNTAX = { "assigned-value": assignedValue };

// src/errors.ts
var KeyscanError = class extends Error {
  code;
  /** What the user can do next. */
  hint;
  constructor(code, message, options2 = {}) {
    super(message, options2.cause === void 0 ? void 0 : { cause: options2.cause });
    this.name = "KeyscanError";
    this.code = code;
    this.hint = options2.hint;
  }
};
function isKeyscanError(e) {
  return e instanceof KeyscanError;
}
function systemErrorCode(e) {
  if (typeof e === "object" && e !== null && "code" in e && typeof e.code === "string") return e.code;
  return void 0;
}

// src/engine/encoded.ts
var B64 = "[A-Za-z0-9+/]";
function after(pattern) {
  const sticky = new RegExp(pattern.source, "yd");
  return (text, end) => {
    sticky.lastIndex = end;
    const m = sticky.exec(text);
    const span = m?.indices?.[1];
    return span === void 0 ? [] : [[span[0], span[1]]];
  };
}
var MANIFEST_REACH = 64 * 1024;
var YAML_VALUE = new RegExp(`^[ \\t]+[\\w.-]+:[ \\t]*["']?(${B64}{12,}={0,2})["']?[ \\t]*\\r?$`, "gmd");
var JSON_VALUE = new RegExp(`"[\\w.-]+"\\s*:\\s*"(${B64}{12,}={0,2})"`, "gd");
function manifest(text, end) {
  const lo = Math.max(0, end - MANIFEST_REACH);
  const hi = Math.min(text.length, end + MANIFEST_REACH);
  const before = text.slice(lo, end).lastIndexOf("\n---");
  const after2 = text.slice(end, hi).indexOf("\n---");
  return [before === -1 ? lo : lo + before, after2 === -1 ? hi : end + after2];
}
function valuesIn(text, [from, to]) {
  const region = text.slice(from, to);
  const runs = [];
  for (const pattern of [YAML_VALUE, JSON_VALUE]) {
    pattern.lastIndex = 0;
    for (let m = pattern.exec(region); m !== null; m = pattern.exec(region)) {
      const span = m.indices?.[1];
      if (span !== void 0) runs.push([from + span[0], from + span[1]]);
    }
  }
  return runs;
}
var value = after(new RegExp(`["']?\\s*[:=]\\s*["']?(${B64}{16,}={0,2})(?![A-Za-z0-9+/=])`));
var quoted = after(new RegExp(`\\s*:\\s*"(${B64}{8,}={0,2})"`));
var literal = after(new RegExp(`\\s*[bu]?["'\`](${B64}{16,}={0,2})["'\`]`));
var bare = after(new RegExp(`(${B64}{8,}={0,2})(?![A-Za-z0-9+/=])`));
var CARRIERS = [
  { keyword: ".dockerconfigjson", runs: value },
  { keyword: ".dockercfg", runs: value },
  { keyword: '"auth"', runs: quoted },
  { keyword: "client-key-data", runs: value },
  { keyword: "_auth", runs: value },
  { keyword: "basic ", runs: bare, runAtEnd: true },
  { keyword: "b64decode(", runs: literal },
  { keyword: "atob(", runs: literal },
  { keyword: "kind: secret", region: manifest },
  { keyword: 'kind: "secret"', region: manifest },
  { keyword: '"kind": "secret"', region: manifest },
  { keyword: '"kind":"secret"', region: manifest }
];
var MIN_RUN = 8;
function isRunPrefix(c) {
  return c >= 9 && c <= 13 || c === 32 || c === 160 || c === 34 || c === 39 || c === 96 || c === 58 || c === 61;
}
var CarrierCheck = class {
  constructor(data2) {
    this.data = data2;
  }
  /** Hits that end in [clearFrom, clearUntil) lie in a stretch already read without a run. */
  #clearFrom = 0;
  #clearUntil = 0;
  mayCarry(carrier, end) {
    if (carrier.region !== void 0) return true;
    if (carrier.runAtEnd) return this.#decodesAt(carrier, end);
    if (end >= this.#clearFrom && end < this.#clearUntil) return false;
    const { data: data2 } = this;
    let run = 0;
    let i = end;
    for (; i < data2.length; i++) {
      const c = data2[i];
      if (isRunChar(c)) {
        if (++run >= MIN_RUN) return true;
      } else if (isRunPrefix(c)) run = 0;
      else break;
    }
    this.#clearFrom = end;
    this.#clearUntil = i;
    return false;
  }
  /**
   * Whether the carrier's own pattern finds a run at `end` that {@link decodeRun} decodes to text,
   * as detectEncoded would: run on the latin1 of the base64 and `=` bytes from there alone, which is
   * all the pattern can take (the byte after them, whatever it is, passes its lookahead as the text's
   * end does). Most `basic ` in prose and code is followed by a word of 8 letters or more that is no
   * base64 of text.
   */
  #decodesAt(carrier, end) {
    const { data: data2 } = this;
    let i = end;
    while (i < data2.length && (isRunChar(data2[i]) || data2[i] === 61)) i++;
    if (i - end < MIN_RUN) return false;
    const text = Buffer.from(data2.buffer, data2.byteOffset, data2.byteLength).toString("latin1", end, i);
    return (carrier.runs?.(text, 0) ?? []).some((run) => decodeRun(text, run) !== void 0);
  }
};
function isRunChar(c) {
  return c >= 48 && c <= 57 || c >= 65 && c <= 90 || c >= 97 && c <= 122 || c === 43 || c === 47;
}
var MAX_DEPTH = 2;
function decodeRun(text, run) {
  const encoded = text.slice(run[0], run[1]);
  if (encoded.length % 4 === 1) return void 0;
  const bytes = Buffer.from(encoded, "base64");
  if (bytes.length < 8) return void 0;
  let printable = 0;
  for (const b of bytes) if (b >= 32 && b < 127 || b === 9 || b === 10 || b === 13) printable++;
  return printable / bytes.length >= 0.95 ? bytes : void 0;
}
function carrierRuns(text, hits) {
  const seen = /* @__PURE__ */ new Set();
  const runs = [];
  const add = (run) => {
    if (seen.has(run[0])) return;
    seen.add(run[0]);
    runs.push(run);
  };
  const regions = [];
  for (let i = 0; i < hits.length; i += 2) {
    const carrier = CARRIERS[hits[i]];
    const end = hits[i + 1];
    if (carrier.region !== void 0) {
      const last = regions[regions.length - 1];
      if (last === void 0 || end > last[1]) regions.push(carrier.region(text, end));
    } else for (const run of carrier.runs?.(text, end) ?? []) add(run);
  }
  for (const region of mergeRuns(regions)) for (const run of valuesIn(text, region)) add(run);
  return runs;
}
function mergeRuns(runs) {
  const sorted = [...runs].sort((a, b) => a[0] - b[0]);
  const merged = [];
  for (const [a, b] of sorted) {
    const last = merged[merged.length - 1];
    if (last !== void 0 && a <= last[1]) last[1] = Math.max(last[1], b);
    else merged.push([a, b]);
  }
  return merged;
}
var BLOB_RUN = 160;
var BLOB_EXTRA = 40;
function isBase64Char(c) {
  return isRunChar(c) || c === 61 || c === 95 || c === 45;
}
function insideEncodedRun(text, start, end) {
  let from = start;
  const low = Math.max(0, start - BLOB_RUN);
  while (from > low && isBase64Char(text.charCodeAt(from - 1))) from--;
  let to = end;
  const high = Math.min(text.length, end + BLOB_RUN);
  while (to < high && isBase64Char(text.charCodeAt(to))) to++;
  return to - from >= BLOB_RUN && to - from - (end - start) >= BLOB_EXTRA;
}

// src/catalogue/keyword-tables.ts
function keywordTables(rules) {
  const keywordIds = /* @__PURE__ */ new Map();
  const rulesByKeyword = [];
  const unconditional = [];
  const idOf = (keyword) => {
    let id = keywordIds.get(keyword);
    if (id === void 0) {
      id = keywordIds.size;
      keywordIds.set(keyword, id);
      rulesByKeyword.push([]);
    }
    return id;
  };
  for (const rule of rules) {
    if (rule.keywords.length === 0) unconditional.push(rule.index);
    for (const keyword of rule.keywords) {
      const list = rulesByKeyword[idOf(keyword)];
      if (!list.includes(rule.index)) list.push(rule.index);
    }
  }
  const carrierOf = [];
  CARRIERS.forEach((carrier, index) => {
    carrierOf[idOf(carrier.keyword)] = index;
  });
  const keywords = [...keywordIds.keys()];
  return { keywords, rulesByKeyword, unconditional, carrierOf: Array.from(keywords, (_, id) => carrierOf[id]) };
}
var offered;
function offeredKeywordTables(specs) {
  if (offered === void 0 || offered.specs.length !== specs.length) return void 0;
  for (let i = 0; i < specs.length; i++) if (specs[i] !== offered.specs[i]) return void 0;
  if (!("tables" in offered)) offered.tables = offered.read();
  return offered.tables;
}

// src/catalogue/path-literals.ts
var MAX_EXACT = 32;
var MAX_LENGTH = 64;
var Unreadable = class extends Error {
};
var NOTHING = { exact: void 0, required: void 0 };
var EMPTY = { exact: [""], required: void 0 };
function better(a, b) {
  const score = (s) => s === void 0 ? 0 : Math.min(...s.map((x) => x.length));
  return score(b) > score(a) ? b : score(a) > 0 ? a : void 0;
}
function product(a, b) {
  if (a === void 0 || b === void 0 || a.length * b.length > MAX_EXACT) return void 0;
  const out = /* @__PURE__ */ new Set();
  for (const x of a) for (const y of b) out.add(x + y);
  const list = [...out];
  return list.some((s) => s.length > MAX_LENGTH) ? void 0 : list;
}
function asRequired(exact) {
  return exact === void 0 || exact.includes("") ? void 0 : exact;
}
var Parser = class {
  constructor(source, fold) {
    this.source = source;
    this.fold = fold;
  }
  #at = 0;
  /** The whole pattern. */
  read() {
    const r = this.#alternation();
    if (this.#at !== this.source.length) throw new Unreadable();
    return r;
  }
  #peek() {
    return this.source[this.#at];
  }
  #alternation() {
    const branches = [this.#sequence()];
    while (this.#peek() === "|") {
      this.#at++;
      branches.push(this.#sequence());
    }
    if (branches.length === 1) return branches[0];
    let exact = [];
    let required = [];
    for (const b of branches) {
      exact = exact !== void 0 && b.exact !== void 0 ? [.../* @__PURE__ */ new Set([...exact, ...b.exact])] : void 0;
      const own = better(b.required, asRequired(b.exact));
      required = required !== void 0 && own !== void 0 ? [.../* @__PURE__ */ new Set([...required, ...own])] : void 0;
    }
    return { exact: exact !== void 0 && exact.length <= MAX_EXACT ? exact : void 0, required };
  }
  #sequence() {
    let exact = [""];
    let required;
    let run = [""];
    for (let c = this.#peek(); c !== void 0 && c !== "|" && c !== ")"; c = this.#peek()) {
      const part = this.#quantified();
      exact = product(exact, part.exact);
      required = better(required, part.required);
      if (part.exact === void 0) {
        required = better(required, asRequired(run));
        run = [""];
      } else {
        const longer = product(run, part.exact);
        if (longer === void 0) {
          required = better(required, asRequired(run));
          run = part.exact;
        } else run = longer;
      }
    }
    required = better(required, asRequired(run));
    return { exact, required };
  }
  #quantified() {
    const atom = this.#atom();
    const q = this.#quantifier();
    if (q === void 0) return atom;
    const { min, max } = q;
    if (min === 0)
      return { exact: max === 1 && atom.exact !== void 0 ? [.../* @__PURE__ */ new Set(["", ...atom.exact])] : void 0, required: void 0 };
    let exact;
    if (min === max) {
      exact = [""];
      for (let i = 0; i < min && exact !== void 0; i++) exact = product(exact, atom.exact);
    }
    return { exact, required: better(atom.required, asRequired(atom.exact)) };
  }
  #quantifier() {
    const c = this.#peek();
    let q;
    if (c === "*") q = { min: 0, max: Number.POSITIVE_INFINITY };
    else if (c === "+") q = { min: 1, max: Number.POSITIVE_INFINITY };
    else if (c === "?") q = { min: 0, max: 1 };
    else if (c === "{") {
      const m = /^\{(\d+)(,(\d*))?\}/.exec(this.source.slice(this.#at));
      if (m === null) throw new Unreadable();
      const min = Number(m[1]);
      const max = m[2] === void 0 ? min : m[3] === "" ? Number.POSITIVE_INFINITY : Number(m[3]);
      this.#at += m[0].length - 1;
      q = { min, max };
    }
    if (q === void 0) return void 0;
    this.#at++;
    if (this.#peek() === "?") this.#at++;
    return q;
  }
  #atom() {
    const c = this.#peek();
    if (c === void 0) throw new Unreadable();
    if (c === "(") return this.#group();
    if (c === "[") return this.#class();
    if (c === "\\") return this.#escape();
    this.#at++;
    if (c === "^" || c === "$") return EMPTY;
    if (c === ".") return NOTHING;
    if (c === "*" || c === "+" || c === "?" || c === "{" || c === ")" || c === "]" || c === "}") throw new Unreadable();
    return this.#char(c);
  }
  #char(c) {
    const code = c.charCodeAt(0);
    if (code >= 128) return NOTHING;
    const s = this.fold ? c.toLowerCase() : c;
    return { exact: [s], required: [s] };
  }
  #group() {
    this.#at++;
    let lookaround = false;
    if (this.source.startsWith("?:", this.#at)) this.#at += 2;
    else if (this.source.startsWith("?=", this.#at) || this.source.startsWith("?!", this.#at)) {
      this.#at += 2;
      lookaround = true;
    } else if (this.source.startsWith("?<=", this.#at) || this.source.startsWith("?<!", this.#at)) {
      this.#at += 3;
      lookaround = true;
    } else if (this.source.startsWith("?<", this.#at)) {
      const end = this.source.indexOf(">", this.#at);
      if (end < 0) throw new Unreadable();
      this.#at = end + 1;
    } else if (this.#peek() === "?") throw new Unreadable();
    const inner = this.#alternation();
    if (this.#peek() !== ")") throw new Unreadable();
    this.#at++;
    return lookaround ? EMPTY : inner;
  }
  #class() {
    const start = this.#at;
    this.#at++;
    const chars = /* @__PURE__ */ new Set();
    let plain = this.#peek() !== "^";
    for (let first = true; ; first = false) {
      const c = this.#peek();
      if (c === void 0) throw new Unreadable();
      if (c === "]") {
        if (first) throw new Unreadable();
        break;
      }
      if (c === "\\") {
        const next = this.source[this.#at + 1];
        if (next === void 0) throw new Unreadable();
        if (/[A-Za-z0-9]/.test(next)) plain = false;
        else chars.add(next);
        this.#at += 2;
        continue;
      }
      if (c === "-" && !first && this.source[this.#at + 1] !== "]") plain = false;
      if (c.charCodeAt(0) >= 128) plain = false;
      chars.add(c);
      this.#at++;
    }
    this.#at++;
    if (!plain || chars.size === 0 || this.#at - start > 40) return NOTHING;
    const list = [...new Set([...chars].map((c) => this.fold ? c.toLowerCase() : c))];
    return { exact: list, required: list };
  }
  #escape() {
    const next = this.source[this.#at + 1];
    if (next === void 0) throw new Unreadable();
    this.#at += 2;
    if (next === "b" || next === "B") return EMPTY;
    if (/[dDwWsSpPk1-9cxuf0nrtv]/.test(next)) {
      if (next === "k" || next === "p" || next === "P" || next === "x" || next === "u" || next === "c" || /[1-9]/.test(next)) {
        throw new Unreadable();
      }
      return NOTHING;
    }
    if (/[A-Za-z]/.test(next)) throw new Unreadable();
    return this.#char(next);
  }
};
var offered2;
function literalsKey(source, flags) {
  return `${flags}/${source}`;
}
function offerPathLiterals(table) {
  offered2 = table;
}
function literalsFor(source, flags) {
  const known2 = offered2?.get(literalsKey(source, flags));
  if (known2 !== void 0) return known2 ?? void 0;
  return requiredLiterals(source, flags);
}
function requiredLiterals(source, flags) {
  if (flags.includes("i") && (flags.includes("u") || flags.includes("v"))) return void 0;
  if (flags.includes("v")) return void 0;
  try {
    const r = new Parser(source, flags.includes("i")).read();
    return better(r.required, asRequired(r.exact));
  } catch (e) {
    if (e instanceof Unreadable) return void 0;
    throw e;
  }
}

// src/catalogue/prevalidated.ts
var known = /* @__PURE__ */ new WeakSet();
function markPrevalidated(specs) {
  for (const spec of specs) known.add(spec);
  return specs;
}
function isPrevalidated(spec) {
  return known.has(spec);
}

// src/catalogue/spec.ts
var DEFAULT_MAX_MATCH = 512;
function keywordsOf(spec) {
  return [...spec.keywords, ...spec.keywordsExact ?? []];
}

// src/catalogue/compile.ts
function splitPattern(pattern) {
  if (typeof pattern !== "string") return { source: pattern.source, flags: pattern.flags.replace(/[gyd]/g, "") };
  const inline = /^\(\?([ims]+)\)/.exec(pattern);
  return { source: inline ? pattern.slice(inline[0].length) : pattern, flags: inline?.[1] ?? "" };
}
function toRegExp(pattern, where, extra = "g") {
  const { source, flags: own } = splitPattern(pattern);
  const flags = [...new Set(`${own}${extra}`)].join("");
  try {
    return new RegExp(source, flags);
  } catch (e) {
    throw new KeyscanError("E_RULE", `${where}: invalid regular expression: ${e.message}`, {
      hint: "Fix the pattern; patterns use JavaScript regular expression syntax.",
      cause: e
    });
  }
}
function ruleMessage(spec) {
  return spec.partner ? `${spec.description}. ${spec.partner}` : spec.description;
}
var Compiled = class {
  constructor(spec, index, pathGroup) {
    this.spec = spec;
    this.index = index;
    this.pathGroup = pathGroup;
    this.id = spec.id;
    this.severity = spec.severity;
    this.message = ruleMessage(spec);
    this.exactKeywords = spec.keywordsExact?.length ? exactSpellings(spec.keywordsExact, spec.keywords) : void 0;
    this.entropy = spec.entropy;
    this.validator = spec.validator === void 0 ? void 0 : VALIDATORS[spec.validator];
    this.valueSyntax = spec.validator === void 0 ? void 0 : VALUE_SYNTAX[spec.validator];
    this.maxLength = spec.maxLength ?? DEFAULT_MAX_MATCH;
    this.generic = spec.tags?.includes("generic") ?? false;
    this.refutes = spec.validator !== void 0 && FORMAT_VALIDATORS.has(spec.validator);
  }
  id;
  severity;
  message;
  exactKeywords;
  entropy;
  validator;
  valueSyntax;
  maxLength;
  generic;
  refutes;
  #keywords;
  #regex;
  #locate;
  #allowLine;
  #allowSecret;
  /** Read when a catalogue's keyword tables are computed, not when they are offered (keyword-tables.ts). */
  get keywords() {
    this.#keywords ??= [...new Set(keywordsOf(this.spec).map((k) => k.toLowerCase()))];
    return this.#keywords;
  }
  locate() {
    this.#locate ??= toRegExp(this.spec.regex, `rule ${this.spec.id}`, "yd");
    return this.#locate;
  }
  get regex() {
    this.#regex ??= toRegExp(this.spec.regex, `rule ${this.spec.id}`);
    return this.#regex;
  }
  get allowLine() {
    this.#allowLine ??= (this.spec.allowLine ?? []).map((p, i) => toRegExp(p, `rule ${this.spec.id} allowLine[${i}]`));
    return this.#allowLine;
  }
  get allowSecret() {
    this.#allowSecret ??= (this.spec.allowSecret ?? []).map((p, i) => toRegExp(p, `rule ${this.spec.id} allowSecret[${i}]`));
    return this.#allowSecret;
  }
};
var Owned = class {
  constructor(id, owns) {
    this.id = id;
    this.owns = owns;
    this.names = (owns.names ?? []).map((n) => n.replace(/[_.-]/g, ""));
    this.prefixes = owns.prefixes ?? [];
    this.alphabetOnly = owns.value === void 0;
  }
  names;
  prefixes;
  alphabetOnly;
  #value;
  get value() {
    this.#value ??= this.owns.value === void 0 ? ISSUED_VALUE : toRegExp(`^(?:${this.owns.value})$`, `rule ${this.id} owns`, "");
    return this.#value;
  }
};
function exactSpellings(exact, plain) {
  const out = /* @__PURE__ */ new Map();
  const anyCase = new Set(plain.map((k) => k.toLowerCase()));
  for (const k of exact) {
    const key = k.toLowerCase();
    if (anyCase.has(key)) continue;
    const list = out.get(key) ?? [];
    list.push(Buffer.from(k, "latin1"));
    out.set(key, list);
  }
  return out;
}
function compileRule(spec, index, pathGroup) {
  const rule = new Compiled(spec, index, pathGroup);
  if (!isPrevalidated(spec)) void [rule.regex, rule.allowLine, rule.allowSecret];
  return rule;
}
function pathRegExp(spec) {
  return spec.path === void 0 ? void 0 : toRegExp(spec.path, `rule ${spec.id} path`, "");
}
var PathCondition = class {
  constructor(pattern) {
    this.pattern = pattern;
    this.#folds = pattern.flags.includes("i");
  }
  /** null: not read yet; undefined: none known, the pattern always runs. */
  #literals = null;
  #folds;
  get literals() {
    if (this.#literals === null) this.#literals = literalsFor(this.pattern.source, this.pattern.flags);
    return this.#literals;
  }
  test(path) {
    const literals = this.literals;
    if (literals !== void 0) {
      const text = this.#folds ? path.toLowerCase() : path;
      if (!literals.some((l) => text.includes(l))) return false;
    }
    return this.pattern.test(path);
  }
};
function compileCatalogue(specs) {
  const paths = [];
  const pathIds = /* @__PURE__ */ new Map();
  const rules = specs.map((spec, index) => {
    const path = pathRegExp(spec);
    let group;
    if (path !== void 0) {
      const key = `${path.flags}/${path.source}`;
      group = pathIds.get(key);
      if (group === void 0) {
        group = paths.push(new PathCondition(path)) - 1;
        pathIds.set(key, group);
      }
    }
    return compileRule(spec, index, group);
  });
  const { keywords, rulesByKeyword, unconditional, carrierOf } = offeredKeywordTables(specs) ?? keywordTables(rules);
  let owned;
  return {
    rules,
    keywords: compileKeywords(keywords),
    rulesByKeyword,
    unconditional,
    carrierOf,
    paths,
    // Read only for a generic match that passed every other check: most pre-commit runs have none.
    get owned() {
      owned ??= specs.flatMap((spec) => spec.owns === void 0 ? [] : [new Owned(spec.id, spec.owns)]);
      return owned;
    }
  };
}

// src/sources/read-file.ts
import { closeSync, constants, fstatSync, lstatSync, openSync, readSync } from "node:fs";

// src/sources/text.ts
var SNIFF = 8e3;
function toScannableText(data2) {
  const utf16 = utf16Order(data2);
  if (utf16 === "le") return Buffer.from(data2.toString("utf16le", 2), "utf8");
  if (utf16 === "be") return Buffer.from(swapBytes(data2.subarray(2)).toString("utf16le"), "utf8");
  const bom = data2.length >= 3 && data2[0] === 239 && data2[1] === 187 && data2[2] === 191;
  const text = bom ? data2.subarray(3) : data2;
  const nul = text.indexOf(0);
  if (nul !== -1 && nul < SNIFF) return "binary";
  return text;
}
function utf16Order(data2) {
  if (data2.length < 2) return void 0;
  if (data2[0] === 255 && data2[1] === 254) return "le";
  if (data2[0] === 254 && data2[1] === 255) return "be";
  return void 0;
}
function utf16String(data2, order) {
  return order === "le" ? data2.toString("utf16le", 2) : swapBytes(data2.subarray(2)).toString("utf16le");
}
var LFS_POINTER = Buffer.from("version https://git-lfs.github.com/spec/v1\n");
function isLfsPointer(data2) {
  return data2.length < 1024 && data2.subarray(0, LFS_POINTER.length).equals(LFS_POINTER);
}
function swapBytes(data2) {
  const copy = Buffer.from(data2.subarray(0, data2.length - data2.length % 2));
  return copy.swap16();
}

// src/sources/read-file.ts
function readTarget(target, maxBytes) {
  const abs = typeof target === "string" ? target : Buffer.from(target.buffer, target.byteOffset, target.byteLength);
  let fd;
  try {
    const link = lstatSync(abs);
    if (link.isSymbolicLink()) return { kind: "skip", reason: "symlink" };
    if (link.isDirectory()) return { kind: "skip", reason: "submodule" };
    if (!link.isFile()) return { kind: "skip", reason: "notRegular" };
    if (link.size > maxBytes) return { kind: "skip", reason: "tooLarge" };
    fd = openSync(abs, constants.O_RDONLY | (constants.O_NOFOLLOW ?? 0) | (constants.O_NONBLOCK ?? 0));
    const info = fstatSync(fd);
    if (!info.isFile()) return { kind: "skip", reason: "notRegular" };
    if (info.size > maxBytes) return { kind: "skip", reason: "tooLarge" };
    const data2 = readAll(fd, info.size, maxBytes);
    if (data2 === void 0) return { kind: "skip", reason: "tooLarge" };
    const text = toScannableText(data2);
    if (text === "binary") return { kind: "skip", reason: "binary" };
    return { kind: "text", data: text, bytes: data2.length };
  } catch (e) {
    const code = systemErrorCode(e) ?? "EUNKNOWN";
    if (code === "ENOENT") return { kind: "skip", reason: "deleted" };
    if (code === "ELOOP") return { kind: "skip", reason: "symlink" };
    return { kind: "error", code, message: describe(code) };
  } finally {
    if (fd !== void 0) closeSync(fd);
  }
}
function readAll(fd, expected, maxBytes) {
  let buf = Buffer.allocUnsafe(expected + 1);
  let length = 0;
  for (; ; ) {
    if (length === buf.length) {
      if (buf.length > maxBytes) return void 0;
      const bigger = Buffer.allocUnsafe(buf.length * 2);
      buf.copy(bigger, 0, 0, length);
      buf = bigger;
    }
    const n = readSync(fd, buf, length, buf.length - length, null);
    if (n === 0) break;
    length += n;
  }
  if (length > maxBytes) return void 0;
  return buf.subarray(0, length);
}
function describe(code) {
  switch (code) {
    case "EACCES":
    case "EPERM":
      return "permission denied";
    case "EISDIR":
      return "is a directory";
    case "EMFILE":
    case "ENFILE":
      return "too many open files";
    default:
      return `read failed (${code})`;
  }
}

// src/engine/allow-marker.ts
var ALLOW_MARKER = "keyscan:allow";
var MARKER_BYTES = Buffer.from(ALLOW_MARKER);
var WORD = /[A-Za-z0-9_-]/;
function findAllowMarkerLines(data2, firstLine2 = 1) {
  const lines = [];
  let line = firstLine2;
  let counted = 0;
  for (let at = data2.indexOf(MARKER_BYTES); at !== -1; at = data2.indexOf(MARKER_BYTES, at + 1)) {
    const next = data2[at + MARKER_BYTES.length];
    if (next !== void 0 && WORD.test(String.fromCharCode(next))) continue;
    for (let nl = data2.indexOf(10, counted); nl !== -1 && nl < at; nl = data2.indexOf(10, nl + 1)) {
      line++;
      counted = nl + 1;
    }
    if (lines[lines.length - 1] !== line) lines.push(line);
  }
  return lines;
}

// src/engine/entropy.ts
function shannonEntropy(text) {
  if (text.length === 0) return 0;
  const counts = /* @__PURE__ */ new Map();
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    counts.set(c, (counts.get(c) ?? 0) + 1);
  }
  let bits = 0;
  for (const n of counts.values()) {
    const p = n / text.length;
    bits -= p * Math.log2(p);
  }
  return bits;
}
function charsetOf(value2) {
  if (/^[0-9a-f]+$/.test(value2) || /^[0-9A-F]+$/.test(value2)) return "hex";
  if (/^[A-Za-z0-9]+$/.test(value2)) return "alnum";
  if (/^[A-Za-z0-9+/_-]+={0,2}$/.test(value2)) return "base64";
  return "other";
}
function meetsEntropy(value2, minimum) {
  if (minimum === void 0) return true;
  if (typeof minimum === "number") return shannonEntropy(value2) >= minimum;
  const threshold = minimum[charsetOf(value2)];
  return threshold === void 0 || shannonEntropy(value2) >= Math.min(threshold, Math.log2(value2.length) - LENGTH_SLACK);
}
var LENGTH_SLACK = 0.6;

// src/engine/examples.ts
import { createHmac } from "node:crypto";

// rules/examples.ts
var EXAMPLE_HASH_KEY = "keyscan:documented-example:v1";
var documentedExamples = [
  { hash: "dcf63162aa6abb79743979fd86cf1c79", length: 20, source: "AWS documentation: example access key ID" },
  { hash: "34fa9639c929a554890e378013b84649", length: 40, source: "AWS documentation: example secret access key" },
  { hash: "ad107242c91f335e2ec97f78b2dc8bbc", length: 20, source: "AWS documentation: second example access key ID" },
  { hash: "921a015faee291e6566bf45bc5fea3d1", length: 40, source: "AWS documentation: second example secret access key" },
  {
    hash: "192dd44791129a10924cabbd3647b6a0",
    length: 88,
    source: "Azure Storage emulator (Azurite) well-known account key for devstoreaccount1"
  },
  { hash: "58bd28a17a72587c150d388bb9000c3f", length: 52, source: "AWS API reference examples (Cognito): example client secret" },
  { hash: "646a7b3d5db0a0653bdafaa52c18b678", length: 12, source: "AWS API reference examples (IAM): example password" },
  { hash: "1de1c2eef386725024e5c74b8186ff01", length: 44, source: "AWS API reference examples (KMS): example key material" },
  { hash: "9406bff09fa73f4dc0a7d354a9ecc07d", length: 96, source: "AWS API reference examples (KMS): example key material" },
  { hash: "129c7b14e97c12c2ce9f7e7f52f25042", length: 976, source: "AWS API reference examples (SSO OIDC CreateToken): example token" },
  { hash: "4acedbef965461d8ef68bc3e62b4cd9c", length: 1139, source: "AWS API reference examples (SSO OIDC CreateToken): example token" },
  { hash: "adb2242cb3b2ee35caa0f9dccfa0c581", length: 920, source: "AWS API reference examples (SSO OIDC CreateToken): example token" },
  { hash: "7a98ac2437f7404a6d5258efed43f69c", length: 155, source: "jwt.io: the sample token" },
  { hash: "c5fa31266bbfe6c964c21b5657231376", length: 8, source: "Redis documentation (redis.conf requirepass example)" },
  { hash: "0b01925411e388dcf5ad99f9da4b6abc", length: 8, source: "PostgreSQL images and guides: postgres:postgres default" },
  { hash: "24e2f62cc19726764a8336f1688ba43c", length: 32, source: "Stripe documentation: sample test secret key" },
  { hash: "4394012181b9332700e7e90109231d73", length: 32, source: "Stripe documentation: sample test publishable key" },
  { hash: "5af9bc3f2905f389ea0c2f61d6cc3bdb", length: 64, source: "Flask documentation: example SECRET_KEY" },
  { hash: "00f4667d2f6ca70c42bb6c315523302c", length: 32, source: "Flask documentation: example FLASK_SECRET_KEY" },
  { hash: "61ad376148601b42eb41d6a48de922a3", length: 32, source: "Rails guides (4.1 release notes): example secret_key_base" },
  { hash: "f5bfc3be7f2eac5d398ebd6245acf7af", length: 128, source: "Rails guides (command line): example secret_key_base" },
  { hash: "58974ba44c9ce206a5920aabaefc942e", length: 13, source: "Rails API documentation (has_secure_password): example password" },
  { hash: "c61e47e5570d2b30e2a2df9d5d78ffc9", length: 20, source: "Flask documentation (quickstart, sessions): example secret_key" }
];

// src/engine/examples.ts
var HASHES = new Set(documentedExamples.map((e) => e.hash));
var LENGTHS = new Set(documentedExamples.map((e) => e.length));
function exampleHash(value2) {
  return createHmac("sha256", EXAMPLE_HASH_KEY).update(value2, "utf8").digest("hex").slice(0, 32);
}
var REMEMBERED_LENGTH = 160;
var REMEMBERED = 4096;
var remembered = /* @__PURE__ */ new Map();
function isDocumentedExample(secret) {
  if (!LENGTHS.has(secret.length)) return false;
  if (secret.length > REMEMBERED_LENGTH) return HASHES.has(exampleHash(secret));
  let known2 = remembered.get(secret);
  if (known2 === void 0) {
    if (remembered.size >= REMEMBERED) remembered.clear();
    known2 = HASHES.has(exampleHash(secret));
    remembered.set(secret, known2);
  }
  return known2;
}

// src/engine/owned-names.ts
var PASSWORD_NAME = /pass|pwd|salt/;
var FILLERS = ["0", "a", "A"];
var MAX_FILL = 300;
function isCutShort(format, value2) {
  for (const fill of FILLERS) {
    for (let n = 1; n <= MAX_FILL; n++) if (format.test(value2 + fill.repeat(n))) return true;
  }
  return false;
}
function isDisowned(owned, name2, value2) {
  const flat = PASSWORD_NAME.test(name2) ? "" : name2.replace(/_/g, "");
  let refuted = false;
  for (const o of owned) {
    const byName = flat !== "" && o.names.some((n) => flat.startsWith(n));
    const byPrefix = !byName && o.prefixes.some((p) => value2.startsWith(p));
    if (!byName && !byPrefix) continue;
    if (o.value.test(value2)) {
      if (!o.alphabetOnly) return false;
    } else if (byName || isCutShort(o.value, value2)) refuted = true;
  }
  return refuted;
}

// src/engine/per-path.ts
function rememberedPerPath(cap, answer) {
  const known2 = /* @__PURE__ */ new WeakMap();
  return (catalogue2, path) => {
    let answers = known2.get(catalogue2);
    if (answers === void 0) {
      answers = /* @__PURE__ */ new Map();
      known2.set(catalogue2, answers);
    }
    let value2 = answers.get(path);
    if (value2 === void 0) {
      value2 = answer(catalogue2, path);
      if (answers.size >= cap) answers.clear();
      answers.set(path, value2);
    }
    return value2;
  };
}

// src/engine/path-verdicts.ts
var PathVerdicts = class {
  constructor(paths, path) {
    this.paths = paths;
    this.path = path;
    this.known = new Int8Array(paths.length).fill(-1);
  }
  /** Per condition: -1 not tested yet, 0 not met, 1 met. */
  known;
  /** Whether the path meets condition `group` (an index into {@link Catalogue.paths}); no path meets none. */
  has(group) {
    let verdict = this.known[group];
    if (verdict < 0) {
      verdict = this.path !== void 0 && this.paths[group].test(this.path) ? 1 : 0;
      this.known[group] = verdict;
    }
    return verdict === 1;
  }
};
var pathVerdicts = rememberedPerPath(
  4096,
  (catalogue2, path) => new PathVerdicts(catalogue2.paths, path)
);

// src/engine/detect.ts
function detect(catalogue2, data2, path) {
  return detectAt(catalogue2, data2, pathVerdicts(catalogue2, path), path, 0);
}
function detectAt(catalogue2, data2, onPath, path, depth) {
  const carrierHits = [];
  const windows2 = collectWindows(catalogue2, data2, onPath, carrierHits);
  if (windows2.size === 0 && carrierHits.length === 0) return [];
  const text = new Latin1(data2, windowBytes(windows2) >= data2.length);
  const matches = [];
  const refuted = [];
  for (const [ruleIndex, spans] of windows2) {
    const rule = catalogue2.rules[ruleIndex];
    const seen = /* @__PURE__ */ new Set();
    for (let i = 0; i < spans.length; i += 2) {
      const a = Math.max(0, spans[i]);
      const b = Math.min(text.length, spans[i + 1]);
      for (const found of matchWindow(rule, text, a, b)) {
        const m = onCharBoundaries(data2, found);
        if (m.end <= m.start) continue;
        const key = m.start * 65536 + (m.end - m.start);
        if (seen.has(key)) continue;
        seen.add(key);
        const lines = text.lines(m.matchStart, Math.max(m.matchEnd, m.end));
        const verdict = accept(rule, lines.text, shifted(m, -lines.base), path, catalogue2);
        if (verdict === "refuted") refuted.push(m);
        if (verdict === false || verdict === "refuted") continue;
        const secret = data2.toString("utf8", m.start, m.end);
        matches.push(verdict === "example" ? { ...m, secret, example: true } : { ...m, secret });
      }
    }
  }
  if (carrierHits.length > 0 && depth < MAX_DEPTH)
    matches.push(...detectEncoded(catalogue2, text.whole(), carrierHits, onPath, path, depth));
  return resolveOverlaps(catalogue2, matches, refuted);
}
var Latin1 = class {
  constructor(data2, eager) {
    this.data = data2;
    this.length = data2.length;
    if (eager) this.text = data2.toString("latin1");
  }
  text;
  /** Bytes decoded line by line so far (see lines). */
  decoded = 0;
  /** The lines decoded last: [base, end) of the fragment (see lines). */
  last;
  length;
  whole() {
    this.text ??= this.data.toString("latin1");
    return this.text;
  }
  /**
   * The whole lines that hold text[from, to), with the newline before them and the one after, and
   * the offset of their first character: what a match's checks read (accept, the value syntax).
   * Each of them looks at most to the ends of the match's lines, never past a newline, and sees a
   * newline or the text's own end where the lines end, as in the whole text. A match used to decode
   * the whole fragment (git/git: C files of hundreds of kB, each with a few generic matches; with
   * the carrier check, its audit took 22.8 s of CPU against 23.2). The whole text once the lines
   * decoded so far add up to half of it, or it is decoded already. test/engine/match-lines.test.ts.
   */
  lines(from, to) {
    const last = this.last;
    if (last !== void 0 && (last.base === 0 || from > last.base) && (to < last.end || last.end === this.length)) return last;
    if (this.text === void 0) {
      const before = from > 0 ? this.data.lastIndexOf(10, from - 1) : -1;
      const base = before === -1 ? 0 : before;
      const after2 = this.data.indexOf(10, to);
      const end = after2 === -1 ? this.length : after2 + 1;
      this.decoded += end - base;
      if (this.decoded <= this.length / 2) {
        this.last = { text: this.data.toString("latin1", base, end), base, end };
        return this.last;
      }
    }
    return { text: this.whole(), base: 0 };
  }
  /** text[a, b), without decoding the rest while nothing has matched. */
  slice(a, b) {
    if (a === 0 && b === this.length) return this.whole();
    return this.text === void 0 ? this.data.toString("latin1", a, b) : this.text.slice(a, b);
  }
};
function windowBytes(windows2) {
  let total = 0;
  for (const spans of windows2.values()) for (let i = 0; i < spans.length; i += 2) total += spans[i + 1] - spans[i];
  return total;
}
function onCharBoundaries(data2, m) {
  let { start, end } = m;
  while (start < end && (data2[start] & 192) === 128) start++;
  if (end < data2.length && (data2[end] & 192) === 128) {
    while (end > start && (data2[end] & 192) === 128) end--;
  }
  return start === m.start && end === m.end ? m : { ...m, start, end };
}
function detectEncoded(catalogue2, text, carrierHits, onPath, path, depth) {
  const found = [];
  for (const run of carrierRuns(text, carrierHits)) {
    const decoded = decodeRun(text, run);
    if (decoded === void 0) continue;
    for (const inner of detectAt(catalogue2, decoded, onPath, path, depth + 1)) {
      found.push({
        rule: inner.rule,
        start: run[0],
        end: run[1],
        matchStart: run[0],
        matchEnd: run[1],
        secret: inner.secret,
        encoded: true,
        ...inner.example ? { example: true } : {}
      });
    }
  }
  return found;
}
function collectWindows(catalogue2, data2, onPath, carrierHits) {
  const windows2 = /* @__PURE__ */ new Map();
  const { rules, rulesByKeyword, keywords, carrierOf } = catalogue2;
  const add = (ruleIndex, a, b) => {
    let list = windows2.get(ruleIndex);
    if (list === void 0) {
      list = [];
      windows2.set(ruleIndex, list);
    }
    const n = list.length;
    if (n > 0 && a <= list[n - 1]) {
      list[n - 2] = Math.min(list[n - 2], a);
      list[n - 1] = Math.max(list[n - 1], b);
    } else {
      list.push(a, b);
    }
  };
  const carriers = new CarrierCheck(data2);
  findKeywords(keywords, data2, (keywordId, end) => {
    const carrier = carrierOf[keywordId];
    if (carrier !== void 0 && carriers.mayCarry(CARRIERS[carrier], end)) carrierHits.push(carrier, end);
    const start = end - keywords.keywords[keywordId].length;
    for (const ruleIndex of rulesByKeyword[keywordId]) {
      const rule = rules[ruleIndex];
      if (rule.pathGroup !== void 0 && !onPath.has(rule.pathGroup)) continue;
      if (rule.exactKeywords !== void 0 && !spelledAs(data2, start, rule.exactKeywords.get(keywords.keywords[keywordId])))
        continue;
      add(ruleIndex, start - rule.maxLength, end + rule.maxLength);
    }
  });
  for (const ruleIndex of catalogue2.unconditional) {
    const group = rules[ruleIndex].pathGroup;
    if (group === void 0 || onPath.has(group)) add(ruleIndex, 0, data2.length);
  }
  return windows2;
}
function spelledAs(data2, start, spellings) {
  if (spellings === void 0) return true;
  for (const word of spellings) {
    let i = 0;
    while (i < word.length && data2[start + i] === word[i]) i++;
    if (i === word.length) return true;
  }
  return false;
}
function matchWindow(rule, text, a, b) {
  const sub = text.slice(a, b);
  const re = rule.regex;
  re.lastIndex = 0;
  const found = [];
  for (let m = re.exec(sub); m !== null; m = re.exec(sub)) {
    const length = m[0].length;
    if (length === 0) {
      re.lastIndex++;
      continue;
    }
    if (m.index === 0 && a > 0 || m.index + length === sub.length && b < text.length) {
      const grow = Math.max(b - a, 64);
      return matchWindow(rule, text, Math.max(0, a - grow), Math.min(text.length, b + grow));
    }
    const matchStart = a + m.index;
    if (rule.valueSyntax === void 0) {
      const [s, e] = secretSpan(rule, sub, m);
      found.push({ rule: rule.index, start: a + s, end: a + e, matchStart, matchEnd: matchStart + length });
      continue;
    }
    const at = matchStart + length - 1;
    const lines = text.lines(matchStart, at + 1);
    const read = rule.valueSyntax(lines.text, matchStart - lines.base, at - lines.base);
    if (read === void 0 || read[1] - read[0] > rule.maxLength) continue;
    const [start, end] = [read[0] + lines.base, read[1] + lines.base];
    found.push({ rule: rule.index, start, end, matchStart, matchEnd: Math.max(matchStart + length, end) });
  }
  return found;
}
function shifted(m, by) {
  return by === 0 ? m : { ...m, start: m.start + by, end: m.end + by, matchStart: m.matchStart + by, matchEnd: m.matchEnd + by };
}
function secretSpan(rule, text, m) {
  const whole = [m.index, m.index + m[0].length];
  if (m.groups?.secret === void 0) return whole;
  const locate = rule.locate();
  locate.lastIndex = m.index;
  const located = locate.exec(text);
  return located?.indices?.groups?.secret ?? whole;
}
function accept(rule, text, m, path, catalogue2) {
  const secret = text.slice(m.start, m.end);
  if (secret.length === 0) return false;
  if (isDocumentedExample(secret)) return "example";
  if (rule.validator !== void 0 && !rule.validator({ secret, before: textBefore(text, m), path, lineHead: lineHead(text, m.matchStart) })) {
    return rule.refutes && !rule.generic ? "refuted" : false;
  }
  if (!meetsEntropy(secret, rule.entropy)) return false;
  if (isPlaceholder(keyMaterial(secret))) return false;
  if (insideEncodedRun(text, m.start, m.end)) return false;
  if (matchesAny(rule.allowSecret, secret)) return false;
  if (rule.allowLine.length > 0) {
    if (matchesAny(rule.allowLine, lineAround(text, m.matchStart, m.matchEnd))) return false;
  }
  return !(rule.generic && isDisowned(catalogue2.owned, secretName(textBefore(text, m)), secret));
}
function textBefore(text, m) {
  const from = Math.max(0, m.matchStart - 48);
  const lineStart = from + text.slice(from, m.matchStart).lastIndexOf("\n") + 1;
  return text.slice(Math.max(lineStart, from), m.start);
}
function lineHead(text, at) {
  const from = Math.max(0, at - 120);
  for (let i = at - 1; i >= from; i--) if (text.charCodeAt(i) === 10) return text.slice(i + 1, at);
  return from === 0 ? text.slice(0, at) : `\0${text.slice(from, at)}`;
}
function matchesAny(patterns, text) {
  for (const p of patterns) {
    p.lastIndex = 0;
    if (p.test(text)) return true;
  }
  return false;
}
function lineAround(text, start, end) {
  const from = text.lastIndexOf("\n", start - 1) + 1;
  const to = text.indexOf("\n", end);
  return text.slice(from, to === -1 ? text.length : to);
}
function resolveOverlaps(catalogue2, matches, refuted) {
  const ruleOf = (m) => catalogue2.rules[m.rule];
  const isGeneric = (m) => ruleOf(m).generic;
  const overlapsRefuted = refuted.length === 0 ? () => false : specificOverlapTest([...refuted]);
  const claimed = claimedPrefixes(catalogue2);
  matches = matches.filter((m) => !isGeneric(m) || !(claimed(m.secret) || overlapsRefuted(m)));
  if (matches.length < 2) return matches;
  const overlapsSpecific = specificOverlapTest(matches.filter((m) => !isGeneric(m)));
  const scoped = matches.filter((m) => isGeneric(m) && ruleOf(m).pathGroup !== void 0);
  const overlapsScoped = scoped.length === 0 ? () => false : specificOverlapTest(scoped);
  const best = /* @__PURE__ */ new Map();
  for (const m of matches) {
    if (isGeneric(m) && overlapsSpecific(m)) continue;
    if (isGeneric(m) && ruleOf(m).pathGroup === void 0 && overlapsScoped(m)) continue;
    const key = `${m.start}:${m.end}:${isGeneric(m)}:${m.secret}`;
    const held = best.get(key);
    const length = m.matchEnd - m.matchStart;
    const heldLength = held === void 0 ? -1 : held.matchEnd - held.matchStart;
    if (held === void 0 || length > heldLength || length === heldLength && m.rule < held.rule) best.set(key, m);
  }
  return [...best.values()].sort((x, y) => x.start - y.start || x.rule - y.rule);
}
var claimedCache = /* @__PURE__ */ new WeakMap();
var NOT_A_PREFIX = /* @__PURE__ */ new Set(["key-", "secret-", "secret-live-", "secret-test-", "1000."]);
function claimedPrefixSet(catalogue2) {
  const prefixes = /* @__PURE__ */ new Set();
  const { rules, rulesByKeyword } = catalogue2;
  catalogue2.keywords.keywords.forEach((k, id) => {
    if (k.length < 4 || !/^[a-z0-9][a-z0-9_.-]*[_.-]$/.test(k) || NOT_A_PREFIX.has(k)) return;
    if ((rulesByKeyword[id] ?? []).some((i) => rules[i]?.generic === false)) prefixes.add(k);
  });
  return prefixes;
}
function claimedPrefixes(catalogue2) {
  let test = claimedCache.get(catalogue2);
  if (test !== void 0) return test;
  const prefixes = claimedPrefixSet(catalogue2);
  const lengths = [...new Set([...prefixes].map((p) => p.length))];
  test = (value2) => /[^A-Za-z0-9_.+/=-]/.test(value2) && lengths.some((n) => value2.length > n && prefixes.has(value2.slice(0, n).toLowerCase()));
  claimedCache.set(catalogue2, test);
  return test;
}
function specificOverlapTest(specific) {
  specific.sort((a, b) => a.start - b.start);
  const maxEnd = [];
  for (const o of specific) maxEnd.push(Math.max(o.end, maxEnd[maxEnd.length - 1] ?? 0));
  return (m) => {
    let lo = 0;
    let hi = specific.length;
    while (lo < hi) {
      const mid = lo + hi >>> 1;
      if (specific[mid].start < m.end) lo = mid + 1;
      else hi = mid;
    }
    return lo > 0 && maxEnd[lo - 1] > m.start;
  };
}

// src/git/run.ts
import { spawn } from "node:child_process";
import { existsSync } from "node:fs";
import { PassThrough, Readable } from "node:stream";
var PINNED_CONFIG = [
  // What log and diff print.
  ["log.showRoot", "true"],
  ["log.showSignature", "false"],
  ["log.decorate", "false"],
  ["log.follow", "false"],
  ["log.abbrevCommit", "false"],
  ["log.mailmap", "false"],
  ["format.pretty", "medium"],
  ["i18n.logOutputEncoding", "UTF-8"],
  ["core.quotePath", "false"],
  ["core.useReplaceRefs", "false"],
  ["color.ui", "false"],
  ["color.diff", "false"],
  ["diff.noprefix", "false"],
  ["diff.mnemonicPrefix", "false"],
  ["diff.srcPrefix", "a/"],
  ["diff.dstPrefix", "b/"],
  ["diff.relative", "false"],
  ["diff.renames", "true"],
  ["diff.algorithm", "myers"],
  ["diff.indentHeuristic", "true"],
  ["diff.context", "3"],
  ["diff.interHunkContext", "0"],
  ["diff.suppressBlankEmpty", "false"],
  ["diff.wsErrorHighlight", "none"],
  ["diff.orderFile", "/dev/null"],
  ["diff.submodule", "short"],
  ["diff.ignoreSubmodules", "none"],
  ["diff.colorMoved", "no"],
  // Above this size git's diff calls a blob binary and prints no lines: the default, not the repository's.
  ["core.bigFileThreshold", "512m"],
  // A commit-graph file is a cache of parents the repository ships itself: read them from the commits.
  ["core.commitGraph", "false"],
  // GIT_GRAFT_FILE=/dev/null (see gitEnv) is read as a graft file: without this, every command
  // says grafts are deprecated, and that hint stood first in the message of a real git error.
  ["advice.graftFileDeprecated", "false"],
  // Programs and hooks.
  ["core.fsmonitor", "false"],
  ["core.untrackedCache", "false"],
  ["core.hooksPath", "/dev/null"],
  ["core.pager", "cat"],
  ["protocol.ext.allow", "never"],
  // A fetch asks this command for the refs of borrowed object stores (objects/info/alternates);
  // `true` answers "none", which only makes the fetch negotiate without them.
  ["core.alternateRefsCommand", "true"],
  ["gc.auto", "0"],
  ["maintenance.auto", "false"],
  ["fetch.writeCommitGraph", "false"],
  ["fetch.prune", "false"],
  ["fetch.pruneTags", "false"],
  ["submodule.recurse", "false"]
];
var PINNED_ARGS = ["--no-pager", ...PINNED_CONFIG.flatMap(([k, v]) => ["-c", `${k}=${v}`])];
function pinnedArgs(args) {
  return subcommand(args) === "config" ? [...args] : [...PINNED_ARGS, ...args];
}
var DROPPED_ENV = [
  "GIT_DIFF_OPTS",
  "GIT_EXTERNAL_DIFF",
  "GIT_NOTES_REF",
  "GIT_LITERAL_PATHSPECS",
  "GIT_GLOB_PATHSPECS",
  "GIT_NOGLOB_PATHSPECS",
  "GIT_ICASE_PATHSPECS",
  "GIT_REPLACE_REF_BASE"
];
function gitEnv() {
  const env = {
    ...process.env,
    GIT_TERMINAL_PROMPT: "0",
    GIT_PAGER: "cat",
    LC_ALL: "C",
    GIT_OPTIONAL_LOCKS: "0",
    GIT_NO_REPLACE_OBJECTS: "1",
    GIT_GRAFT_FILE: "/dev/null"
  };
  for (const name2 of DROPPED_ENV) delete env[name2];
  return env;
}
function startGit(args, cwd, withStdin) {
  const env = gitEnv();
  return claimPrefetched(args, cwd, withStdin, env) ?? spawnGit(args, cwd, withStdin, env);
}
function spawnGit(args, cwd, withStdin, env) {
  const child = spawn("git", pinnedArgs(args), { cwd, env, stdio: [withStdin ? "pipe" : "ignore", "pipe", "pipe"] });
  const closed = new Promise((resolve, reject) => {
    child.on("error", reject);
    child.on("close", (code, signal) => resolve({ code, signal }));
  });
  closed.catch(() => void 0);
  const { stdout, stderr } = child;
  if (stdout === null || stderr === null) throw new KeyscanError("E_GIT", "could not read git output");
  return { child, stdout, stderr, closed };
}
function ended(stream) {
  if (stream.readableEnded || stream.destroyed) return Promise.resolve();
  return new Promise((resolve) => {
    stream.once("end", resolve);
    stream.once("close", resolve);
  });
}
var PREFETCHED = Symbol.for("keyscan.prefetched-git");
function prefetchKey(args, cwd, withStdin, env) {
  return JSON.stringify([pinnedArgs(args), cwd, withStdin, env]);
}
function claimPrefetched(args, cwd, withStdin, env) {
  const registry = globalThis[PREFETCHED];
  if (registry === void 0 || registry.size === 0) return void 0;
  const key = prefetchKey(args, cwd, withStdin, env);
  const p = registry.get(key);
  if (p === void 0) return void 0;
  registry.delete(key);
  p.child.ref();
  for (const s of [p.child.stdin, p.child.stdout, p.child.stderr]) s?.ref?.();
  return p;
}
function subcommand(args) {
  for (let i = 0; i < args.length; i++) {
    const a = args[i];
    if (a === "-c" || a === "-C") i++;
    else if (!a.startsWith("-")) return a;
  }
  return "";
}
function gitFailure(args, cwd, stderr) {
  const detail = firstLine(stderr);
  const corrupt = /corrupt|inflate|bad object|missing|unable to read|packfile|does not exist|fatal: loose object/i.test(stderr);
  return new KeyscanError("E_GIT", `git ${subcommand(args)} failed in ${cwd}: ${detail}`, {
    hint: corrupt ? "The repository may be damaged or incomplete: run `git fsck --full`, or scan a fresh clone. Nothing was reported as clean." : "Run the same git command yourself to see the whole message."
  });
}
function firstLine(text) {
  return text.trim().split("\n")[0] ?? "";
}
async function* gitStream(args, cwd, input) {
  const { child, stdout, stderr, closed } = startGit(args, cwd, input !== void 0);
  if (input !== void 0 && child.stdin !== null) {
    child.stdin.on("error", () => void 0);
    if (typeof input === "string") child.stdin.end(input);
    else Readable.from(input).pipe(child.stdin);
  }
  const err = [];
  stderr.on("data", (b) => {
    if (err.length < 64) err.push(b);
  });
  const exit = closed.then(
    ({ code: code2, signal }) => code2 ?? (signal ? 128 : 0),
    (e) => Promise.reject(spawnError(e, cwd))
  );
  exit.catch(() => void 0);
  try {
    for await (const chunk of stdout) yield chunk;
  } finally {
    if (child.exitCode === null) child.kill();
  }
  const code = await exit;
  await ended(stderr);
  if (code !== 0) throw gitFailure(args, cwd, Buffer.concat(err).toString("utf8"));
}
function spawnError(e, cwd) {
  if (systemErrorCode(e) === "ENOENT" && !existsSync(cwd)) {
    return new KeyscanError("E_PATH", `the directory ${cwd} does not exist`, {
      hint: "Check the path given to -C (relative paths are taken from where keyscan was started).",
      cause: e
    });
  }
  return new KeyscanError("E_GIT", `could not run git: ${e.message}`, { hint: "Install git and make sure it is on PATH.", cause: e });
}

// src/git/blob-walk.ts
async function streamBlobs(repo, requests, cap, each) {
  let scratch = Buffer.allocUnsafe(1 << 16);
  let header = [];
  let remaining = -1;
  let size = 0;
  let filled = 0;
  let keep = false;
  let isBlob = false;
  let answered = 0;
  const answer = (missing) => {
    answered++;
    each({ size: missing ? 0 : size, data: keep && !missing ? scratch.subarray(0, size) : void 0, missing });
  };
  for await (const chunk of gitStream(["cat-file", "--batch"], repo, requests)) {
    let at = 0;
    while (at < chunk.length) {
      if (remaining < 0) {
        const nl = chunk.indexOf(10, at);
        if (nl === -1) {
          header.push(chunk.subarray(at));
          break;
        }
        header.push(chunk.subarray(at, nl));
        const parts = Buffer.concat(header).toString("latin1").split(" ");
        header = [];
        at = nl + 1;
        if (parts.length < 3) {
          keep = false;
          answer(true);
          continue;
        }
        isBlob = parts[1] === "blob";
        size = Number(parts[2]);
        keep = isBlob && size <= cap;
        if (keep && scratch.length < size) scratch = Buffer.allocUnsafe(Math.max(size, scratch.length * 2));
        filled = 0;
        remaining = size + 1;
        if (keep && chunk.length - at >= remaining) {
          answered++;
          each({ size, data: chunk.subarray(at, at + size), missing: false });
          at += remaining;
          remaining = -1;
        }
        continue;
      }
      const take = Math.min(remaining, chunk.length - at);
      const content2 = Math.min(take, size - filled);
      if (keep && content2 > 0) chunk.copy(scratch, filled, at, at + content2);
      filled += Math.max(0, content2);
      at += take;
      remaining -= take;
      if (remaining === 0) {
        remaining = -1;
        answer(!isBlob);
      }
    }
  }
  return answered;
}

// src/sources/changes.ts
var HOLD_CAP = 16 << 20;
var BLOB_CAP = 32 << 20;
var WHOLE_FILE = 2 ** 31;
var ChangeRouter = class {
  #ready = [];
  #current;
  /** What is ready to scan, in diff order. */
  take() {
    return this.#ready.splice(0);
  }
  fragment(fragment, commit) {
    const file = fragment.file;
    let state = this.#current;
    if (state?.file !== file) {
      const readable = file.newBlob !== void 0 && !file.gitlink;
      state = { file, mode: readable && !file.isNew ? "blob" : "fast", added: [], held: [], heldBytes: 0 };
      this.#current = state;
    }
    if (state.mode === "fast" && file.newBlob !== void 0 && !file.gitlink && state.heldBytes === 0 && needsBlob(fragment)) {
      state.mode = "blob";
    }
    if (state.mode === "drop") return;
    if (state.mode === "fast") {
      this.#ready.push({ kind: "fragment", fragment, commit });
      return;
    }
    const last = fragment.firstLine + fragment.lines - 1;
    const n = state.added.length;
    if (n > 0 && state.added[n - 1] + 1 >= fragment.firstLine) state.added[n - 1] = last;
    else state.added.push(fragment.firstLine, last);
    state.held.push(fragment);
    state.heldBytes += fragment.data.length;
    if (state.heldBytes > HOLD_CAP) {
      const first = state.held[0];
      if (file.isNew && first.firstLine === 1 && toScannableText(first.data.subarray(0, SNIFF)) === "binary") {
        this.#ready.push({ kind: "binary", path: fragment.path, commit });
        state.held = [];
        state.mode = "drop";
        return;
      }
      for (const f of state.held) this.#ready.push({ kind: "fragment", fragment: f, commit });
      state.held = [];
      state.added = [];
      state.mode = "fast";
      state.heldBytes = 1;
    }
  }
  fileEnd(file, commit) {
    const state = this.#current?.file === file ? this.#current : void 0;
    this.#current = void 0;
    const path = file.path;
    if (path === void 0) return;
    if (file.binary && state === void 0) {
      if (file.newBlob === void 0 || file.gitlink) this.#ready.push({ kind: "binary", path, commit });
      else this.#ready.push({ kind: "blob", path, blob: file.newBlob, added: [1, WHOLE_FILE], held: [], commit, file });
      return;
    }
    if (state?.mode !== "blob" || state.added.length === 0 || file.newBlob === void 0) return;
    this.#ready.push({ kind: "blob", path, blob: file.newBlob, added: state.added, held: state.held, commit, file });
  }
};
function needsBlob(fragment) {
  return fragment.cut || fragment.data.includes(0) || fragment.firstLine === 1 && utf16Order(fragment.data) !== void 0;
}

// src/scanner/blob-batch.ts
function batchSize(batch) {
  return batch.pathStart.length - 1;
}

// src/scanner/blob-scan.ts
var PROGRESS_MS = 250;
async function scanBlobBatch(catalogue2, repo, batch, options2 = {}, onProgress) {
  const flagged = [];
  let bytesScanned = 0;
  let filesScanned = 0;
  let next = 0;
  let lastReport = performance.now();
  const count = batchSize(batch);
  const paths = [];
  const judge = (read) => {
    const item = next++;
    if (item >= count) return;
    paths.length = 0;
    for (let k = batch.pathStart[item]; k < batch.pathStart[item + 1]; k++)
      paths.push(batch.paths[batch.pathIndex[k]]);
    if (needsPatches(catalogue2, read, paths, options2)) flagged.push(item);
    filesScanned++;
    bytesScanned += read.size;
    const now = performance.now();
    if (onProgress !== void 0 && now - lastReport >= PROGRESS_MS) {
      lastReport = now;
      onProgress({ commitsScanned: 0, bytesScanned });
    }
  };
  await streamBlobs(repo, batch.ids, BLOB_CAP, judge);
  if (next !== count) throw new Error("git cat-file ended before answering every request");
  return { findings: [], filesScanned, bytesScanned, skipped: [], errors: [], flagged };
}
function needsPatches(catalogue2, read, paths, options2) {
  const raw = read.data;
  if (raw === void 0 || read.missing) return true;
  if (raw.includes(0) || utf16Order(raw) !== void 0) return true;
  const text = toScannableText(raw);
  if (text === "binary" || isLfsPointer(text)) return true;
  if (options2.allowMarkers && findAllowMarkerLines(text).length > 0) return true;
  if (paths.length === 1) return detect(catalogue2, text, paths[0]).length > 0;
  const seen = /* @__PURE__ */ new Set();
  for (const path of paths) {
    const signature = pathSignature(catalogue2, path);
    if (seen.has(signature)) continue;
    seen.add(signature);
    if (detect(catalogue2, text, path).length > 0) return true;
  }
  return false;
}
var pathSignature = rememberedPerPath(4096, signatureOf);
function signatureOf(catalogue2, path) {
  let s = "";
  for (const condition of catalogue2.paths) s += condition.test(path) ? "1" : "0";
  s += isTestPath(path) ? "T" : "t";
  s += isDocPath(path) ? "D" : "d";
  s += isIllustrativePath(path) ? "I" : "i";
  s += isExamplePath(path) ? "E" : "e";
  return s;
}

// src/git/cat-file.ts
var BatchParser = class {
  #cap;
  #headBytes;
  #emit;
  #header = Buffer.alloc(0);
  /** Content bytes still expected for the current object (+1 for its trailing newline). */
  #remaining = -1;
  #size = 0;
  #data;
  #head = Buffer.alloc(0);
  #filled = 0;
  #isBlob = false;
  constructor(cap, emit2, headBytes = 8e3) {
    this.#cap = cap;
    this.#headBytes = headBytes;
    this.#emit = emit2;
  }
  push(chunk) {
    let at = 0;
    while (at < chunk.length) {
      if (this.#remaining < 0) {
        const nl = chunk.indexOf(10, at);
        if (nl === -1) {
          this.#header = Buffer.concat([this.#header, chunk.subarray(at)]);
          return;
        }
        const header = Buffer.concat([this.#header, chunk.subarray(at, nl)]).toString("latin1");
        this.#header = Buffer.alloc(0);
        at = nl + 1;
        this.#start(header);
        continue;
      }
      const take = Math.min(this.#remaining, chunk.length - at);
      this.#fill(chunk.subarray(at, at + take));
      at += take;
      this.#remaining -= take;
      if (this.#remaining === 0) this.#finish();
    }
  }
  #start(header) {
    const parts = header.split(" ");
    if (parts.length < 3) {
      this.#emit({ size: 0, data: void 0, head: Buffer.alloc(0), missing: true });
      return;
    }
    this.#size = Number(parts[2]);
    this.#data = this.#size <= this.#cap ? Buffer.allocUnsafe(this.#size) : void 0;
    this.#filled = 0;
    this.#remaining = this.#size + 1;
    this.#isBlob = parts[1] === "blob";
    if (!this.#isBlob) this.#data = void 0;
    const headLength = Math.min(this.#size, this.#headBytes);
    this.#head = this.#data === void 0 ? Buffer.alloc(headLength) : this.#data.subarray(0, headLength);
  }
  #fill(piece) {
    const room = this.#size - this.#filled;
    const content2 = piece.subarray(0, Math.max(0, Math.min(piece.length, room)));
    if (this.#data !== void 0) content2.copy(this.#data, this.#filled);
    else if (this.#filled < this.#head.length) content2.copy(this.#head, this.#filled, 0, this.#head.length - this.#filled);
    this.#filled += content2.length;
  }
  #finish() {
    this.#remaining = -1;
    this.#emit({ size: this.#size, data: this.#data, head: this.#head, missing: !this.#isBlob });
    this.#data = void 0;
  }
};

// src/git/diff-options.ts
var DIFF_PINS = ["-c", "core.quotePath=false", "-c", "log.showSignature=false", "-c", "diff.noprefix=false"];
var DIFF_OPTIONS = [
  "--no-color",
  "--no-ext-diff",
  "--no-textconv",
  "--text",
  "--full-index",
  "--src-prefix=a/",
  "--dst-prefix=b/",
  "--no-relative",
  "-U0"
];

// src/git/staged-commands.ts
var STAGED_DIFF_ARGS = [...DIFF_PINS, "diff", "--cached", ...DIFF_OPTIONS, "-M", "--diff-filter=ACMRTU"];
var STAGED_ARGS = [
  "--no-replace-objects",
  ...DIFF_PINS,
  "diff",
  "--cached",
  "--raw",
  "-z",
  ...DIFF_OPTIONS,
  "-M",
  "--diff-filter=ACMRTU"
];
var CAT_FILE_ARGS = ["cat-file", "--batch"];

// src/git/history.ts
var LOG_FORMAT = "%x1e%H%x1f%P%x1f%an%x1f%ae%x1f%aI";
function commitPatches(repo, commits, paths) {
  const args = [
    ...DIFF_PINS,
    "log",
    "--no-walk=unsorted",
    "--stdin",
    "-p",
    "--cc",
    "--no-renames",
    `--format=${LOG_FORMAT}`,
    "--encoding=UTF-8",
    ...DIFF_OPTIONS,
    // Only these paths' changes (the blob design's second pass), each named literally.
    ...paths === void 0 ? [] : ["--", ...paths.map((p) => `:(literal)${p}`)]
  ];
  return gitStream(args, repo, `${commits.join("\n")}
`);
}

// src/sources/blobs.ts
var RequestQueue = class {
  #lines = [];
  #wake;
  #closed = false;
  push(line) {
    this.#lines.push(line);
    this.#wake?.();
  }
  close() {
    this.#closed = true;
    this.#wake?.();
  }
  async *[Symbol.asyncIterator]() {
    for (; ; ) {
      if (this.#lines.length > 0) {
        yield this.#lines.splice(0).join("");
        continue;
      }
      if (this.#closed) return;
      await new Promise((resolve) => {
        this.#wake = resolve;
      });
      this.#wake = void 0;
    }
  }
};
var BlobReader = class {
  #cap;
  #requests = new RequestQueue();
  #pending = [];
  #failure;
  #done;
  #repo;
  #holdLimit;
  /** Bytes of blobs answered and not yet released (with a hold limit). */
  #held = 0;
  #space;
  #closing = false;
  /**
   * Blobs larger than `cap` bytes are not held in memory: only their size and head are returned.
   * With `holdLimit`, the reader stops reading git's answers while more than that many bytes of
   * answered blobs are not yet {@link release}d: many requests can then be in flight (written to
   * git together) while memory stays bounded by what is read ahead.
   */
  constructor(repo, cap, holdLimit = Number.POSITIVE_INFINITY) {
    this.#repo = repo;
    this.#cap = cap;
    this.#holdLimit = holdLimit;
  }
  /** A read's blob is no longer needed (only counts with a hold limit). */
  release(read) {
    this.#held -= read.data?.length ?? 0;
    if (this.#held <= this.#holdLimit) this.#wake();
  }
  #wake() {
    const space = this.#space;
    this.#space = void 0;
    space?.();
  }
  read(oid) {
    if (this.#failure !== void 0) return Promise.reject(this.#failure);
    this.#done ??= this.#run();
    return new Promise((resolve, reject) => {
      this.#pending.push({ resolve, reject });
      this.#requests.push(`${oid}
`);
    });
  }
  /** Ends the git process; throws if it failed (a failed read must never pass for a clean one). */
  async close() {
    this.#requests.close();
    this.#closing = true;
    this.#wake();
    await this.#done;
    if (this.#failure !== void 0) throw this.#failure;
  }
  async #run() {
    const parser = new BatchParser(
      this.#cap,
      (read) => {
        this.#held += read.data?.length ?? 0;
        this.#pending.shift()?.resolve(read);
      },
      SNIFF
    );
    try {
      for await (const chunk of gitStream(CAT_FILE_ARGS, this.#repo, this.#requests)) {
        parser.push(chunk);
        while (this.#held > this.#holdLimit && !this.#closing) {
          await new Promise((resolve) => {
            this.#space = resolve;
          });
        }
      }
      if (this.#pending.length > 0) throw new Error("git cat-file ended before answering every request");
    } catch (e) {
      this.#failure = e;
      for (const p of this.#pending.splice(0)) p.reject(e);
    }
  }
};

// src/sources/change-fallback.ts
function changedBlobVerdict(blob, change) {
  if (blob.data !== void 0) return { kind: "blob", data: blob.data };
  const nothingHeld = change.held.length === 0;
  if (blob.missing) return nothingHeld ? { kind: "skip", reason: "unreadable" } : { kind: "lines", judged: false };
  if (toScannableText(blob.head) === "binary") return { kind: "skip", reason: "binary" };
  if (utf16Order(blob.head) !== void 0 || nothingHeld) return { kind: "skip", reason: "tooLarge" };
  return { kind: "lines", judged: true };
}

// src/sources/cquote.ts
var ESCAPES = { a: 7, b: 8, t: 9, n: 10, v: 11, f: 12, r: 13, '"': 34, "\\": 92 };
function unquoteGitPath(text) {
  return unquoteGitPathBytes(Buffer.from(text, "utf8")).toString("utf8");
}
function unquoteGitPathBytes(raw) {
  if (raw.length < 2 || raw[0] !== 34 || raw[raw.length - 1] !== 34) return raw;
  const bytes = [];
  const body = raw.toString("latin1", 1, raw.length - 1);
  for (let i = 0; i < body.length; i++) {
    const c = body[i];
    if (c !== "\\") {
      bytes.push(c.charCodeAt(0));
      continue;
    }
    const next = body[i + 1] ?? "";
    if (/[0-7]/.test(next)) {
      bytes.push(Number.parseInt(body.slice(i + 1, i + 4), 8));
      i += 3;
    } else {
      bytes.push(ESCAPES[next] ?? next.charCodeAt(0));
      i += 1;
    }
  }
  return Buffer.from(bytes);
}

// src/sources/paths.ts
function decodePath(bytes) {
  const buf = Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  if (isUtf8(buf)) return buf.toString("utf8");
  let out = "";
  let i = 0;
  while (i < buf.length) {
    const n = utf8SequenceLength(buf, i);
    if (n === 0) {
      out += `\\x${buf[i].toString(16).padStart(2, "0")}`;
      i++;
    } else {
      out += buf.toString("utf8", i, i + n);
      i += n;
    }
  }
  return out;
}
function utf8SequenceLength(buf, i) {
  const b = buf[i];
  if (b < 128) return 1;
  const cont = (k) => i + k < buf.length && (buf[i + k] & 192) === 128;
  if (b >= 194 && b <= 223) return cont(1) ? 2 : 0;
  if (b >= 224 && b <= 239) {
    const b1 = buf[i + 1] ?? 0;
    if (b === 224 && b1 < 160) return 0;
    if (b === 237 && b1 > 159) return 0;
    return cont(1) && cont(2) ? 3 : 0;
  }
  if (b >= 240 && b <= 244) {
    const b1 = buf[i + 1] ?? 0;
    if (b === 240 && b1 < 144) return 0;
    if (b === 244 && b1 > 143) return 0;
    return cont(1) && cont(2) && cont(3) ? 4 : 0;
  }
  return 0;
}
function isUtf8(bytes) {
  const buf = Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  return Buffer.from(buf.toString("utf8"), "utf8").equals(buf);
}

// src/sources/diff.ts
var MAX_FRAGMENT = 1 << 20;
var PLUS = 43;
var MINUS = 45;
var SPACE = 32;
var AT = 64;
var RS = 30;
var NEWLINE = 10;
var DiffParser = class {
  #on;
  /** The pieces of a line not yet ended (a line can span any number of chunks). */
  #rest = [];
  #commit;
  #path;
  /** Number of parents in a combined diff (0 for a plain diff). */
  #combined = 0;
  #inHunk = false;
  #newLine = 0;
  #added = [];
  #addedBytes = 0;
  #addedStart = 0;
  #binaryPending;
  #file;
  constructor(handlers) {
    this.#on = handlers;
  }
  push(chunk) {
    let start = 0;
    let nl = chunk.indexOf(NEWLINE);
    if (nl !== -1 && this.#rest.length > 0) {
      this.#line(Buffer.concat([...this.#rest, chunk.subarray(0, nl)]));
      this.#rest = [];
      start = nl + 1;
      nl = chunk.indexOf(NEWLINE, start);
    }
    for (; nl !== -1; nl = chunk.indexOf(NEWLINE, start)) {
      if (nl === start || !this.#passOver(chunk, start, nl)) this.#line(chunk.subarray(start, nl));
      start = nl + 1;
    }
    if (start < chunk.length) this.#rest.push(Buffer.from(chunk.subarray(start)));
  }
  end() {
    if (this.#rest.length > 0) {
      this.#line(Buffer.concat(this.#rest));
      this.#rest = [];
    }
    this.#endFile();
  }
  #endFile() {
    this.#flush();
    const file = this.#file;
    this.#file = void 0;
    if (file !== void 0) this.#on.onFileEnd?.(file, this.#commit);
  }
  /**
   * A removed or unchanged line of a plain diff's hunk, judged by its first byte without a Buffer
   * for it: most lines of a history's patches are removed lines, which say nothing but "flush".
   */
  #passOver(chunk, start, end) {
    if (!this.#inHunk || this.#combined !== 0) return false;
    const first = chunk[start];
    if (first !== MINUS && first !== SPACE && first !== 92) return false;
    this.#flush();
    if (first === SPACE) this.#newLine++;
    else if (first === MINUS && this.#file !== void 0) this.#on.onRemoved?.(chunk, start + 1, end, this.#file);
    return true;
  }
  #line(line) {
    const first = line[0];
    if (this.#inHunk) {
      if (this.#combined === 0) {
        if (first === PLUS) {
          this.#add(line.subarray(1));
          return;
        }
        if (first === MINUS || first === SPACE || first === 92) {
          this.#flush();
          if (first === SPACE) this.#newLine++;
          else if (first === MINUS && this.#file !== void 0) this.#on.onRemoved?.(line, 1, line.length, this.#file);
          return;
        }
      } else if (first === PLUS || first === MINUS || first === SPACE) {
        this.#combinedLine(line);
        return;
      } else if (first === 92) {
        return;
      }
      this.#flush();
      this.#inHunk = false;
    }
    if (first === AT) this.#hunkHeader(line);
    else if (first === RS) this.#commitHeader(line);
    else if (first === 43 && line.subarray(0, 4).toString("latin1") === "+++ ") this.#targetPath(line);
    else if (first === 100) this.#fileHeader(line);
    else if (first === 66 && line.subarray(0, 13).toString("latin1") === "Binary files ") this.#binary();
    else if (this.#file !== void 0) this.#extendedHeader(line);
  }
  /** `index a..b mode`, `new file mode m`, `--- /dev/null`, `mode a,b..c`: what the file is. */
  #extendedHeader(line) {
    const file = this.#file;
    const text = line.toString("latin1");
    if (text.startsWith("index ")) {
      const [ids = "", mode] = text.slice(6).split(" ");
      const newBlob = ids.slice(ids.indexOf("..") + 2);
      if (/^[0-9a-f]{40,64}$/.test(newBlob) && !/^0+$/.test(newBlob)) file.newBlob = newBlob;
      const oldBlob = ids.slice(0, ids.indexOf(".."));
      if (/^[0-9a-f]{40,64}$/.test(oldBlob) && !/^0+$/.test(oldBlob)) file.oldBlob = oldBlob;
      if (mode === "160000") file.gitlink = true;
    } else if (text === "--- /dev/null") {
      file.isNew = true;
    } else if (text.startsWith("new file mode ") || text.startsWith("new mode ") || text.startsWith("mode ")) {
      if (text.endsWith("160000")) file.gitlink = true;
    }
  }
  #combinedLine(line) {
    const n = this.#combined;
    let plus = 0;
    let minus = 0;
    for (let i = 0; i < n; i++) {
      if (line[i] === PLUS) plus++;
      else if (line[i] === MINUS) minus++;
    }
    if (minus > 0) {
      this.#flush();
      return;
    }
    if (plus === n) this.#add(line.subarray(n));
    else {
      this.#flush();
      this.#newLine++;
    }
  }
  #add(content2) {
    if (this.#added.length === 0) this.#addedStart = this.#newLine;
    this.#added.push(content2);
    this.#addedBytes += content2.length + 1;
    this.#newLine++;
    if (this.#addedBytes >= MAX_FRAGMENT && !this.#insidePem()) this.#flush(true);
  }
  /** True while the pending lines hold a `-----BEGIN` without its `-----END`. */
  #insidePem() {
    for (let i = this.#added.length - 1; i >= 0 && i >= this.#added.length - 2e3; i--) {
      const l = this.#added[i];
      if (l.includes("-----END")) return false;
      if (l.includes("-----BEGIN")) return true;
    }
    return false;
  }
  #flush(cut = false) {
    if (this.#added.length === 0) return;
    const parts = [];
    for (const l of this.#added) parts.push(l, NEWLINE_BUF);
    const data2 = Buffer.concat(parts);
    const lines = this.#added.length;
    this.#added = [];
    this.#addedBytes = 0;
    if (this.#path === void 0) return;
    const file = this.#file ?? newFile();
    file.path = this.#path;
    this.#on.onFragment({ path: this.#path, data: data2, firstLine: this.#addedStart, lines, cut, file }, this.#commit);
  }
  #hunkHeader(line) {
    const text = line.toString("latin1");
    const ats = /^@+/.exec(text)?.[0].length ?? 0;
    const plus = new RegExp(`^${"@".repeat(ats)} (?:-\\d+(?:,\\d+)? )+\\+(\\d+)(?:,(\\d+))? ${"@".repeat(ats)}`).exec(text);
    if (plus === null) return;
    this.#combined = ats > 2 ? ats - 1 : 0;
    this.#newLine = Number(plus[1]);
    this.#inHunk = true;
  }
  #commitHeader(line) {
    this.#endFile();
    const [commit = "", parents = "", author = "", authorEmail = "", date = ""] = line.subarray(1).toString("utf8").split("");
    this.#commit = { commit, parents: parents === "" ? [] : parents.split(" "), author, authorEmail, date };
    this.#path = void 0;
    this.#on.onCommit?.(this.#commit);
  }
  #fileHeader(line) {
    const text = line.toString("utf8");
    if (text.startsWith("diff --git ") || text.startsWith("diff --cc ") || text.startsWith("diff --combined ")) {
      this.#endFile();
      this.#file = newFile();
      this.#path = void 0;
      this.#combined = text.startsWith("diff --git ") ? 0 : this.#combined;
      this.#binaryPending = guessPath(text);
    }
  }
  #targetPath(line) {
    let raw = line.subarray(4);
    if (raw[raw.length - 1] === 9) raw = raw.subarray(0, -1);
    if (raw.toString("latin1") === "/dev/null") {
      this.#path = void 0;
      return;
    }
    const unquoted2 = decodePath(unquoteGitPathBytes(raw));
    this.#path = unquoted2.startsWith("b/") ? unquoted2.slice(2) : unquoted2;
    if (this.#file !== void 0) this.#file.path = this.#path;
  }
  #binary() {
    const path = this.#binaryPending ?? "";
    if (this.#file !== void 0) {
      this.#file.binary = true;
      this.#file.path ??= path;
    }
    this.#on.onBinary?.(path, this.#commit);
  }
};
var NEWLINE_BUF = Buffer.from("\n");
function newFile() {
  return { path: void 0, newBlob: void 0, oldBlob: void 0, isNew: false, gitlink: false, binary: false };
}
function guessPath(header) {
  if (header.startsWith("diff --cc ") || header.startsWith("diff --combined ")) {
    return unquoteGitPath(header.slice(header.indexOf(" ", 5) + 1));
  }
  const rest = header.slice("diff --git ".length);
  const quoted2 = /^"(?:[^"\\]|\\.)*" "((?:[^"\\]|\\.)*)"$/.exec(rest);
  if (quoted2) return unquoteGitPath(`"${quoted2[1]}"`).replace(/^b\//, "");
  const half = rest.slice(Math.floor(rest.length / 2) + 1);
  return half.startsWith("b/") ? half.slice(2) : half;
}

// src/scanner/reach.ts
var BASE_MATCH = 512;
var reaches = /* @__PURE__ */ new WeakMap();
function reachOf(catalogue2) {
  let reach = reaches.get(catalogue2);
  if (reach === void 0) {
    reach = computeReach(catalogue2);
    reaches.set(catalogue2, reach);
  }
  return reach;
}
var REMEMBERED_PATHS = 4096;
function computeReach(catalogue2) {
  const { rules, keywords, rulesByKeyword, carrierOf } = catalogue2;
  const margin = keywords.keywords.reduce((n, k) => Math.max(n, k.length), 0);
  let longest = 0;
  let baseMatch = 0;
  const longer = [];
  for (const rule of rules) {
    longest = Math.max(longest, rule.maxLength);
    if (rule.maxLength <= BASE_MATCH) baseMatch = Math.max(baseMatch, rule.maxLength);
    else longer.push(rule);
  }
  const wide = longest + margin;
  const pairsOf = new Array(keywords.keywords.length).fill(void 0);
  const candidates = [];
  let unconditional = false;
  let withinLinesAll = true;
  keywords.keywords.forEach((keyword, id) => {
    const pairs = [];
    for (const i of rulesByKeyword[id] ?? []) {
      const r = rules[i];
      if (r !== void 0 && r.maxLength > BASE_MATCH) pairs.push(r.maxLength + margin, r.pathGroup ?? -1);
    }
    const carrier = carrierOf[id];
    if (carrier !== void 0 && CARRIERS[carrier]?.region !== void 0) pairs.push(wide, -1);
    if (pairs.length === 0) return;
    pairsOf[id] = pairs;
    candidates.push(id);
    for (let k = 1; k < pairs.length; k += 2) if (pairs[k] === -1) unconditional = true;
    if (keyword.includes("\n")) withinLinesAll = false;
  });
  const groups2 = [...new Set(longer.flatMap((r) => r.pathGroup === void 0 ? [] : [r.pathGroup]))];
  const automata = /* @__PURE__ */ new Map();
  const byPath = /* @__PURE__ */ new Map();
  const wideningFor = (path) => {
    const onPath = pathVerdicts(catalogue2, path);
    const applies = (group) => group === -1 || onPath.has(group);
    const need = (id) => {
      const pairs = pairsOf[id];
      if (pairs === void 0) return 0;
      let n = 0;
      for (let k = 0; k < pairs.length; k += 2) if (pairs[k] > n && applies(pairs[k + 1])) n = pairs[k];
      return n;
    };
    let always = 0;
    for (const r of longer)
      if (r.keywords.length === 0 && (r.pathGroup === void 0 || onPath.has(r.pathGroup)))
        always = Math.max(always, r.maxLength + margin);
    let has;
    let automaton;
    const compiled = () => {
      if (automaton !== void 0) return automaton;
      const key = groups2.filter((g) => onPath.has(g)).join(",");
      automaton = automata.get(key);
      if (automaton === void 0) {
        const list = [];
        const reach = [];
        for (const id of candidates) {
          const n = need(id);
          if (n === 0) continue;
          list.push(keywords.keywords[id]);
          reach.push(n);
        }
        const withinLines = list.every((k) => !k.includes("\n"));
        automaton = { keywords: list.length === 0 ? void 0 : compileKeywords(list), reach, withinLines };
        automata.set(key, automaton);
      }
      return automaton;
    };
    return {
      always,
      get hasKeywords() {
        has ??= unconditional || candidates.some((id) => need(id) > 0);
        return has;
      },
      need,
      get keywords() {
        return compiled().keywords;
      },
      get reach() {
        return compiled().reach;
      },
      get withinLines() {
        return withinLinesAll || compiled().withinLines;
      }
    };
  };
  return {
    base: Math.min(wide, baseMatch + margin),
    wide,
    matcher: keywords,
    wideFor(path) {
      let found = byPath.get(path);
      if (found === void 0) {
        found = wideningFor(path);
        if (byPath.size >= REMEMBERED_PATHS) byPath.clear();
        byPath.set(path, found);
      }
      return found;
    }
  };
}
function neededReach(reach, widening, text, start, end) {
  let need = Math.max(reach.base, widening.always);
  if (!widening.hasKeywords || need >= reach.wide) return need;
  findKeywords(
    reach.matcher,
    text,
    (id) => {
      const n = widening.need(id);
      if (n > need) need = n;
    },
    start,
    end
  );
  return need;
}

// src/engine/fingerprint.ts
import { createHash } from "node:crypto";
function sha256(text) {
  return createHash("sha256").update(text, "utf8").digest("hex");
}
function fingerprintOf(ruleId, path, secretHash, commit) {
  const parts = commit === void 0 ? [ruleId, path, secretHash] : [ruleId, path, secretHash, commit];
  return sha256(parts.join("\0"));
}

// src/engine/locate.ts
var Locator = class {
  #data;
  #offset = 0;
  #line = 1;
  #lineStart = 0;
  /** The first newline at or after #offset: -1 when there is none, undefined until searched. */
  #next;
  /** The column at byte #colAt of the current line. */
  #colAt = 0;
  #col = 1;
  constructor(data2) {
    this.#data = data2;
  }
  at(offset) {
    if (offset < this.#offset) {
      this.#offset = 0;
      this.#line = 1;
      this.#lineStart = 0;
      this.#next = void 0;
      this.#colAt = 0;
      this.#col = 1;
    }
    const data2 = this.#data;
    let nl = this.#next ?? data2.indexOf(10, this.#offset);
    for (; nl !== -1 && nl < offset; nl = data2.indexOf(10, nl + 1)) {
      this.#line++;
      this.#lineStart = nl + 1;
    }
    this.#next = nl;
    this.#offset = offset;
    if (this.#colAt < this.#lineStart || isContinuation(data2[this.#colAt])) {
      this.#colAt = this.#lineStart;
      this.#col = 1;
    }
    this.#col += unitsBetween(data2, this.#colAt, offset);
    this.#colAt = offset;
    return { line: this.#line, column: this.#col };
  }
};
var isContinuation = (byte) => byte !== void 0 && byte >= 128 && byte < 192;
function unitsBetween(data2, from, to) {
  for (let i = from; i < to; i++) {
    if (data2[i] >= 128) return data2.toString("utf8", from, to).length;
  }
  return to - from;
}

// src/engine/redact.ts
function redact(secret, keywords) {
  const lower = secret.toLowerCase();
  let keep = 0;
  for (const k of keywords) {
    if (k.length > keep && k.length * 3 <= secret.length && lower.startsWith(k)) keep = k.length;
  }
  return `${secret.slice(0, keep)}****`;
}

// src/engine/scan-fragment.ts
var CONTEXT_REACH = 1024;
function scanFragment(catalogue2, data2, meta) {
  const all = detect(catalogue2, data2, meta.source === "path" ? void 0 : meta.path);
  const owned = meta.owned;
  const matches = owned === void 0 ? all : all.filter((m) => m.start >= owned[0] && m.start < owned[1]);
  if (matches.length === 0) return [];
  const locator = new Locator(data2);
  const lineShift = (meta.firstLine ?? 1) - 1;
  return matches.map((m) => {
    const rule = catalogue2.rules[m.rule];
    const from = locator.at(m.start);
    const to = locator.at(m.end);
    const secretHash = sha256(m.secret);
    const context = contextOf(data2, m, from.line + lineShift);
    return {
      ruleId: rule.id,
      severity: rule.severity,
      message: `${rule.message}${m.encoded ? " (base64-encoded)" : ""}${m.example ? " (a documented example value)" : ""}`,
      path: meta.path,
      startLine: from.line + lineShift,
      startColumn: from.column,
      endLine: to.line + lineShift,
      endColumn: to.column,
      redacted: redact(m.secret, rule.keywords),
      secretHash,
      fingerprint: fingerprintOf(rule.id, meta.path, secretHash, meta.commit?.commit),
      source: meta.source,
      ...meta.commit === void 0 ? {} : { commit: meta.commit.commit, author: meta.commit.author, authorEmail: meta.commit.authorEmail, date: meta.commit.date },
      ...m.example ? { kind: "example" } : {},
      secretText: m.secret,
      context
    };
  });
}
function contextOf(data2, m, secretLine) {
  const first = Math.min(m.matchStart, m.start);
  const last = Math.max(m.matchEnd, m.end);
  const low = Math.max(0, m.start - CONTEXT_REACH);
  const back = first > low ? data2.subarray(low, first).lastIndexOf(10) : -1;
  const start = back === -1 ? low : low + back + 1;
  const high = Math.min(data2.length, m.end + CONTEXT_REACH);
  const from = Math.max(first, last - 1);
  const ahead = from < high ? data2.subarray(from, high).indexOf(10) : -1;
  const end = ahead === -1 ? high : from + ahead;
  let line = secretLine;
  for (let i = data2.indexOf(10, start); i !== -1 && i < m.start; i = data2.indexOf(10, i + 1)) line--;
  return { text: data2.toString("utf8", start, end), line };
}

// src/scanner/changed-blob.ts
var JUDGED_WHOLE = 256 << 10;
function scanChangedBlob(catalogue2, raw, added, meta, collectMarkers, wide) {
  const text = toScannableText(raw);
  if (text === "binary") return { findings: [], markerLines: [], bytesScanned: 0, binary: true, lfsPointer: false };
  const order = utf16Order(raw);
  const ranges = order === void 0 ? added : utf16Ranges(raw, order, added);
  const lines = lineStarts(text);
  const reach = reachOf(catalogue2);
  const findings = [];
  const markerLines = [];
  let bytesScanned = 0;
  const scan = (first, last) => {
    const start = lines[first - 1];
    const end = last < lines.length ? lines[last] : text.length;
    const data2 = text.subarray(start, end);
    bytesScanned += data2.length;
    for (const f of scanFragment(catalogue2, data2, { ...meta, firstLine: first })) {
      if (overlaps(ranges, f.startLine, f.endLine)) findings.push(f);
    }
    if (collectMarkers) {
      for (const line of findAllowMarkerLines(data2, first)) if (overlaps(ranges, line, line)) markerLines.push(line);
    }
  };
  const widening = reach.wideFor(meta.path);
  const baseNeed = Math.max(reach.base, widening.always);
  const carries = order === void 0 && widening.withinLines;
  let free = wide?.free === true && carries ? true : void 0;
  const judge = wide?.onFree !== void 0 && carries && text.length <= JUDGED_WHOLE && widening.hasKeywords;
  for (const [from, to] of groups(text, lines, ranges, reach.wide)) {
    const group = ranges.slice(from, to);
    const [first, last] = windows(text, lines, group, reach.wide)[0];
    const near = windows(text, lines, group, baseNeed);
    if (baseNeed >= reach.wide || near.length === 1 && near[0]?.[0] === first && near[0]?.[1] === last) {
      for (const [a, b] of near) scan(a, b);
      continue;
    }
    const judged = free === void 0 && judge ? widening.keywords : void 0;
    if (judged !== void 0) {
      free = !hasKeyword(judged, text);
      if (!free) wide?.onWide?.();
    }
    const start = lines[first - 1];
    const end = last < lines.length ? lines[last] : text.length;
    const need = free === true ? baseNeed : neededReach(reach, widening, text, start, end);
    if (need === baseNeed) for (const [a, b] of near) scan(a, b);
    else for (const [a, b] of need >= reach.wide ? [[first, last]] : windows(text, lines, group, need)) scan(a, b);
  }
  if (free === true) wide?.onFree?.();
  return { findings, markerLines, bytesScanned, binary: false, lfsPointer: isLfsPointer(text) };
}
function lineStarts(text) {
  const starts = [0];
  for (let i = text.indexOf(10); i !== -1 && i + 1 < text.length; i = text.indexOf(10, i + 1)) starts.push(i + 1);
  return starts;
}
function windows(text, starts, ranges, reach) {
  const total = starts.length;
  const out = [];
  for (let i = 0; i < ranges.length; i += 2) {
    const a = Math.min(total, Math.max(1, ranges[i]));
    const b = Math.min(total, Math.max(a, ranges[i + 1]));
    const from = lineAt(starts, Math.max(0, starts[a - 1] - reach));
    const endByte = b < total ? starts[b] : text.length;
    const to = lineAt(starts, Math.min(text.length - 1, endByte + reach));
    const prev = out[out.length - 1];
    if (prev !== void 0 && from <= prev[1] + 1) prev[1] = Math.max(prev[1], to);
    else out.push([from, to]);
  }
  return out;
}
function groups(text, starts, ranges, reach) {
  const out = [];
  let last = -1;
  for (let i = 0; i < ranges.length; i += 2) {
    const [window] = windows(text, starts, ranges.slice(i, i + 2), reach);
    const prev = out[out.length - 1];
    if (prev !== void 0 && window[0] <= last + 1) prev[1] = i + 2;
    else out.push([i, i + 2]);
    last = Math.max(last, window[1]);
  }
  return out;
}
function lineAt(starts, offset) {
  let lo = 0;
  let hi = starts.length - 1;
  while (lo < hi) {
    const mid = lo + hi + 1 >> 1;
    if (starts[mid] <= offset) lo = mid;
    else hi = mid - 1;
  }
  return lo + 1;
}
function overlaps(ranges, first, last) {
  for (let i = 0; i < ranges.length; i += 2) {
    if (ranges[i] > last) return false;
    if (ranges[i + 1] >= first) return true;
  }
  return false;
}
function utf16Ranges(raw, order, added) {
  const rawStarts = lineStarts(raw);
  const decoded = utf16String(raw, order);
  const newlines = [];
  for (let i = decoded.indexOf("\n"); i !== -1; i = decoded.indexOf("\n", i + 1)) newlines.push(i);
  const lineOfUnit = (u) => {
    let lo = 0;
    let hi = newlines.length;
    while (lo < hi) {
      const mid = lo + hi >> 1;
      if (newlines[mid] < u) lo = mid + 1;
      else hi = mid;
    }
    return lo + 1;
  };
  const unitOf = (byte) => Math.max(0, Math.floor((byte - 2) / 2));
  const out = [];
  for (let i = 0; i < added.length; i += 2) {
    const a = Math.min(rawStarts.length, Math.max(1, added[i]));
    const b = Math.min(rawStarts.length, Math.max(a, added[i + 1]));
    const startByte = rawStarts[a - 1];
    const endByte = b < rawStarts.length ? rawStarts[b] : raw.length;
    const first = lineOfUnit(unitOf(startByte));
    const last = lineOfUnit(Math.max(unitOf(startByte), unitOf(endByte - 1)));
    const prev = out.length - 1;
    if (prev > 0 && first <= out[prev] + 1) out[prev] = Math.max(out[prev], last);
    else out.push(first, last);
  }
  return out;
}

// src/scanner/markers.ts
function markerCollector(options2) {
  const markers = options2.allowMarkers ? [] : void 0;
  const collect = (data2, meta) => {
    if (markers === void 0) return;
    for (const line of findAllowMarkerLines(data2, meta.firstLine ?? 1)) {
      markers.push(meta.commit === void 0 ? { path: meta.path, line } : { path: meta.path, line, commit: meta.commit.commit });
    }
  };
  return { markers, collect };
}

// src/scanner/tally.ts
var Tally = class {
  constructor(catalogue2, options2) {
    this.catalogue = catalogue2;
    const { markers, collect } = markerCollector(options2);
    this.markers = markers;
    this.collect = collect;
  }
  findings = [];
  skipped = [];
  errors = [];
  filesScanned = 0;
  bytesScanned = 0;
  lfsPointers = 0;
  markers;
  collect;
  /** In a commit batch, `commit` says whose change it was (the history cache counts skips per commit). */
  skip(reason, path, commit) {
    this.skipped.push(commit === void 0 ? { reason, path } : { reason, path, commit });
  }
  /**
   * Scans `raw` (a file, or some of its lines) for item `item`; false when it is binary.
   * `judged`: the bytes belong to a file already judged and decoded as text, so a NUL in them does
   * not make them binary. `fileStart`: they start at a file's first line, where an LFS pointer
   * would. `bytes`: what to count for them (a decoded file counts the bytes read).
   */
  text(item, raw, meta, how = {}) {
    this.bytesScanned += how.bytes ?? raw.length;
    const text = how.judged ? raw : toScannableText(raw);
    if (text === "binary") return false;
    if (how.fileStart && isLfsPointer(text)) this.lfsPointers++;
    const scanned = shiftOwned(meta, raw, text);
    for (const finding of scanFragment(this.catalogue, text, scanned)) this.findings.push({ item, finding });
    this.collect(text, scanned);
    return true;
  }
  /** A changed file's whole new blob, of which only the `added` lines count (see changed-blob.ts). */
  changedBlob(item, raw, added, meta, wide) {
    const r = scanChangedBlob(this.catalogue, raw, added, meta, this.markers !== void 0, wide);
    this.bytesScanned += r.bytesScanned;
    if (r.binary) return false;
    if (r.lfsPointer) this.lfsPointers++;
    for (const finding of r.findings) this.findings.push({ item, finding });
    for (const line of r.markerLines) {
      this.markers?.push(meta.commit === void 0 ? { path: meta.path, line } : { path: meta.path, line, commit: meta.commit.commit });
    }
    return true;
  }
  result(extra = {}) {
    return {
      findings: this.findings,
      filesScanned: this.filesScanned,
      bytesScanned: this.bytesScanned,
      skipped: this.skipped,
      errors: this.errors,
      ...extra,
      ...this.lfsPointers > 0 ? { lfsPointers: this.lfsPointers } : {},
      ...this.markers ? { markers: this.markers } : {}
    };
  }
};
function shiftOwned(meta, raw, text) {
  if (meta.owned === void 0 || text === raw) return meta;
  const shift = text.buffer === raw.buffer ? text.byteOffset - raw.byteOffset : void 0;
  const [start, end] = meta.owned;
  const owned = shift === void 0 ? [0, text.length] : [Math.max(0, start - shift), end - shift];
  return { ...meta, owned };
}

// src/scanner/commits.ts
var PROGRESS_MS2 = 250;
var MAX_IN_FLIGHT = 256;
var HELD_BYTES = 16 << 20;
async function scanCommitBatch(catalogue2, repo, commits, options2 = {}, onProgress, paths) {
  const tally = new Tally(catalogue2, options2);
  let lastReport = performance.now();
  const index = new Map(commits.map((c, i) => [c, i]));
  let commitsScanned = 0;
  let lastFile = "";
  let lastBinary = "";
  const countFile = (commit, path) => {
    const fileKey = `${commit.commit}\0${path}`;
    if (fileKey !== lastFile) {
      tally.filesScanned++;
      lastFile = fileKey;
    }
  };
  const metaOf = (commit, path, firstLine2) => {
    const { parents: _parents, ...info } = commit;
    return { path, source: "commit", firstLine: firstLine2, commit: info };
  };
  const scanLines = (fragment, commit, judged) => {
    countFile(commit, fragment.path);
    const meta = metaOf(commit, fragment.path, fragment.firstLine);
    const fileStart = fragment.firstLine === 1 && fragment.file.isNew;
    if (tally.text(index.get(commit.commit) ?? -1, fragment.data, meta, { judged, fileStart })) return;
    if (lastBinary !== lastFile) tally.skip("binary", fragment.path, commit.commit);
    lastBinary = lastFile;
  };
  const reader = new BlobReader(repo, BLOB_CAP, HELD_BYTES);
  const router = new ChangeRouter();
  const reach = reachOf(catalogue2);
  const freeBlobs = /* @__PURE__ */ new Set();
  const removedWide = /* @__PURE__ */ new WeakSet();
  const widePaths = /* @__PURE__ */ new Set();
  const wideHint = (change) => {
    const { file, path, blob } = change;
    const old = file?.oldBlob;
    const free = freeBlobs.has(`${path}\0${blob}`);
    if (file === void 0 || old === void 0 || file.binary || removedWide.has(file) || !free && widePaths.has(path)) return { free };
    return { free, onFree: () => freeBlobs.add(`${path}\0${old}`), onWide: () => widePaths.add(path) };
  };
  const removedKeywords = /* @__PURE__ */ new WeakMap();
  const parser = new DiffParser({
    onCommit: () => {
      commitsScanned++;
      if (onProgress !== void 0 && performance.now() - lastReport > PROGRESS_MS2) {
        lastReport = performance.now();
        onProgress({ commitsScanned, bytesScanned: tally.bytesScanned });
      }
    },
    onFragment: (fragment, commit) => router.fragment(fragment, commit),
    onFileEnd: (file, commit) => router.fileEnd(file, commit),
    onRemoved: (data2, start, end, file) => {
      if (removedWide.has(file) || file.path === void 0) return;
      if (!removedKeywords.has(file)) removedKeywords.set(file, reach.wideFor(file.path).keywords);
      const keywords = removedKeywords.get(file);
      if (keywords !== void 0 && hasKeyword(keywords, data2, start, end)) removedWide.add(file);
    }
  });
  const handle = async (change, read) => {
    const commit = change.commit;
    if (commit === void 0) {
      read?.then(
        (blob2) => reader.release(blob2),
        () => void 0
      );
      return;
    }
    if (change.kind === "fragment") return scanLines(change.fragment, commit, false);
    if (change.kind === "binary") {
      countFile(commit, change.path);
      tally.skip("binary", change.path, commit.commit);
      return;
    }
    const blob = await read;
    try {
      handleBlob(change, commit, blob);
    } finally {
      reader.release(blob);
    }
  };
  const handleBlob = (change, commit, blob) => {
    countFile(commit, change.path);
    const verdict = changedBlobVerdict(blob, change);
    if (verdict.kind === "skip") {
      tally.skip(verdict.reason, change.path, commit.commit);
      return;
    }
    if (verdict.kind === "lines") {
      for (const f of change.held) scanLines(f, commit, verdict.judged);
      return;
    }
    const item = index.get(commit.commit) ?? -1;
    if (!tally.changedBlob(item, verdict.data, change.added, metaOf(commit, change.path, 1), wideHint(change)))
      tally.skip("binary", change.path, commit.commit);
  };
  const inFlight = [];
  let heldBytes = 0;
  let chain = Promise.resolve();
  const drain = async (limit) => {
    for (const change of router.take()) {
      const read = change.kind === "blob" ? reader.read(change.blob) : void 0;
      read?.catch(() => void 0);
      chain = chain.then(() => handle(change, read));
      chain.catch(() => void 0);
      const bytes = heldBy(change);
      heldBytes += bytes;
      inFlight.push({ done: chain, bytes });
      while (inFlight.length > limit || heldBytes > HELD_BYTES && inFlight.length > 0) {
        const first = inFlight.shift();
        heldBytes -= first.bytes;
        await first.done;
      }
    }
  };
  try {
    for await (const chunk of commitPatches(repo, commits, paths)) {
      parser.push(chunk);
      await drain(MAX_IN_FLIGHT);
    }
    parser.end();
    await drain(0);
    await chain;
  } finally {
    await reader.close();
  }
  return tally.result({ commitsScanned });
}
function heldBy(change) {
  if (change.kind === "fragment") return change.fragment.data.length;
  return change.kind === "blob" ? change.held.reduce((n, f) => n + f.data.length, 0) : 0;
}

// src/scanner/run-task.ts
function runTask(catalogue2, task, options2 = {}, onProgress) {
  if (task.kind === "commits") return scanCommitBatch(catalogue2, task.repo, task.commits, options2, onProgress, task.paths);
  if (task.kind === "blobs") return scanBlobBatch(catalogue2, task.repo, task.blobs, options2, onProgress);
  const tally = new Tally(catalogue2, options2);
  if (task.kind === "files") {
    task.targets.forEach((target, item) => {
      const outcome = readTarget(target.raw ?? target.abs, task.maxFileSize);
      if (outcome.kind === "skip") tally.skip(outcome.reason, target.path);
      else if (outcome.kind === "error") tally.errors.push({ path: target.path, code: outcome.code, message: outcome.message });
      else {
        tally.filesScanned++;
        tally.text(item, outcome.data, { path: target.path, source: "file" }, { judged: true, fileStart: true, bytes: outcome.bytes });
      }
    });
    return tally.result();
  }
  task.fragments.forEach((fragment, item) => {
    const raw = Buffer.from(fragment.data.buffer, fragment.data.byteOffset, fragment.data.byteLength);
    const text = fragment.added !== void 0 ? tally.changedBlob(item, raw, fragment.added, fragment.meta) : (
      // Added lines of a file judged text already (or with no NUL): the hunk is never judged alone.
      tally.text(item, raw, fragment.meta, { judged: fragment.judged === true, fileStart: fragment.meta.firstLine === 1 })
    );
    if (!text) tally.skip("binary", fragment.meta.path);
  });
  return tally.result();
}

// src/pool/worker.ts
var data = workerData;
markPrevalidated((data.prevalidated ?? []).map((i) => data.rules[i]));
if (data.keywords !== void 0)
  offerPrecompiledKeywords(Buffer.from(data.keywords.buffer, data.keywords.byteOffset, data.keywords.byteLength));
if (data.pathLiterals !== void 0) offerPathLiterals(new Map(data.pathLiterals));
var catalogue = compileCatalogue(data.rules);
var options = data.options ?? {};
var port = parentPort;
if (port === null) throw new Error("pool/worker.js must run as a worker thread");
port.on("message", async (message) => {
  try {
    const progress = (p) => port.postMessage({ id: message.id, progress: p });
    port.postMessage({ id: message.id, result: await runTask(catalogue, message.task, options, progress) });
  } catch (e) {
    if (isKeyscanError(e)) {
      port.postMessage({ id: message.id, error: e.message, code: e.code, hint: e.hint });
      return;
    }
    const error = e instanceof Error ? `${e.name}: ${e.message}` : "unknown error";
    port.postMessage({ id: message.id, error });
  }
});
