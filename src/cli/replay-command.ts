import { Command } from './commander.js';
import { ConfigError } from '../config/config-error.js';
import type { CliIo } from './cli-io.js';
import { EXIT } from './exit-codes.js';

/**
 * `ocpi-conformance replay REPORT ID`: sends one recorded request of a saved JSON report again, as the run sent it,
 * with the token the user gives (a report never holds one), and prints the answer, tokens redacted. For a developer
 * fixing the failure the report shows.
 */
export function replayCommand(io: CliIo, setExitCode: (code: number) => void): Command {
  return new Command('replay')
    .description('send one recorded request of a saved JSON report again (its id, e.g. x12) and print the answer')
    .argument('<report>', 'a JSON report written with --report-json')
    .argument('<exchange>', 'the id of the exchange to replay, as the report names it')
    .option('--token <token>', 'the credentials token to send; prefer OCPI_CONFORMANCE_TOKEN')
    .option('--body-token <token>', 'the token to put where the body held one; prefer OCPI_BODY_TOKEN')
    .option('--allow-commands', 'allow replaying a request that acts on a charger (a remote command, a charging profile)')
    .option('--raw-token', 'send the token unencoded (OCPI 2.1.1; the default follows the request: Base64 when it carried request ids)')
    .option('--timeout <ms>', 'for the request (default 10000)', (value: string) => {
      if (!/^\d+$/.test(value)) throw new ConfigError(`--timeout takes a whole number, got "${value}"`);
      return Number(value);
    })
    .action(async (reportPath: string, id: string, options: { token?: string; bodyToken?: string; rawToken?: boolean; allowCommands?: boolean; timeout?: number }) => {
      const [{ readDataFile }, { Secret }, { reportExchanges, replayedRequest }, { OcpiClient }, { Redactor }, { OriginPolicy }, { TransportError }, { TOOL }] = await Promise.all([
        import('../config/read-data-file.js'),
        import('../config/secret.js'),
        import('./replayed-request.js'),
        import('../transport/ocpi-client.js'),
        import('../transport/redactor.js'),
        import('../transport/origin-policy.js'),
        import('../transport/transport-error.js'),
        import('../tool-info.js'),
      ]);
      const exchanges = reportExchanges(readDataFile(reportPath, 'the report'));
      const saved = exchanges.get(id) ?? (() => {
        throw new ConfigError(`the report names no exchange ${id} (it has ${exchanges.size}: ${[...exchanges.keys()].slice(0, 5).join(', ')}${exchanges.size > 5 ? ', ...' : ''})`);
      })();
      if (saved.actsOnChargers && !options.allowCommands) {
        throw new ConfigError(`exchange ${id} is a request to a charger (a remote command, a charging profile, or a teardown step): replay it only with --allow-commands`);
      }
      const { exchange } = saved;
      const tokenText = options.token ?? io.env['OCPI_CONFORMANCE_TOKEN'];
      const bodyTokenText = options.bodyToken ?? io.env['OCPI_BODY_TOKEN'];
      const token = tokenText ? new Secret(tokenText) : undefined;
      const bodyToken = bodyTokenText ? new Secret(bodyTokenText) : undefined;
      const { request, droppedHeaders } = replayedRequest(exchange, { ...(token ? { token } : {}), ...(bodyToken ? { bodyToken } : {}) });
      for (const name of droppedHeaders) io.stderr.write(`ocpi-conformance: warning: the ${name} header was redacted in the report and is not sent\n`);
      const redactor = new Redactor();
      for (const secret of [token, bodyToken]) if (secret) redactor.add(secret);
      // Request ids are what OCPI 2.2 and later carry; a request recorded without them was a 2.1.1 one.
      const ocpiHeaders = exchange.request.headers['x-request-id'] !== undefined;
      let count = 0;
      const client = new OcpiClient({
        timeoutMs: options.timeout ?? 10_000,
        maxResponseBytes: 20 * 1024 * 1024,
        tokenEncoding: options.rawToken || !ocpiHeaders ? 'raw' : 'base64',
        ocpiHeaders,
        redactor,
        nextExchangeId: () => `replay${++count}`,
        userAgent: `${TOOL.name}/${TOOL.version}`,
        // The token goes only where the run sent it.
        origins: new OriginPolicy([exchange.request.url]),
      });
      try {
        const response = await client.send(request);
        const answer = response.exchange.response;
        io.stdout.write(`${request.method} ${response.exchange.request.url} -> HTTP ${response.status} (${response.exchange.timings.durationMs} ms)\n`);
        for (const [name, value] of Object.entries(answer?.headers ?? {})) io.stdout.write(`${name}: ${value}\n`);
        io.stdout.write(`\n${answer?.body !== undefined ? JSON.stringify(answer.body, null, 2) : (answer?.rawBody ?? '')}\n`);
        setExitCode(EXIT.ok);
      } catch (error) {
        if (!(error instanceof TransportError)) throw error;
        io.stderr.write(`ocpi-conformance: error: ${redactor.text(error.message)}\n`);
        setExitCode(EXIT.error);
      }
    });
}
