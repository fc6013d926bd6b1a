import { Command } from './commander.js';
import type { CliIo } from './cli-io.js';
import { EXIT } from './exit-codes.js';

const MARK = { ok: 'ok  ', warn: 'warn', fail: 'FAIL' } as const;

/**
 * `ocpi-conformance doctor`: checks, before a run, what a run needs from the target and the network (the settings a
 * run would take, from flags, OCPI_CONFORMANCE_* variables and --config), and says whose move it is in one line each.
 */
export function doctorCommand(io: CliIo, setExitCode: (code: number) => void): Command {
  return new Command('doctor')
    .description('check, before a run, that the versions URL answers, the token is accepted, a version both sides test exists and the target can reach the tester (nothing is registered)')
    .option('--versions-url <url>', "the target's OCPI versions endpoint")
    .option('--token <token>', 'the token a run would use; prefer OCPI_CONFORMANCE_TOKEN')
    .option('--ocpi-version <version>', 'the version a run would test')
    .option('--role <role>', 'the role of the target')
    .option('--raw-token', 'try the token unencoded first')
    .option('--peer-listen <host:port>', "where the tester's endpoint would listen")
    .option('--peer-url <url>', "the URL the target would reach the tester's endpoint at")
    .option('--peer-tls-cert <file>', "the certificate the tester's endpoint would serve HTTPS with")
    .option('--peer-tls-key <file>', 'its private key')
    .option('-H, --header <header>', 'an extra header, as for run (repeatable)', (value: string, previous: string[] = []) => [...previous, value])
    .option('--cacert <file>', 'PEM authorities to trust besides Node\'s')
    .option('--cert <file>', 'a PEM client certificate (mutual TLS)')
    .option('--key <file>', 'its private key')
    .option('--insecure', 'do not check the target\'s certificate')
    .option('--timeout <ms>', 'per request (default 10000)', (value: string) => Number(value))
    .option('-c, --config <file>', 'a JSON or YAML file of settings, as for run')
    .action(async (_options: unknown, command: Command) => {
      const [{ loadRunConfig }, { Network }, { preflight }, { unknownVariables }, { networkNotices }] = await Promise.all([
        import('../config/load-run-config.js'),
        import('../transport/network.js'),
        import('./preflight.js'),
        import('../config/setting-problem.js'),
        import('../runner/network-notices.js'),
      ]);
      const flags: Record<string, unknown> = {};
      for (const [key, value] of Object.entries(command.opts<Record<string, unknown>>())) {
        if (command.getOptionValueSource(key) === 'cli' && key !== 'config') flags[key] = value;
      }
      const configFile = command.opts<{ config?: string }>().config ?? io.env['OCPI_CONFORMANCE_CONFIG'];
      const config = loadRunConfig({ flags, env: io.env, ...(configFile ? { configFile } : {}) });
      for (const warning of unknownVariables(io.env)) io.stderr.write(`ocpi-conformance: warning: ${warning}\n`);
      const network = new Network(config.network);
      for (const notice of networkNotices(network, config.versionsUrl)) io.stderr.write(`${notice}\n`);
      try {
        const checks = await preflight(config, network, new AbortController().signal);
        for (const check of checks) io.stdout.write(`${MARK[check.status]}  ${check.name}: ${check.message}\n`);
        const failed = checks.filter((check) => check.status === 'fail');
        io.stdout.write(failed.length === 0 ? 'ready to run\n' : `${failed.length} problem${failed.length === 1 ? '' : 's'} to fix before a run\n`);
        setExitCode(failed.length === 0 ? EXIT.ok : EXIT.error);
      } finally {
        network.close();
      }
    });
}
