import type { Fault } from '../parties/fault-catalogue.js';
import type { HandshakeMode } from '../model/handshake-mode.js';
import type { PartyRole } from '../model/party-role.js';
import type { Severity, SpecReference } from '../model/case-result.js';
import type { CaseDefinition, SeverityByVersion } from '../runner/define-case.js';
import type { Stage } from '../model/stage.js';
import { profilesOf, type ProfileName } from '../runner/profiles.js';
import type { OcpiVersion } from '../model/ocpi-version.js';

/** A fault that proves a check: injected into a reference party, it makes exactly this check of this case fail. */
export interface ProvingFault {
  readonly name: string;
  readonly description: string;
  readonly roles: readonly PartyRole[];
  readonly handshake: HandshakeMode;
  /** The failure text the check reports, `{placeholders}` for what varies from run to run. */
  readonly text: string;
}

/** One check a case can report, with the faults that prove it in that case. */
export interface CatalogueCheck {
  readonly id: string;
  readonly faults: readonly ProvingFault[];
}

/** One case of the catalogue: what `list --json` prints and docs/checks.md is generated from. */
export interface CatalogueCase {
  readonly id: string;
  readonly title: string;
  readonly module: string;
  readonly versions: readonly OcpiVersion[];
  readonly targetRole: CaseDefinition['targetRole'];
  /** The severity in the version of `spec`. */
  readonly severity: Severity;
  /** The severity in each version the case covers (a rule some version words more weakly differs there). */
  readonly severities: SeverityByVersion;
  readonly stage: Stage;
  readonly spec: SpecReference;
  /** The rule's reference in each version the case covers. */
  readonly specs: readonly SpecReference[];
  readonly profiles: readonly ProfileName[];
  readonly checks: readonly CatalogueCheck[];
}

const proving = (fault: Fault, text: string): ProvingFault => ({ name: fault.name, description: fault.description, roles: fault.roles, handshake: fault.handshake, text });

/** The catalogue of cases and checks, joined with the fault catalogue that proves them (DESIGN §6). */
export function checkCatalogue(cases: readonly CaseDefinition[], faults: readonly Fault[]): CatalogueCase[] {
  return cases.map((c) => ({
    id: c.id,
    title: c.title,
    module: c.module,
    versions: c.versions,
    targetRole: c.targetRole,
    severity: c.severity,
    severities: c.severities,
    stage: c.stage,
    spec: c.spec,
    specs: c.specs,
    profiles: profilesOf(c),
    checks: c.checks.map((check) => ({
      id: check,
      faults: faults.flatMap((f) => f.expects.filter((e) => e.case === c.id && e.check === check).slice(0, 1).map((e) => proving(f, e.text))),
    })),
  }));
}

/** A case's severity in words: the one of every version, or that of its first reference and each version that differs ("required; 2.1.1 recommended"). */
export function severityLabel(c: Pick<CatalogueCase, 'severity' | 'severities'>): string {
  const differing = Object.entries(c.severities).filter(([, severity]) => severity !== c.severity);
  return [c.severity, ...differing.map(([version, severity]) => `${version} ${severity}`)].join('; ');
}
