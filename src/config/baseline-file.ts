import type { Baseline } from '../runner/baseline.js';
import { ConfigError } from './config-error.js';
import { readDataFile } from './read-data-file.js';
import { toolValidator, type ToolSchema } from '../schemas/tool-validator.js';

// Case ids as defineCase allows them; check ids as the checks name themselves (`schema.response`).
const BASELINE_SCHEMA_DOCUMENT = {
  type: 'object',
  required: ['knownFailures'],
  additionalProperties: false,
  properties: {
    $comment: { type: 'string' },
    tool: { const: 'ocpi-conformance' },
    knownFailures: {
      type: 'array',
      items: {
        type: 'object',
        required: ['case', 'check'],
        additionalProperties: false,
        properties: {
          case: { type: 'string', pattern: '^[A-Z]+(-[A-Z]+)*-\\d{2,3}$' },
          check: { type: 'string', pattern: '^[a-z0-9-]+(\\.[a-z0-9-]+)+$' },
          note: { type: 'string' },
          version: { enum: ['2.1.1', '2.2.1', '2.3.0'] },
        },
      },
    },
  },
} as const;

/** The baseline file's schema (its validator is precompiled at build time). */
export const BASELINE_SCHEMA: ToolSchema = { bundle: 'baseline', schema: BASELINE_SCHEMA_DOCUMENT, allErrors: false };

const validateBaseline = toolValidator<Baseline>(BASELINE_SCHEMA);

/** Reads a baseline file (`--baseline`); anything wrong with it is a configuration error in one line (exit 2). */
export function readBaselineFile(path: string): Baseline {
  const parsed = readDataFile(path, 'the baseline');
  if (!validateBaseline(parsed)) {
    const first = validateBaseline.errors?.[0];
    const where = first?.instancePath || '/';
    const what = first?.keyword === 'additionalProperties' ? `unknown field "${String(first.params['additionalProperty'])}"` : first?.keyword === 'pattern' ? (where.endsWith('/case') ? 'is not a case id (like LOC-01)' : 'is not a check id (like schema.response)') : (first?.message ?? 'is invalid');
    throw new ConfigError(`the baseline ${path} is invalid at ${where}: ${what}`);
  }
  return parsed;
}

/** The file `--write-baseline` writes: stable order, one entry per line pair, ready to commit and edit. */
export function toBaselineFile(baseline: Baseline): string {
  return `${JSON.stringify({
    $comment: 'Known failures: ocpi-conformance shows them but they do not fail the run. Remove an entry once it passes; add a "note" to say why it is known.',
    tool: 'ocpi-conformance',
    knownFailures: baseline.knownFailures,
  }, null, 2)}\n`;
}
