import { writeFile } from 'node:fs/promises';
import { basename } from 'node:path';
import { Command, Help, Option } from './commander.js';
import { envName, FLAG_ONLY_KEYS } from '../config/setting-variable.js';
import { ConfigError } from '../config/config-error.js';
import type { RawRunSettings, RunConfig } from '../config/run-config.js';
import type { Baseline } from '../runner/baseline.js';
import type { RunResult } from '../model/case-result.js';
import type { RunEvent } from '../model/run-event.js';
import { printError, printWarning, type CliIo, type StopReason } from './cli-io.js';
import { PROFILE_NAMES } from '../runner/profile-name.js';
import { EXIT, exitCodeFor } from './exit-codes.js';
import { OCPI_VERSIONS } from '../model/ocpi-version.js';

const collect = (value: string, previous: string[] = []): string[] => [...previous, value];
const list = (value: string): string[] => value.split(',').map((item) => item.trim()).filter(Boolean);
const integer = (flag: string) => (value: string): number => {
  if (!/^\d+$/.test(value)) throw new ConfigError(`${flag} takes a whole number, got "${value}"`);
  return Number(value);
};

/** Flags given on the command line only (commander also reports defaults, which must not hide env or file values). */
function givenFlags(command: Command): RawRunSettings {
  const options = command.opts<Record<string, unknown>>();
  const flags: Record<string, unknown> = {};
  for (const [key, value] of Object.entries(options)) {
    if (command.getOptionValueSource(key) !== 'cli' || key === 'config') continue;
    flags[key] = key === 'embedded' && value === true ? 'cpo' : value;
  }
  return flags as RawRunSettings;
}

let plainHelp: Help | undefined;

/** An option's help text, with the variable that gives the same setting (or that none may). */
function withVariable(option: Option): string {
  plainHelp ??= new Help();
  const base = plainHelp.optionDescription(option);
  const key = option.attributeName();
  if (key === 'help') return base;
  if (key === 'config') return `${base} [env: OCPI_CONFORMANCE_CONFIG]`;
  if (FLAG_ONLY_KEYS.has(key)) return `${base} [no variable: flag or config file only]`;
  return `${base} [env: ${envName(key)}]`;
}

const RUN_HELP_AFTER = `
Examples:
  $ ocpi-conformance run --embedded cpo                 try it against the embedded reference CPO
  $ OCPI_CONFORMANCE_TOKEN=... ocpi-conformance run --versions-url https://ocpi.example.com/versions \\
      --report-junit junit.xml --evidence evidence/   the tester registers with your implementation
  $ ocpi-conformance run --handshake await --peer-listen 0.0.0.0:9401 --peer-url https://tester.example.net
                                                        your implementation registers with the tester

Exit codes:
  0 every required check passed    1 conformance failures           2 usage or configuration error
  3 target unreachable, or a tester error                           4 nothing tested (no mutual OCPI version)
  5 nothing checked: every selected case was skipped (each skip says why)
  130, 143, 129 stopped by SIGINT, SIGTERM, SIGHUP (a partial report is written)

Settings come from, lowest first: defaults, the config file, OCPI_CONFORMANCE_* variables, flags.
Proxies: HTTPS_PROXY, HTTP_PROXY and NO_PROXY are honoured (never for --embedded).`;

/** `ocpi-conformance run`: builds the config, runs, reports, sets the exit code. */
export function runCommand(io: CliIo, setExitCode: (code: number) => void): Command {
  return new Command('run')
    .description('run the conformance cases against an OCPI implementation (or the embedded reference party)')
    .configureHelp({ optionDescription: (option) => withVariable(option) })
    .addHelpText('after', RUN_HELP_AFTER)
    .optionsGroup('Target:')
    .option('--versions-url <url>', "the target's OCPI versions endpoint")
    .option('--token <token>', 'Token A (register), or a registered credentials token (none); prefer OCPI_CONFORMANCE_TOKEN')
    .addOption(new Option('--embedded [role]', 'run against the embedded reference party instead of a URL (ptp: OCPI 2.3.0 only)').choices(['cpo', 'emsp', 'ptp']))
    .option('--embedded-fault <name>', 'inject a named fault into the embedded party (repeatable; see `mock --list-faults`)', collect)
    .option('--embedded-variant <name>', 'start the embedded party with a named conformant variant (repeatable; see `mock --list-variants`)', collect)
    .addOption(new Option('--ocpi-version <version>', 'the OCPI version to test, or all the target and the tester both support (default: the highest both support)').choices([...OCPI_VERSIONS, 'all']))
    .addOption(new Option('--role <role>', 'the role of the target (ptp: a Payment Terminal Provider, OCPI 2.3.0)').choices(['cpo', 'emsp', 'ptp']))
    .optionsGroup("Handshake and the tester's endpoint:")
    .addOption(new Option('--handshake <mode>', 'register: the tester registers; await: the target registers with the tester, which offers every version it tests (only --ocpi-version V when given) and tests the one the target registers in; none: the token is already registered (default register)').choices(['register', 'await', 'none']))
    .option('--peer-listen <host:port>', "where the tester's own OCPI endpoint listens (default 127.0.0.1:0)")
    .option('--peer-url <url>', "the URL the target reaches the tester's endpoint at, when it differs from --peer-listen")
    .option('--peer-tls-cert <file>', "serve the tester's own endpoint over HTTPS with this PEM certificate (with --peer-tls-key)")
    .option('--peer-tls-key <file>', 'the PEM private key of --peer-tls-cert')
    .option('--raw-token', 'send the token unencoded in the Authorization header (for targets that expect it so)')
    .option('--keep-registration', 'do not unregister at the end of the run')
    .optionsGroup('Selection:')
    .option('--only <ids>', 'run only these case ids (comma-separated)', list)
    .option('--fail-fast', 'stop at the first failed case: what the run started is undone and the reports are written (exit 1)')
    .option('--exclude <ids>', 'leave these case ids out (comma-separated); they are not pulled in for what other cases need', list)
    .option('--grep <pattern>', 'run only cases whose id or title matches')
    .addOption(new Option('--profile <name>', 'a named selection of cases: required (MUST/SHALL rules only) or full (default); see `list`').choices(PROFILE_NAMES))
    .option('--allow-commands', 'run the cases that act on chargers: remote commands and charging profiles (always on with --embedded)')
    .option('--allow-terminal-changes', "run the cases that reconfigure a PTP's payment terminals: PUT, PATCH, activation (always on with --embedded)")
    .option('--test-location <id>', 'the Location remote commands act on (default: one chosen from the crawled Locations)')
    .option('--test-evse <uid>', 'the EVSE of --test-location remote commands act on')
    .option('--baseline <file>', 'known failures (case and check ids): shown, but they do not fail the run; new failures do')
    .option('--write-baseline <file>', "write this run's failures as a baseline file (to adopt the tool on an implementation with known gaps)")
    .optionsGroup('Triggers (actions the target performs on request; see docs/triggers.md):')
    .option('--trigger-command <cmd>', 'a shell command that performs an action on the target: called with the action and name=value parameters as arguments and as JSON on stdin; exit 0 = done (ends at --deadline)')
    .option('--trigger-url <url>', 'a URL the action is POSTed to as JSON; a 2xx answer = done. Without either, a terminal prompt asks (skipped when stdin is not a terminal)')
    .optionsGroup('Network:')
    .option('-H, --header <header>', 'an extra header on every request to the target, "Name: value" (repeatable; gateway keys, tenants); values are redacted from every report', collect)
    .option('--cacert <file>', "PEM certificates of authorities to trust besides Node's (a private CA); NODE_EXTRA_CA_CERTS works too")
    .option('--cert <file>', 'a PEM client certificate, for targets that ask for mutual TLS (with --key)')
    .option('--key <file>', 'the PEM private key of --cert (unencrypted)')
    .option('--insecure', 'do not check the target\'s TLS certificate (the token then goes to whoever answers; prefer --cacert)')
    .option('--rate-limit <n>', 'start at most n requests per second to the target (a 429 with Retry-After is always waited out and retried, up to 3 times)', integer('--rate-limit'))
    .option('--allow-origin <url>', "another origin the tester may send requests and tokens to, besides the versions URL's (repeatable)", collect)
    .option('--timeout <ms>', 'per request (default 10000)', integer('--timeout'))
    .option('--deadline <ms>', "per wait for the target's callbacks and registration (default 60000)", integer('--deadline'))
    .option('--concurrency <n>', 'cases run at once, and requests one case sends at once (default 4)', integer('--concurrency'))
    .option('--max-response-size <mb>', 'the largest response body read, in MB, decompressed (default 20); a larger one ends its request', integer('--max-response-size'))
    .option('--max-pages <n>', 'pages one list crawl follows before it stops with a warning (default 10000)', integer('--max-pages'))
    .option('--max-objects <n>', 'objects one list crawl reads before it stops with a warning (default 500000)', integer('--max-objects'))
    .option('--crawl-time <ms>', 'how long one list crawl may run before it stops with a warning (default 300000)', integer('--crawl-time'))
    .optionsGroup('Output:')
    .option('--report-json <file>', 'write the JSON report to this file, or to stdout with - (the console output then goes to stderr)')
    .option('--report-junit <file>', 'write the JUnit XML report to this file (one testsuite per module, one testcase per case)')
    .option('--report-html <file>', 'write a self-contained HTML report to this file (opens offline)')
    .option('--evidence <dir>', 'write the JSON, JUnit and HTML reports, a manifest and the transcript into this folder')
    .option('-q, --quiet', 'print only the summary')
    .option('-v, --verbose', 'an HTTP trace on stderr: a line per exchange as it completes (method, URL, status, time, case; inbound requests too), tokens redacted')
    .option('--no-color', 'no colours (NO_COLOR is honoured too)')
    .option('-c, --config <file>', 'a JSON or YAML file of settings (flags and OCPI_CONFORMANCE_* variables override it)')
    .action(async (_options: unknown, command: Command) => {
      await io.boundHeapGrowth?.();
      const configFile = command.opts<{ config?: string }>().config ?? io.env['OCPI_CONFORMANCE_CONFIG'];
      const [{ loadRunConfig }, { checkOutputPaths, STDOUT_PATH }, { unknownVariables }] = await Promise.all([
        import('../config/load-run-config.js'),
        import('../config/output-paths.js'),
        import('../config/setting-problem.js'),
      ]);
      const config = loadRunConfig({ flags: givenFlags(command), env: io.env, ...(configFile ? { configFile } : {}) });
      for (const warning of unknownVariables(io.env)) printWarning(io, warning);
      checkOutputPaths(config);
      // With the JSON report on stdout, everything meant for a person goes to stderr.
      const human: CliIo = config.reportJson === STDOUT_PATH ? { ...io, stdout: io.stderr } : io;
      const [{ ALL_CASES }, { run }, { ConsoleReporter }, { readBaselineFile }, { nothingChecked }] = await Promise.all([
        import('../../suites/index.js'),
        import('../run.js'),
        import('../report/console-reporter.js'),
        import('../config/baseline-file.js'),
        import('../model/nothing-checked.js'),
      ]);
      for (const [flag, ids] of [['--only', config.only], ['--exclude', config.exclude]] as const) {
        const unknown = ids.filter((id) => !ALL_CASES.some((c) => c.id === id));
        if (unknown.length > 0) throw new ConfigError(`${flag}: no case ${unknown.join(', ')} (see \`ocpi-conformance list\`)`);
      }
      // Read before the run, so a bad baseline is a usage error in one line, not a lost run.
      const baseline = config.baseline ? readBaselineFile(config.baseline) : undefined;
      const controller = new AbortController();
      let stoppedBy: StopReason | undefined;
      let failedFast = false;
      io.onInterrupt((reason) => {
        stoppedBy = reason;
        controller.abort();
      });
      // --fail-fast: the first failed case stops the run as Ctrl-C would (teardown, reports), and the run fails.
      const failFast = (event: RunEvent): void => {
        if (!config.failFast || failedFast || stoppedBy !== undefined || event.type !== 'case-end' || event.result.status !== 'failed') return;
        failedFast = true;
        io.stderr.write(`Stopping at the first failure (--fail-fast): ${event.result.id}\n`);
        controller.abort();
      };
      const reporter = new ConsoleReporter({ stdout: human.stdout, stderr: io.stderr, color: colorEnabled(config.color, human), quiet: config.quiet, verbose: config.verbose });
      const result = await run(config, { signal: controller.signal, listeners: [reporter.listener, failFast], ...(baseline ? { baseline } : {}), ...(io.terminal ? { terminal: io.terminal } : {}) });
      const exitCode = exitCodeFor(result.summary, result.interrupted, stoppedBy ?? (failedFast ? 'fail-fast' : undefined), result.untested !== undefined, nothingChecked(result));
      const written = await writeOutputs(human, config, result, exitCode, baseline, io.stdout, STDOUT_PATH);
      // A run that could not judge the target says why in one line where scripts look for errors.
      const firstError = result.cases.find((c) => c.status === 'errored');
      if (exitCode === EXIT.error && firstError) printError(io, `${firstError.id}: ${firstError.reason ?? 'errored'}`);
      if (result.untested !== undefined) printError(io, result.untested);
      if (result.roleConflict !== undefined) printError(io, result.roleConflict);
      // A --role the target's credentials contradict is the user's to fix, whatever else the run found.
      setExitCode(!written ? EXIT.error : result.roleConflict !== undefined && !result.interrupted ? EXIT.usage : exitCode);
    });
}

/** Colour only on a terminal, unless --no-color or a non-empty NO_COLOR (no-color.org) says otherwise. */
export function colorEnabled(flag: boolean, io: Pick<CliIo, 'env' | 'stdout'>): boolean {
  const noColor = io.env['NO_COLOR'];
  return flag && (noColor === undefined || noColor === '') && io.stdout.isTTY === true;
}

/** Writes every report, baseline and evidence folder the config asks for; false when one could not be written. */
async function writeOutputs(io: CliIo, config: RunConfig, result: RunResult, exitCode: number, baseline: Baseline | undefined, stdout: CliIo['stdout'], stdoutPath: string): Promise<boolean> {
  // Each writer loads only when its output is asked for: the JUnit one alone (junit-report-builder, bundled) takes
  // about 130 ms and 3 MB of heap to load, which a run that writes only JSON, or nothing, has no use for.
  const outputs: ReadonlyArray<{ readonly what: string; readonly path: string | undefined; readonly write: (path: string) => Promise<string | undefined> }> = [
    {
      what: 'the JSON report',
      path: config.reportJson,
      write: async (path) => {
        const { writeJsonReport, toJsonReport } = await import('../report/json-report.js');
        if (path === stdoutPath) stdout.write(toJsonReport(result));
        else await writeJsonReport(result, path);
        return undefined;
      },
    },
    { what: 'the JUnit report', path: config.reportJunit, write: async (path) => void (await (await import('../report/junit-report.js')).writeJunitReport(result, path)) },
    { what: 'the HTML report', path: config.reportHtml, write: async (path) => void (await (await import('../report/html-report.js')).writeHtmlReport(result, path)) },
    {
      what: 'the baseline',
      path: config.writeBaseline,
      write: async (path) => {
        const [{ toBaselineFile }, { baselineOf }] = await Promise.all([import('../config/baseline-file.js'), import('../runner/baseline.js')]);
        const known = baselineOf(result, baseline);
        await writeFile(path, toBaselineFile(known), 'utf8');
        return `wrote the baseline (${known.knownFailures.length} known failure${known.knownFailures.length === 1 ? '' : 's'}) to ${path}`;
      },
    },
    {
      what: 'the evidence',
      path: config.evidence,
      write: async (path) => {
        const [{ writeEvidence }, { schemaPackHash }] = await Promise.all([import('../report/evidence.js'), import('../schemas/schema-pack-hash.js')]);
        const files = await writeEvidence(result, path, {
          profile: config.profile,
          only: config.only,
          ...(config.grep !== undefined ? { grep: config.grep } : {}),
          ...(config.baseline ? { baseline: config.baseline } : {}),
          schemaPacks: result.target.testedVersions.map((version) => schemaPackHash(version)),
          exitCode,
        });
        return `wrote the evidence to ${path}: ${files.map((file) => basename(file)).join(', ')}`;
      },
    },
  ];
  let ok = true;
  for (const { what, path, write } of outputs) {
    if (path === undefined) continue;
    try {
      const said = await write(path);
      if (said && !config.quiet) io.stdout.write(`${said}\n`);
    } catch (error) {
      printError(io, `cannot write ${what} to ${path}: ${(error as NodeJS.ErrnoException).code ?? String(error)}`);
      ok = false;
    }
  }
  return ok;
}
