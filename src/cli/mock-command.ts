import type { PartyRole } from '../model/party-role.js';
import { Command, Option } from './commander.js';
import { ConfigError } from '../config/config-error.js';
import { Secret } from '../config/secret.js';
import type { CliIo, StopReason } from './cli-io.js';
import { EXIT } from './exit-codes.js';
import { OCPI_VERSIONS, type OcpiVersion } from '../model/ocpi-version.js';

const collect = (value: string, previous: string[] = []): string[] => [...previous, value];

async function listFaults(io: CliIo): Promise<void> {
  const { FAULTS } = await import('../parties/fault-catalogue.js');
  const width = Math.max(...FAULTS.map((f) => f.name.length));
  for (const fault of FAULTS) {
    const cases = [...new Set(fault.expects.map((e) => e.case))];
    const first = fault.expects[0];
    const where = cases.length === 1 && first ? `${first.case} ${first.check}` : `${cases.length} cases`;
    io.stdout.write(`${fault.name.padEnd(width)}  ${where} (--handshake ${fault.handshake}): ${fault.description}\n`);
  }
}

async function listVariants(io: CliIo): Promise<void> {
  const { VARIANTS } = await import('../parties/variant-catalogue.js');
  const width = Math.max(...VARIANTS.map((v) => v.name.length));
  for (const variant of VARIANTS) {
    io.stdout.write(`${variant.name.padEnd(width)}  ${variant.roles.join(',')}: ${variant.description} (${variant.rule})${variant.pending ? ` [pending: ${variant.pending}]` : ''}\n`);
  }
}

function wholeNumber(flag: string, value: string, min: number, max: number): number {
  if (!/^\d+$/.test(value) || Number(value) < min || Number(value) > max) throw new ConfigError(`${flag} takes a whole number from ${min} to ${max}, got "${value}"`);
  return Number(value);
}

/** The versions the mock offers: the one asked for, the three for `all`; 2.2.1 by default, and 2.3.0 alone for a PTP. */
function offeredVersions(role: PartyRole, asked: OcpiVersion | 'all' | undefined): readonly OcpiVersion[] {
  if (role === 'ptp') {
    if (asked !== undefined && asked !== '2.3.0') throw new ConfigError(`--role ptp: a Payment Terminal Provider exists only in OCPI 2.3.0 (its Payments module), so it cannot be served in ${asked === 'all' ? 'every version' : `OCPI ${asked}`}; leave --ocpi-version out or give 2.3.0`);
    return ['2.3.0'];
  }
  return asked === 'all' ? OCPI_VERSIONS : [asked ?? '2.2.1'];
}

/**
 * `ocpi-conformance mock`: serves a reference party until SIGINT/SIGTERM. Its one line on stdout when ready is
 * `{"versionsUrl": "...", "tokenA": "...", "triggerUrl": "..."}`: Token A is printed on purpose, since a partner needs
 * it to register; the trigger URL takes `run --trigger-url` (docs/triggers.md).
 */
export function mockCommand(io: CliIo, setExitCode: (code: number) => void): Command {
  return new Command('mock')
    .description('serve a conformant reference OCPI party (optionally with faults or conformant variants) until interrupted')
    .addOption(new Option('--role <role>', 'the party to serve (ptp: a Payment Terminal Provider, OCPI 2.3.0 only)').choices(['cpo', 'emsp', 'ptp']))
    .option('--host <host>', 'address to listen on', '127.0.0.1')
    .option('--port <port>', 'port to listen on (0: any free port)', '0')
    .addOption(new Option('--ocpi-version <version>', 'the OCPI version to offer (all: 2.1.1, 2.2.1 and 2.3.0 together; default: 2.2.1, and 2.3.0 for --role ptp)').choices(['2.1.1', '2.2.1', '2.3.0', 'all']))
    .option('--token-a <token>', 'the Token A to hand out (default: a random one)')
    .option('--fault <name>', 'inject a named fault (repeatable)', collect)
    .option('--seed-locations <n>', 'with --role cpo: how many Locations to generate (and as many sessions, at least 30, with their CDRs)', '12')
    .option('--page-size <n>', 'with --role cpo: the most objects per page of its lists (its X-Limit)', '10')
    .option('--variant <name>', 'serve a named conformant variant (repeatable; combines with --fault)', collect)
    .option('--list-faults', 'list the faults and exit')
    .option('--list-variants', 'list the conformant variants and exit')
    .action(async (options: { role?: PartyRole; host: string; port: string; tokenA?: string; fault?: string[]; variant?: string[]; listFaults?: boolean; listVariants?: boolean; seedLocations: string; pageSize: string; ocpiVersion?: OcpiVersion | 'all' }) => {
      if (options.listFaults) {
        await listFaults(io);
        return;
      }
      if (options.listVariants) {
        await listVariants(io);
        return;
      }
      if (!options.role) throw new ConfigError('mock needs --role cpo|emsp|ptp');
      const versions = offeredVersions(options.role, options.ocpiVersion);
      if (!/^\d+$/.test(options.port) || Number(options.port) > 65535) throw new ConfigError(`--port takes a port number, got "${options.port}"`);
      const seedLocations = wholeNumber('--seed-locations', options.seedLocations, 0, 1_000_000);
      const pageSize = wholeNumber('--page-size', options.pageSize, 1, 100_000);
      if (options.tokenA !== undefined && !/^[\x21-\x7E]{1,64}$/.test(options.tokenA)) throw new ConfigError('--token-a must be 1 to 64 printable characters without spaces');
      // Listen for the stop signal before announcing readiness: a caller may send it as soon as it reads the line.
      const interrupted = new Promise<StopReason>((resolve) => io.onInterrupt(resolve));
      const { startReferenceParty } = await import('../parties/reference-party.js');
      const party = await startReferenceParty({
        role: options.role,
        host: options.host,
        port: Number(options.port),
        faults: options.fault ?? [],
        variants: options.variant ?? [],
        seedLocations,
        pageSize,
        versions,
        triggerRoute: true,
        ...(options.tokenA ? { tokenA: new Secret(options.tokenA) } : {}),
      });
      io.stdout.write(`${JSON.stringify({ versionsUrl: party.versionsUrl, tokenA: party.tokenA.reveal(), triggerUrl: party.triggerUrl })}\n`);
      const reason = await interrupted;
      await party.stop();
      // Stopping is how a mock ends; only an internal error makes that a failure.
      setExitCode(reason === 'internal-error' ? EXIT.error : EXIT.ok);
    });
}
