/**
 * DEL-PIPELINE-SUPPLY-CHAIN: the checks OpenSSF Scorecard runs on a repository's workflows
 * (Pinned-Dependencies, Token-Permissions, Dependency-Update-Tool), applied to every file in
 * .github/workflows/, plus the Node.js LTS matrix and the advisory check. The workflows are read
 * with a small line reader: GitHub's workflow syntax is regular enough, and it keeps a YAML parser
 * out of the dependencies.
 */
import * as fs from 'fs';
import * as path from 'path';

const root = path.join(__dirname, '..');
const dir = path.join(root, '.github', 'workflows');
const workflows = fs
  .readdirSync(dir)
  .filter((f) => /\.ya?ml$/.test(f))
  .map((f) => ({ file: f, text: fs.readFileSync(path.join(dir, f), 'utf8') }));

/** Every `uses:` of a workflow: the reference and the comment after it. */
function usesOf(text: string): Array<{ line: number; ref: string; comment: string }> {
  return text.split('\n').flatMap((l, i) => {
    const m = /^\s*(?:-\s+)?uses:\s*['"]?([^'"\s#]+)['"]?\s*(?:#\s*(.*))?$/.exec(l);
    return m ? [{ line: i + 1, ref: m[1], comment: (m[2] ?? '').trim() }] : [];
  });
}

/** The top-level `permissions:` value ('{}' or the block below it), or undefined. */
function topPermissions(text: string): string | undefined {
  const lines = text.split('\n');
  const i = lines.findIndex((l) => /^permissions:/.test(l));
  if (i < 0) return undefined;
  const inline = lines[i].replace(/^permissions:\s*/, '').replace(/\s*#.*$/, '');
  if (inline) return inline;
  const block: string[] = [];
  for (const l of lines.slice(i + 1)) {
    if (!/^\s/.test(l) && l.trim()) break;
    if (l.trim() && !l.trim().startsWith('#')) block.push(l.trim());
  }
  return block.join('\n');
}

/** Each job's name and its lines (from its key, at two spaces under `jobs:`, to the next job). */
function jobsOf(text: string): Array<{ name: string; lines: string[] }> {
  const lines = text.split('\n');
  const start = lines.findIndex((l) => /^jobs:/.test(l));
  const jobs: Array<{ name: string; lines: string[] }> = [];
  for (const l of lines.slice(start + 1)) {
    if (/^\S/.test(l)) break;
    const m = /^ {2}([\w-]+):\s*$/.exec(l);
    if (m) jobs.push({ name: m[1], lines: [] });
    else jobs.at(-1)?.lines.push(l);
  }
  return jobs;
}

/** A job's `permissions:` entries (`scope: level`), or undefined when it has none. */
function jobPermissions(job: { lines: string[] }): Record<string, string> | undefined {
  const i = job.lines.findIndex((l) => /^ {4}permissions:/.test(l));
  if (i < 0) return undefined;
  const inline = job.lines[i].replace(/^ {4}permissions:\s*/, '').trim();
  if (inline === '{}') return {};
  const entries: Record<string, string> = {};
  for (const l of job.lines.slice(i + 1)) {
    const m = /^ {6}([\w-]+):\s*([\w-]+)/.exec(l);
    if (!m) break;
    entries[m[1]] = m[2];
  }
  return entries;
}

describe('DEL-PIPELINE-SUPPLY-CHAIN: the delivery workflows pass the supply-chain checks', () => {
  test('there are workflows to check', () => {
    expect(workflows.length).toBeGreaterThan(0);
    for (const w of workflows) expect({ file: w.file, uses: usesOf(w.text).length > 0 }).toEqual({ file: w.file, uses: true });
  });

  test('DEL-PIPELINE-SUPPLY-CHAIN: every action of another repository is pinned to a full commit SHA, with its version in a comment', () => {
    for (const w of workflows) {
      for (const u of usesOf(w.text)) {
        const where = `${w.file}:${u.line} ${u.ref}`;
        // Local actions (./) are part of this repository; docker:// images are pinned by digest.
        if (u.ref.startsWith('./')) continue;
        if (u.ref.startsWith('docker://')) {
          expect({ where, digest: /@sha256:[0-9a-f]{64}$/.test(u.ref) }).toEqual({ where, digest: true });
          continue;
        }
        expect({ where, sha: /^[\w.-]+\/[\w./-]+@[0-9a-f]{40}$/.test(u.ref), version: /^v\d+(\.\d+){0,2}$/.test(u.comment) }).toEqual({ where, sha: true, version: true });
      }
    }
  });

  test('DEL-PIPELINE-SUPPLY-CHAIN: the same action is pinned to the same commit everywhere', () => {
    const pins = new Map<string, Set<string>>();
    for (const w of workflows) for (const u of usesOf(w.text).filter((x) => x.ref.includes('@'))) {
      const [action, sha] = u.ref.split('@');
      pins.set(action, new Set([...(pins.get(action) ?? []), `${sha} # ${u.comment}`]));
    }
    expect(pins.size).toBeGreaterThan(0);
    for (const [action, shas] of pins) expect({ action, pins: shas.size }).toEqual({ action, pins: 1 });
  });

  test('DEL-PIPELINE-SUPPLY-CHAIN: the token has no permission at the top of a workflow, or read-only ones', () => {
    for (const w of workflows) {
      const top = topPermissions(w.text);
      const readOnly = top === '{}' || top === 'read-all' || (top !== undefined && top.split('\n').every((l) => /^[\w-]+:\s*(read|none)$/.test(l)));
      expect({ file: w.file, top, readOnly }).toEqual({ file: w.file, top, readOnly: true });
    }
  });

  test('DEL-PIPELINE-SUPPLY-CHAIN: every job declares its permissions, and only a job that comments on pull requests may write', () => {
    for (const w of workflows) {
      const jobs = jobsOf(w.text);
      expect(jobs.length).toBeGreaterThan(0);
      for (const job of jobs) {
        const where = `${w.file} ${job.name}`;
        const perms = jobPermissions(job);
        expect({ where, declared: perms !== undefined }).toEqual({ where, declared: true });
        const writes = Object.entries(perms ?? {}).filter(([, level]) => level === 'write').map(([scope]) => scope);
        const comments = job.lines.some((l) => /uses: marocchino\/sticky-pull-request-comment@/.test(l));
        expect({ where, writes }).toEqual({ where, writes: comments ? ['pull-requests'] : [] });
      }
    }
  });

  test('DEL-PIPELINE-SUPPLY-CHAIN: no checkout keeps the token in the git config for later steps', () => {
    for (const w of workflows) {
      const lines = w.text.split('\n');
      lines.forEach((l, i) => {
        if (!/uses: actions\/checkout@/.test(l)) return;
        const block = lines.slice(i + 1, i + 6).join('\n');
        expect({ where: `${w.file}:${i + 1}`, persist: /persist-credentials: false/.test(block) }).toEqual({ where: `${w.file}:${i + 1}`, persist: true });
      });
    }
  });

  test('DEL-PIPELINE-SUPPLY-CHAIN: the suite runs on the Node.js LTS lines (22, 24, 26 on 2026-12-07), and package.json engines starts at the oldest', () => {
    const ci = workflows.find((w) => w.file === 'ci.yml')!.text;
    const matrix = /^\s+node: \[([\d, ]+)\]/m.exec(ci)?.[1].split(',').map((v) => Number(v.trim()));
    expect(matrix).toEqual([22, 24, 26]);
    expect(ci).toMatch(/node-version: \$\{\{ matrix\.node \}\}/);
    const engines = JSON.parse(fs.readFileSync(path.join(root, 'package.json'), 'utf8')).engines.node;
    expect(engines).toBe(`>=${Math.min(...matrix!)}`);
  });

  test('DEL-DEPENDENCY-MONITORING: CI fails on a critical advisory in the production dependencies of the lockfile', () => {
    const ci = workflows.find((w) => w.file === 'ci.yml')!.text;
    expect(ci).toMatch(/- run: npm audit --omit=dev --audit-level=critical\n/);
  });

  test('DEL-PIPELINE-SUPPLY-CHAIN: Dependabot proposes updates of the pinned actions', () => {
    const dependabot = fs.readFileSync(path.join(root, '.github', 'dependabot.yml'), 'utf8');
    expect(dependabot).toMatch(/- package-ecosystem: github-actions\n\s+directory: \/\n\s+schedule:\n\s+interval: weekly/);
  });

  test('DEL-TEMPLATE-LINT: CI installs the cfn-lint version the allowances were written for', () => {
    const ci = workflows.find((w) => w.file === 'ci.yml')!.text;
    const installed = /- run: pipx install cfn-lint==(\d+\.\d+\.\d+)\n/.exec(ci)?.[1];
    expect(installed).toBe('1.51.0');
    // Before the suite, which requires it when CI is set.
    expect(ci.indexOf('pipx install cfn-lint')).toBeLessThan(ci.indexOf('- run: npm test'));
  });
});
