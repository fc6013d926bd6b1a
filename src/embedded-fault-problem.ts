import type { RunConfig } from './config/run-config.js';
import type { OcpiVersion } from './model/ocpi-version.js';
import { findFault } from './parties/fault-catalogue.js';
import type { CaseDefinition, CaseSettings } from './runner/define-case.js';

/**
 * Why an `--embedded-fault` cannot show in this run, or undefined when it can: its faults are proofs that a check
 * fails, and a run in which every case it trips skips itself (a registration fault with `--handshake none`), or in
 * another version than it trips in, would pass and read as "the check passed despite the fault".
 */
export function embeddedFaultProblem(name: string, config: RunConfig, settings: CaseSettings, catalogue: readonly CaseDefinition[]): string | undefined {
  const fault = findFault(name);
  if (!fault) return undefined;
  if (fault.negotiated && (config.handshake !== 'await' || config.ocpiVersion !== undefined)) {
    return `--embedded-fault ${name} shows only when the parties choose the version: --handshake await without --ocpi-version`;
  }
  const asked: readonly OcpiVersion[] = config.ocpiVersion === undefined || config.ocpiVersion === 'all' ? [] : [config.ocpiVersion];
  if (fault.versions && asked.length > 0 && !asked.some((version) => fault.versions?.includes(version))) {
    return `--embedded-fault ${name} trips nothing in OCPI ${asked.join(', ')}: it shows in OCPI ${fault.versions.join(', ')}`;
  }
  const cases = fault.expects.map((e) => catalogue.find((c) => c.id === e.case)).filter((c): c is CaseDefinition => c !== undefined && (c.targetRole === 'any' || c.targetRole === config.embedded));
  const skips = cases.map((c) => c.skipWhen(settings));
  if (cases.length > 0 && skips.every((reason) => reason !== undefined)) {
    return `--embedded-fault ${name} cannot show with these settings: ${cases.map((c, index) => `${c.id} skips (${skips[index] ?? ''})`).join('; ')}`;
  }
  return undefined;
}
