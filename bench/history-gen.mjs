// Generates a synthetic git history, reproducibly (seeded), with `git fast-import`: several
// thousand commits of realistic churn (a few lines in a few files per commit), feature branches
// merged with --no-ff merges, tags, some large generated files, and a few planted keys.
import { execFileSync, spawn } from 'node:child_process';
import { existsSync, mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';

function prng(seed) {
  let s = seed >>> 0;
  return () => {
    s = (s + 0x6d2b79f5) | 0;
    let t = Math.imul(s ^ (s >>> 15), 1 | s);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

const WORDS =
  'user account order item price total count index value result config client server request response handler cache queue event stream buffer token session record field table query filter mapper parser render layout widget'.split(
    ' ',
  );
const ALNUM = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789';

export function generateHistory(dir, { commits = 5000, seed = 42 } = {}) {
  const rnd = prng(seed);
  const pick = (a) => a[Math.floor(rnd() * a.length)];
  const word = () => pick(WORDS);
  const ident = () => `${word()}${word()[0].toUpperCase()}${word().slice(1)}`;
  const rand = (alphabet, n) => Array.from({ length: n }, () => alphabet[Math.floor(rnd() * alphabet.length)]).join('');
  const codeLine = () => {
    switch (Math.floor(rnd() * 6)) {
      case 0:
        return `  const ${ident()} = ${ident()}(${word()}, ${Math.floor(rnd() * 1000)});`;
      case 1:
        return `  if (${ident()}.${word()} > ${Math.floor(rnd() * 100)}) return ${word()};`;
      case 2:
        return `  // ${word()} the ${word()} before the ${word()} is ${word()}ed`;
      case 3:
        return `  ${ident()}.${word()}(${JSON.stringify(word())}, { ${word()}: ${rnd() > 0.5} });`;
      case 4:
        return `export function ${ident()}(${word()}, ${word()}) {`;
      default:
        return '}';
    }
  };
  const plants = [
    () => `const githubToken = "ghp_${rand(ALNUM, 36)}";`,
    () => `STRIPE_SECRET_KEY=sk_live_${rand(ALNUM, 32)}`,
    () => `aws_secret_access_key = ${rand(`${ALNUM}+/`, 40)}`,
    () => `npmToken: npm_${rand(ALNUM, 36)}`,
  ];

  mkdirSync(dir, { recursive: true });
  execFileSync('git', ['init', '-q', '-b', 'main', dir]);
  const out = [];
  let mark = 0;
  let time = 1_600_000_000;
  const blob = (text) => {
    const data = Buffer.from(text);
    out.push(Buffer.from(`blob\nmark :${++mark}\ndata ${data.length}\n`), data, Buffer.from('\n'));
    return mark;
  };
  const states = { main: new Map() };
  const lastMark = { main: undefined };
  const commit = (branch, message, changes, merge) => {
    const ops = [];
    for (const [path, content] of changes) {
      if (content === null) ops.push(`D ${path}\n`);
      else ops.push(`M 100644 :${blob(content)} ${path}\n`);
    }
    time += 60 + Math.floor(rnd() * 3600);
    const author = `${pick(['Ada', 'Grace', 'Linus', 'Margaret', 'Dennis', 'Barbara'])} <dev${Math.floor(rnd() * 6)}@example.com> ${time} +0000`;
    const msg = Buffer.from(message);
    const header = [
      `commit refs/heads/${branch}\n`,
      `mark :${++mark}\n`,
      `author ${author}\n`,
      `committer ${author}\n`,
      `data ${msg.length}\n`,
    ];
    out.push(Buffer.from(header.join('')), msg, Buffer.from('\n'));
    if (lastMark[branch] !== undefined) out.push(Buffer.from(`from :${lastMark[branch]}\n`));
    if (merge !== undefined) out.push(Buffer.from(`merge :${merge}\n`));
    out.push(Buffer.from(ops.join('')), Buffer.from('\n'));
    lastMark[branch] = mark;
    for (const [path, content] of changes) {
      if (content === null) states[branch].delete(path);
      else states[branch].set(path, content);
    }
  };

  // Initial tree: a few hundred files of code.
  const initial = [];
  for (let i = 0; i < 600; i++) {
    const dirName = pick(['src', 'src/lib', 'src/api', 'src/ui', 'test', 'scripts', 'config']);
    const lines = Array.from({ length: 40 + Math.floor(rnd() * 300) }, codeLine);
    initial.push([`${dirName}/${ident()}${i}.${pick(['js', 'ts', 'py', 'go'])}`, `${lines.join('\n')}\n`]);
  }
  commit('main', 'initial import', initial);

  const edit = (branch) => {
    const state = states[branch];
    const paths = [...state.keys()];
    const changes = [];
    for (let k = 0; k < 1 + Math.floor(rnd() * 4); k++) {
      const path = pick(paths);
      const lines = state.get(path).split('\n');
      for (let e = 0; e < 1 + Math.floor(rnd() * 5); e++) {
        const at = Math.floor(rnd() * lines.length);
        const r = rnd();
        if (r < 0.45) lines.splice(at, 0, codeLine());
        else if (r < 0.8) lines[at] = codeLine();
        else if (lines.length > 10) lines.splice(at, 1);
      }
      changes.push([path, lines.join('\n')]);
    }
    if (rnd() < 0.02) changes.push([`src/new/${ident()}${mark}.js`, `${Array.from({ length: 30 }, codeLine).join('\n')}\n`]);
    if (rnd() < 0.004) {
      // A large generated file, rewritten now and then (a bundle, a fixture dump).
      changes.push([`dist/bundle${Math.floor(rnd() * 3)}.js`, Array.from({ length: 20_000 }, codeLine).join('\n')]);
    }
    if (rnd() < 0.004) {
      const path = pick(paths);
      const lines = state.get(path).split('\n');
      lines.splice(Math.floor(rnd() * lines.length), 0, pick(plants)());
      changes.push([path, lines.join('\n')]);
    }
    return changes;
  };

  let made = 1;
  let branchNo = 0;
  while (made < commits) {
    if (rnd() < 0.01 && made + 12 < commits) {
      const name = `feature/${++branchNo}`;
      states[name] = new Map(states.main);
      lastMark[name] = lastMark.main;
      const n = 3 + Math.floor(rnd() * 8);
      for (let i = 0; i < n; i++, made++) commit(name, `${name}: ${word()} ${word()}`, edit(name));
      // Main moves on too, then the branch is merged with a merge commit carrying its files.
      for (let i = 0; i < 2; i++, made++) commit('main', `main: ${word()}`, edit('main'));
      const branchChanges = [...states[name]].filter(([p, c]) => states.main.get(p) !== c);
      commit('main', `Merge ${name}`, branchChanges, lastMark[name]);
      made++;
      if (branchNo % 5 === 0) out.push(Buffer.from(`reset refs/tags/v${branchNo / 5}.0\nfrom :${lastMark.main}\n\n`));
      delete states[name];
    } else {
      commit('main', `${word()}: ${word()} ${word()}`, edit('main'));
      made++;
    }
  }
  return new Promise((resolve, reject) => {
    const fi = spawn('git', ['fast-import', '--quiet'], { cwd: dir, stdio: ['pipe', 'inherit', 'inherit'] });
    fi.on('error', reject);
    fi.on('close', (code) => {
      if (code !== 0) return reject(new Error(`git fast-import exited with ${code}`));
      execFileSync('git', ['checkout', '-q', '-f', 'main'], { cwd: dir });
      resolve(dir);
    });
    for (const b of out) fi.stdin.write(b);
    fi.stdin.end();
  });
}

/** The cached synthetic repository for a given size and seed. */
export async function benchRepo(root, commits, seed) {
  const dir = join(root, `history-${commits}-${seed}`);
  const marker = join(dir, '.git', 'keyscan-bench-complete');
  if (existsSync(marker)) return dir;
  execFileSync('rm', ['-rf', dir]);
  await generateHistory(dir, { commits, seed });
  writeFileSync(marker, '');
  return dir;
}
