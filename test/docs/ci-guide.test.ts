import assert from 'node:assert/strict';
import type { ChildProcess } from 'node:child_process';
import { existsSync, mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { isAbsolute, join } from 'node:path';
import type { Option } from 'commander';
import { parse as parseYaml } from 'yaml';
import { runCommand } from '../../src/cli/run-command.js';
import { firstLine, runCli, startCli } from '../helpers/run-cli.js';

/*
 * Keeps docs/ci.md honest. Its fenced ```yaml blocks are parsed; a block with `jobs:` is a GitHub Actions workflow, a
 * block with a top-level job that has a `script:` is a GitLab CI job, any other block is a fragment. Every shell line
 * that calls `ocpi-conformance run` (in those blocks and in ```sh blocks) is tokenized like a shell would, and its
 * flags are checked against the real `run` command. Each complete job is then checked for what makes it work in CI
 * (the JUnit file it writes is the one it publishes, the target can reach the tester back, no token is written in
 * it) and its command is run against `ocpi-conformance mock` in the role the job gives its target (`--role`, else cpo).
 *
 * Substitution when a job's command runs here, kept deliberately simple:
 * - the job's variables (GitHub: workflow, job and step `env`; GitLab: global and job `variables`) expand `$NAME`
 *   and `${NAME}` in the arguments; a variable the job does not define, or defines only by a CI expression, fails;
 * - the versions URL (whatever variable or value the run gives it) becomes the mock's versions URL, and the token
 *   (OCPI_CONFORMANCE_TOKEN, or the variable passed to --token) the mock's Token A;
 * - `--peer-listen` becomes 127.0.0.1:0 and `--peer-url` is dropped: on loopback the mock reaches the tester at its
 *   listening address, and tests listen on loopback only;
 * - relative output paths (--report-*, --evidence, --write-baseline) are placed in a fresh temporary folder;
 * - the job's OCPI_CONFORMANCE_* variables are passed as the environment, as CI would.
 */

const GUIDE = readFileSync(new URL('../../../docs/ci.md', import.meta.url), 'utf8');

/** Flags of other tools that the guide's prose mentions (not options of `run`). */
const OTHER_TOOLS_FLAGS = new Set(['--health-cmd', '--network']);
const OUTPUT_FLAGS = new Set(['--report-json', '--report-junit', '--report-html', '--evidence', '--write-baseline']);
const ENV_PREFIX = 'OCPI_CONFORMANCE_';

type Dict = Record<string, unknown>;
const isDict = (value: unknown): value is Dict => typeof value === 'object' && value !== null && !Array.isArray(value);
const stringsOf = (value: unknown): string[] => (Array.isArray(value) ? value.filter((v): v is string => typeof v === 'string') : typeof value === 'string' ? [value] : []);

interface FencedBlock {
  readonly lang: string;
  readonly text: string;
  /** 1-based line of the opening fence, for messages. */
  readonly line: number;
}

function fencedBlocks(markdown: string): FencedBlock[] {
  const blocks: FencedBlock[] = [];
  const lines = markdown.split('\n');
  for (let i = 0; i < lines.length; i++) {
    const open = /^(\s*)```(\w*)\s*$/.exec(lines[i] ?? '');
    if (!open) continue;
    const indent = open[1] ?? '';
    const body: string[] = [];
    let j = i + 1;
    for (; j < lines.length && !/^\s*```\s*$/.test(lines[j] ?? ''); j++) body.push((lines[j] ?? '').startsWith(indent) ? (lines[j] ?? '').slice(indent.length) : (lines[j] ?? ''));
    blocks.push({ lang: open[2] ?? '', text: body.join('\n'), line: i + 1 });
    i = j;
  }
  return blocks;
}

// ---------------------------------------------------------------------------------------------------------------------
// Shell words: enough of POSIX sh for CI run lines (quotes, line continuations, $VAR, $(...), operators, comments).

/** Part of a shell word: expandable (unquoted or double-quoted) or literal (single-quoted, escaped). */
interface WordPart {
  readonly text: string;
  readonly expand: boolean;
}
type ShellToken = { readonly kind: 'word'; readonly parts: readonly WordPart[] } | { readonly kind: 'operator' };

/** The text of a word as written, quotes removed and nothing expanded. */
const rawText = (parts: readonly WordPart[]): string => parts.map((p) => p.text).join('');

function shellTokens(script: string): ShellToken[] {
  const tokens: ShellToken[] = [];
  let parts: WordPart[] | undefined;
  const add = (text: string, expand: boolean): void => {
    parts ??= [];
    parts.push({ text, expand });
  };
  const endWord = (): void => {
    if (parts) tokens.push({ kind: 'word', parts });
    parts = undefined;
  };
  /** The index just after the `)` that closes the `$(` starting at `start`. */
  const closeSubstitution = (start: number): number => {
    let depth = 0;
    for (let k = start; k < script.length; k++) {
      if (script[k] === '(') depth++;
      else if (script[k] === ')' && --depth === 0) return k + 1;
    }
    throw new Error(`unclosed $( in: ${script}`);
  };
  let i = 0;
  while (i < script.length) {
    const c = script[i] ?? '';
    if (c === '\\' && script[i + 1] === '\n') i += 2;
    else if (c === ' ' || c === '\t' || c === '\r') {
      endWord();
      i++;
    } else if ('\n;&|()<>'.includes(c)) {
      endWord();
      tokens.push({ kind: 'operator' });
      i++;
    } else if (c === '#' && !parts) {
      while (i < script.length && script[i] !== '\n') i++;
    } else if (c === "'") {
      const end = script.indexOf("'", i + 1);
      if (end < 0) throw new Error(`unclosed ' in: ${script}`);
      add(script.slice(i + 1, end), false);
      i = end + 1;
    } else if (c === '"') {
      let k = i + 1;
      let text = '';
      while (k < script.length && script[k] !== '"') {
        if (script[k] === '\\' && '"\\$`'.includes(script[k + 1] ?? '')) {
          text += script[k + 1];
          k += 2;
        } else if (script[k] === '$' && script[k + 1] === '(') {
          const end = closeSubstitution(k);
          text += script.slice(k, end);
          k = end;
        } else text += script[k++];
      }
      if (k >= script.length) throw new Error(`unclosed " in: ${script}`);
      add(text, true);
      i = k + 1;
    } else if (c === '$' && script[i + 1] === '(') {
      const end = closeSubstitution(i);
      add(script.slice(i, end), true);
      i = end;
    } else if (c === '\\') {
      add(script[i + 1] ?? '', false);
      i += 2;
    } else {
      add(c, true);
      i++;
    }
  }
  endWord();
  return tokens;
}

/** The arguments after `ocpi-conformance run` (or `.../bin/ocpi-conformance.js run`), up to the end of the command. */
function runInvocations(script: string): WordPart[][][] {
  const tokens = shellTokens(script);
  const invocations: WordPart[][][] = [];
  for (let i = 0; i + 1 < tokens.length; i++) {
    const tool = tokens[i];
    const verb = tokens[i + 1];
    if (tool?.kind !== 'word' || verb?.kind !== 'word') continue;
    if (!/(^|\/)ocpi-conformance(\.js)?$/.test(rawText(tool.parts)) || rawText(verb.parts) !== 'run') continue;
    const args: WordPart[][] = [];
    for (let j = i + 2; j < tokens.length; j++) {
      const token = tokens[j];
      if (token?.kind !== 'word') break;
      args.push([...token.parts]);
    }
    invocations.push(args);
  }
  return invocations;
}

// ---------------------------------------------------------------------------------------------------------------------
// The real `run` command and the flags of an invocation.

const RUN_OPTIONS: readonly Option[] = runCommand({ stdout: { write: () => true }, stderr: { write: () => true }, env: {}, onInterrupt: () => undefined }, () => undefined).options;
const optionNamed = (flag: string): Option | undefined => RUN_OPTIONS.find((o) => o.long === flag);
const envNameOf = (option: Option): string => ENV_PREFIX + option.attributeName().replace(/[A-Z]/g, (c) => `_${c}`).toUpperCase();

/** A flag of an invocation with its value as written (parts), when it takes one. */
interface GivenFlag {
  readonly flag: string;
  readonly value?: readonly WordPart[];
}

function givenFlags(args: readonly (readonly WordPart[])[]): GivenFlag[] {
  const flags: GivenFlag[] = [];
  for (let i = 0; i < args.length; i++) {
    const word = args[i] ?? [];
    const text = rawText(word);
    if (!text.startsWith('--')) throw new Error(`"${text}" is not a flag (the run command takes no arguments)`);
    const [flag = text, inline] = text.includes('=') ? [text.slice(0, text.indexOf('=')), text.slice(text.indexOf('=') + 1)] : [text];
    const option = optionNamed(flag);
    if (!option) {
      flags.push({ flag });
      continue;
    }
    if (inline !== undefined) flags.push({ flag, value: [{ text: inline, expand: true }] });
    else if (option.required || (option.optional && !rawText(args[i + 1] ?? []).startsWith('--') && args[i + 1] !== undefined)) flags.push({ flag, value: args[++i] ?? [] });
    else flags.push({ flag });
  }
  return flags;
}

const valueOf = (flags: readonly GivenFlag[], flag: string): string | undefined => {
  const found = flags.find((f) => f.flag === flag)?.value;
  return found === undefined ? undefined : rawText(found);
};

const VARIABLE = /\$\{([A-Za-z_][A-Za-z0-9_]*)\}|\$([A-Za-z_][A-Za-z0-9_]*)/g;
const REFERENCE = /^\$\{?([A-Za-z_][A-Za-z0-9_]*)\}?$/;
const SECRET = /^\$\{\{\s*secrets\.[A-Za-z_][A-Za-z0-9_]*\s*\}\}$/;
const CI_EXPRESSION = /\$\{\{/;

/** A word with the job's variables expanded; a variable it does not define, or a command substitution, throws. */
function expandWord(parts: readonly WordPart[], variables: ReadonlyMap<string, string>): string {
  return parts.map((part) => {
    if (!part.expand) return part.text;
    if (part.text.includes('$(')) throw new Error(`"${part.text}" runs a command, which this test cannot reproduce`);
    return part.text.replace(VARIABLE, (_match, braced: string | undefined, plain: string | undefined) => {
      const name = braced ?? plain ?? '';
      const value = variables.get(name);
      // A CI expression or a reference to a project variable has no value this test could know.
      if (value === undefined || CI_EXPRESSION.test(value) || REFERENCE.test(value)) throw new Error(`the run uses $${name}, which the job does not define as a plain value`);
      return value;
    });
  }).join('');
}

// ---------------------------------------------------------------------------------------------------------------------
// The guide's blocks, jobs and run lines.

interface ParsedBlock {
  readonly block: FencedBlock;
  readonly doc?: unknown;
  readonly error?: string;
}

/** A complete job of the guide: where it comes from, its variables, its run line and its parsed definition. */
interface CiJob {
  readonly kind: 'GitHub Actions' | 'GitLab CI';
  readonly name: string;
  readonly job: Dict;
  /** Its variables as written in the YAML (later layers override earlier ones, as in CI). */
  readonly variables: ReadonlyMap<string, string>;
  /** The script that holds the run line (GitHub: the step's `run`; GitLab: the job's script lines). */
  readonly script: string;
  /** For GitHub, the index of the step that runs the tester. */
  readonly runStep?: number;
}

const BLOCKS = fencedBlocks(GUIDE);
const PARSED: readonly ParsedBlock[] = BLOCKS.filter((b) => b.lang === 'yaml').map((block) => {
  try {
    return { block, doc: parseYaml(block.text) as unknown };
  } catch (error) {
    return { block, error: (error as Error).message };
  }
});

function variablesFrom(...layers: unknown[]): Map<string, string> {
  const variables = new Map<string, string>();
  for (const layer of layers) {
    if (!isDict(layer)) continue;
    for (const [key, value] of Object.entries(layer)) if (typeof value === 'string' || typeof value === 'number' || typeof value === 'boolean') variables.set(key, String(value));
  }
  return variables;
}

function jobsOf(doc: unknown): CiJob[] {
  if (!isDict(doc)) return [];
  if (isDict(doc['jobs'])) {
    return Object.entries(doc['jobs']).flatMap(([name, job]): CiJob[] => {
      if (!isDict(job) || !Array.isArray(job['steps'])) return [];
      const steps = job['steps'] as unknown[];
      const runStep = steps.findIndex((step) => isDict(step) && typeof step['run'] === 'string' && /ocpi-conformance(\.js)?\s+run\b/.test(step['run']));
      const step = steps[runStep];
      if (!isDict(step)) return [];
      return [{ kind: 'GitHub Actions', name, job, variables: variablesFrom(doc['env'], job['env'], step['env']), script: String(step['run']), runStep }];
    });
  }
  return Object.entries(doc).flatMap(([name, job]): CiJob[] => {
    if (!isDict(job) || !Array.isArray(job['script'])) return [];
    const script = [...stringsOf(job['before_script']), ...stringsOf(job['script'])].join('\n');
    return [{ kind: 'GitLab CI', name, job, variables: variablesFrom(doc['variables'], job['variables']), script }];
  });
}

/** Every shell script in a YAML document: `run:` strings and `script:`-like lists, at any depth. */
function scriptsIn(node: unknown): string[] {
  if (Array.isArray(node)) return node.flatMap(scriptsIn);
  if (!isDict(node)) return [];
  return Object.entries(node).flatMap(([key, value]) => {
    if (key === 'run' && typeof value === 'string') return [value];
    if (['script', 'before_script', 'after_script'].includes(key)) return [stringsOf(value).join('\n')];
    return scriptsIn(value);
  });
}

/** Every `KEY: value` of the YAML documents, at any depth. */
function entriesIn(node: unknown): Array<[string, unknown]> {
  if (Array.isArray(node)) return node.flatMap(entriesIn);
  if (!isDict(node)) return [];
  return Object.entries(node).flatMap(([key, value]): Array<[string, unknown]> => [[key, value], ...entriesIn(value)]);
}

const JOBS = PARSED.flatMap((p) => jobsOf(p.doc));
const SHELL_SCRIPTS = [...PARSED.flatMap((p) => scriptsIn(p.doc)), ...BLOCKS.filter((b) => ['sh', 'bash', 'shell'].includes(b.lang)).map((b) => b.text)];
/** Every run line of the guide (tokenized when a test asks, so that a shell syntax error fails a test, not the load). */
const allInvocations = (): WordPart[][][] => SHELL_SCRIPTS.flatMap(runInvocations);

function theInvocation(job: CiJob): GivenFlag[] {
  const invocations = runInvocations(job.script);
  assert.equal(invocations.length, 1, `the ${job.kind} job ${job.name} runs ocpi-conformance once`);
  return givenFlags(invocations[0] ?? []);
}

/** Tolerates a job whose run line is not found, so that the tests say so instead of failing the load. */
function theInvocationOrNone(job: CiJob): GivenFlag[] {
  try {
    return theInvocation(job);
  } catch {
    return [];
  }
}

/** Modules every target has; a run that judged nothing else did not test what the target serves. */
const REGISTRATION_MODULES = new Set(['versions', 'credentials', 'transport']);

/** The modules of a JUnit report with at least one case that was judged (not skipped). */
function judgedModules(xml: string): string[] {
  return [...xml.matchAll(/<testsuite\s([^>]*)>/g)].flatMap((m) => {
    const attribute = (name: string): string => new RegExp(`\\b${name}="([^"]*)"`).exec(m[1] ?? '')?.[1] ?? '';
    return Number(attribute('tests')) > Number(attribute('skipped')) ? [attribute('name')] : [];
  });
}

const normalPath = (path: string): string => path.replace(/^\.\//, '').replace(/\/+$/, '');
const alwaysRuns = (step: Dict): boolean => typeof step['if'] === 'string' && /\balways\(\)/.test(step['if']);

// ---------------------------------------------------------------------------------------------------------------------

describe('docs/ci.md', function () {
  this.timeout(120_000);

  it('has only valid YAML blocks, among them a GitHub Actions workflow and a GitLab CI job.', () => {
    assert.deepEqual(PARSED.filter((p) => p.error).map((p) => `line ${p.block.line}: ${p.error ?? ''}`), []);
    assert.deepEqual([...new Set(JOBS.map((j) => j.kind))].sort(), ['GitHub Actions', 'GitLab CI']);
  });

  it('uses only flags of the real run command, in every run line and in its prose.', () => {
    const invocations = allInvocations();
    assert.ok(invocations.length >= JOBS.length + 1, `found ${invocations.length} run lines`);
    const unknown = invocations.flatMap((args) => givenFlags(args)).map((f) => f.flag).filter((flag) => !optionNamed(flag));
    assert.deepEqual(unknown, []);
    const prose = GUIDE.replace(/^\s*```[\s\S]*?^\s*```/gm, '');
    const mentioned = [...prose.matchAll(/`(--[a-z][a-z-]*)/g)].map((m) => m[1] ?? '');
    assert.ok(mentioned.length > 0);
    assert.deepEqual(mentioned.filter((flag) => !optionNamed(flag) && !OTHER_TOOLS_FLAGS.has(flag)), []);
  });

  it('names only OCPI_CONFORMANCE_* variables that are the environment form of a run flag.', () => {
    const known = new Set(RUN_OPTIONS.map(envNameOf));
    const named = [...new Set([...GUIDE.matchAll(/\bOCPI_CONFORMANCE_[A-Z0-9_]+/g)].map((m) => m[0]))];
    assert.ok(named.includes('OCPI_CONFORMANCE_TOKEN'));
    assert.deepEqual(named.filter((name) => !known.has(name)), []);
  });

  it('never writes a token: every token variable comes from a secret or a CI variable, and --token only ever takes a variable.', () => {
    const tokenEntries = PARSED.flatMap((p) => entriesIn(p.doc)).filter(([key, value]) => /TOKEN/i.test(key) && typeof value === 'string');
    assert.ok(tokenEntries.length >= 2);
    for (const [key, value] of tokenEntries) assert.ok(SECRET.test(String(value)) || REFERENCE.test(String(value)), `${key}: ${String(value)} is written in the guide`);
    for (const args of allInvocations()) {
      const token = givenFlags(args).find((f) => f.flag === '--token');
      if (token) assert.match(rawText(token.value ?? []), REFERENCE, '--token takes a variable, never a value');
    }
    for (const job of JOBS) {
      const fromEnv = job.variables.get(`${ENV_PREFIX}TOKEN`);
      assert.ok(fromEnv !== undefined || valueOf(theInvocation(job), '--token') !== undefined, `the ${job.kind} job gives the tester a token`);
      if (fromEnv !== undefined) assert.ok(job.kind === 'GitHub Actions' ? SECRET.test(fromEnv) : REFERENCE.test(fromEnv) && !job.variables.has(REFERENCE.exec(fromEnv)?.[1] ?? ''), `${ENV_PREFIX}TOKEN of the ${job.kind} job comes from a secret`);
    }
  });

  for (const job of JOBS) {
    describe(`its ${job.kind} job ${job.name}`, () => {
      it('publishes the JUnit file its run writes and keeps the evidence folder, even when the run fails.', () => {
        const flags = theInvocation(job);
        const junit = valueOf(flags, '--report-junit');
        const evidence = valueOf(flags, '--evidence');
        assert.ok(junit && !junit.includes('$'), 'the run writes JUnit to a fixed path');
        assert.ok(evidence && !evidence.includes('$'), 'the run writes its evidence to a fixed folder');
        if (job.kind === 'GitHub Actions') {
          const steps = (job.job['steps'] as unknown[]).filter(isDict);
          const after = steps.slice((job.runStep ?? 0) + 1);
          const report = after.find((s) => /^(mikepenz\/action-junit-report|dorny\/test-reporter)@/.test(String(s['uses'])));
          assert.ok(report, 'a step after the run publishes the JUnit report');
          const inputs = isDict(report['with']) ? report['with'] : {};
          const read = String(report['uses']).startsWith('mikepenz/') ? inputs['report_paths'] : inputs['path'];
          assert.equal(normalPath(String(read)), normalPath(junit));
          assert.ok(alwaysRuns(report), 'the report step runs when the run fails');
          const upload = after.find((s) => String(s['uses']).startsWith('actions/upload-artifact@'));
          assert.ok(upload && isDict(upload['with']), 'a step after the run uploads the evidence');
          assert.equal(normalPath(String(upload['with']['path'])), normalPath(evidence));
          assert.ok(alwaysRuns(upload), 'the upload step runs when the run fails');
        } else {
          const artifacts = job.job['artifacts'];
          assert.ok(isDict(artifacts) && isDict(artifacts['reports']));
          assert.equal(artifacts['when'], 'always');
          assert.ok(stringsOf(artifacts['reports']['junit']).map(normalPath).includes(normalPath(junit)), 'artifacts:reports:junit reads the file the run writes');
          assert.ok(stringsOf(artifacts['paths']).map(normalPath).includes(normalPath(evidence)), 'artifacts:paths keeps the evidence folder');
        }
      });

      it('runs the target as a service the tester reaches by name, and lets the target reach the tester back.', () => {
        const flags = theInvocation(job);
        const listen = valueOf(flags, '--peer-listen') ?? '';
        const peerUrl = valueOf(flags, '--peer-url') ?? '';
        assert.match(listen, /^0\.0\.0\.0:\d+$/, 'the peer listens on every interface');
        const port = listen.slice(listen.lastIndexOf(':') + 1);
        assert.match(peerUrl, new RegExp(`^http://[^/]+:${port}$`), 'the peer URL uses the port the peer listens on');
        const versionsUrl = expandWord(flags.find((f) => f.flag === '--versions-url')?.value ?? [], job.variables);
        const targetHost = new URL(versionsUrl).hostname;
        if (job.kind === 'GitHub Actions') {
          assert.ok(job.job['container'], 'the job runs in a container, on the services network');
          assert.ok(isDict(job.job['services']) && targetHost in job.job['services'], `the versions URL names the service (${targetHost})`);
        } else {
          const aliases = (Array.isArray(job.job['services']) ? job.job['services'] : []).filter(isDict).map((s) => s['alias']);
          assert.ok(aliases.includes(targetHost), `the versions URL names the service alias (${targetHost})`);
          assert.equal(job.variables.get('FF_NETWORK_PER_BUILD'), 'true', 'a network per build lets the service reach the job');
          assert.equal(new URL(peerUrl).hostname, 'build', 'the service reaches the job container as build');
        }
      });

      const role = valueOf(theInvocationOrNone(job), '--role') ?? 'cpo';
      describe(`run against a mock ${role.toUpperCase()}`, () => {
        const tokenA = `ci-guide-${process.pid}-token`;
        let outputs = '';
        let mock: ChildProcess | undefined;
        let versionsUrl = '';
        before(async () => {
          outputs = mkdtempSync(join(tmpdir(), 'ocpi-conformance-ci-guide-'));
          mock = startCli(['mock', '--role', role, '--token-a', tokenA]);
          versionsUrl = (JSON.parse(await firstLine(mock)) as { versionsUrl: string }).versionsUrl;
        });
        after(() => {
          mock?.kill('SIGKILL');
          mock = undefined;
          if (outputs) rmSync(outputs, { recursive: true, force: true });
        });

        it('passes, exits 0, judges the target\'s modules, and writes the JUnit report and the evidence folder.', async () => {
          const flags = theInvocation(job);
          const variables = new Map(job.variables);
          const versionsWord = flags.find((f) => f.flag === '--versions-url')?.value ?? [];
          const versionsVariable = REFERENCE.exec(rawText(versionsWord))?.[1];
          if (versionsVariable) variables.set(versionsVariable, versionsUrl);
          const tokenVariable = REFERENCE.exec(valueOf(flags, '--token') ?? '')?.[1];
          if (tokenVariable) variables.set(tokenVariable, tokenA);
          const args: string[] = [];
          for (const { flag, value } of flags) {
            if (flag === '--peer-url') continue;
            args.push(flag);
            if (value === undefined) continue;
            if (flag === '--peer-listen') args.push('127.0.0.1:0');
            else if (flag === '--versions-url' && !versionsVariable) args.push(versionsUrl);
            else if (OUTPUT_FLAGS.has(flag)) {
              const path = expandWord(value, variables);
              assert.ok(!isAbsolute(path), `${flag} ${path} is relative to the job's folder`);
              args.push(join(outputs, path));
            } else args.push(expandWord(value, variables));
          }
          const env: Record<string, string> = {};
          for (const [name, value] of job.variables) {
            if (!name.startsWith(ENV_PREFIX)) continue;
            if (name === `${ENV_PREFIX}TOKEN`) env[name] = tokenA;
            else if (name === `${ENV_PREFIX}VERSIONS_URL`) env[name] = versionsUrl;
            else {
              assert.ok(!CI_EXPRESSION.test(value) && !REFERENCE.test(value), `${name} has a plain value`);
              env[name] = value;
            }
          }
          const outcome = await runCli(['run', ...args], { env, timeoutMs: 110_000 });
          assert.equal(outcome.code, 0, `${args.join(' ')}\n${outcome.stdout}${outcome.stderr}`);
          assert.ok(!`${outcome.stdout}${outcome.stderr}`.includes(tokenA), 'the token never appears in the output');
          const junit = join(outputs, valueOf(flags, '--report-junit') ?? '');
          assert.ok(existsSync(junit), `the JUnit report is at ${junit}`);
          const judged = judgedModules(readFileSync(junit, 'utf8'));
          assert.ok(judged.some((module) => !REGISTRATION_MODULES.has(module)), `a run that judges only registration is hollow: ${judged.join(', ')}`);
          const evidence = join(outputs, valueOf(flags, '--evidence') ?? '');
          assert.ok(existsSync(evidence) && readdirSync(evidence).length > 0, `the evidence folder ${evidence} has files`);
        });
      });
    });
  }
});
