import { ERROR_FORMAT_CHECK, expectErrorAnswer, foldFormatWarnings } from '../../src/checks/error-answer.js';
import type { Finding } from '../../src/model/finding.js';
import type { Secret } from '../../src/config/secret.js';
import type { CaseContext } from '../../src/runner/case-context.js';
import { citedAlike, defineCase, type CaseDefinition, type CaseSettings, type SeverityByVersion } from '../../src/runner/define-case.js';
import { moduleRequest } from '../../src/runner/module-request.js';
import { moduleProbes } from './module-probes.js';

/** One way of presenting the wrong credentials, and the case that checks every module refuses it. */
export interface WrongCredentials {
  readonly id: string;
  readonly title: string;
  readonly check: string;
  readonly rule: string;
  /** Where 2.1.1 states the rule (it has no Authorization header section of its own), and in what words. */
  readonly in211: { readonly section: string; readonly rule: string };
  /** The rule's strength per version, when a version words it more weakly than MUST (required in all by default). */
  readonly severity?: SeverityByVersion;
  /** The token to present: `null` for none at all. */
  readonly token: (t: CaseContext) => Secret | null;
  readonly because: string;
  readonly skipWhen?: (settings: CaseSettings) => string | undefined;
}

// Steps: (1) for every functional module the target declared, tester sends one harmless request with the wrong
// credentials (all at once: none depends on another). Validated: HTTP 401 from each; its body in the OCPI response
// format (a warning when not).
/** A case that every functional module refuses a kind of wrong credentials with 401. */
export function authCase(wrong: WrongCredentials): CaseDefinition {
  return defineCase({
    id: wrong.id,
    title: wrong.title,
    module: 'transport',
    versions: ['2.1.1', '2.2.1', '2.3.0'],
    requires: ['session', 'endpoints', 'target'],
    ...(wrong.skipWhen ? { skipWhen: wrong.skipWhen } : {}),
    spec: [...citedAlike({ version: '2.2.1', section: 'Transport and format, authorization header', rule: wrong.rule }, '2.3.0'), { version: '2.1.1', ...wrong.in211 }],
    severity: wrong.severity ?? 'required',
    checks: [wrong.check, ERROR_FORMAT_CHECK],
    async run(t) {
      const probes = moduleProbes(t, { body: false });
      if (probes.length === 0) t.skip('the target declares no functional module');
      // The token of each probe is chosen before any is sent: a case that cannot present one sends nothing.
      const sent = probes.map((probe) => ({ probe, token: wrong.token(t) }));
      // The probes are independent: sent at once, their findings in the modules' order.
      const findings: Finding[] = (await t.inParallel(sent, async ({ probe, token }) => {
        const response = await moduleRequest(t, { ...probe.request, token });
        return expectErrorAnswer({ version: t.version, exchange: response.exchange, expected: 401, check: wrong.check, because: `${probe.module}: ${wrong.because}` });
      })).flat();
      // One way of answering 401 bare, across the modules, is one warning.
      t.check(foldFormatWarnings(findings));
    },
  });
}
