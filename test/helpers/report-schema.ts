import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { fileURLToPath } from 'node:url';
import type { Ajv2020 as Ajv2020Class, ErrorObject } from 'ajv/dist/2020.js';
import type { FormatsPlugin } from 'ajv-formats';

const require = createRequire(import.meta.url);

/** The schema of the JSON report, as the package ships it. */
export const REPORT_SCHEMA_PATH = fileURLToPath(new URL('../../../schemas/report/report.schema.json', import.meta.url));

type Schema = Record<string, unknown>;

/** The shipped schema with every object closed: a field the schema does not name is an error (drift in the report). */
function closed(schema: unknown): unknown {
  if (Array.isArray(schema)) return schema.map(closed);
  if (schema === null || typeof schema !== 'object') return schema;
  const copy = Object.fromEntries(Object.entries(schema).map(([key, value]) => [key, closed(value)])) as Schema;
  return 'properties' in copy && !('additionalProperties' in copy) ? { ...copy, additionalProperties: false } : copy;
}

/** What validating a report says: whether it holds, and Ajv's errors as `<pointer> <message>` lines. */
export interface ReportVerdict {
  readonly valid: boolean;
  readonly errors: readonly string[];
}

/**
 * A validator of JSON reports against the shipped schema, as a consumer would use it: Ajv 2020-12 in strict mode with
 * ajv-formats. `closed` also refuses fields the schema does not name (the project's own drift check; consumers of a
 * later minor format must not close it).
 */
export function reportValidator(options: { closed?: boolean } = {}): (report: unknown) => ReportVerdict {
  const { Ajv2020 } = require('ajv/dist/2020.js') as { Ajv2020: typeof Ajv2020Class };
  const addFormats = require('ajv-formats') as FormatsPlugin;
  const ajv = new Ajv2020({ strict: true, allErrors: true });
  addFormats(ajv);
  const shipped = JSON.parse(readFileSync(REPORT_SCHEMA_PATH, 'utf8')) as Schema;
  const validate = ajv.compile(options.closed ? (closed(shipped) as Schema) : shipped);
  return (report) => {
    const valid = validate(report);
    const errors = (validate.errors ?? []).map((e: ErrorObject) => `${e.instancePath || '/'} ${e.message ?? ''}${e.params && 'additionalProperty' in e.params ? ` (${String(e.params['additionalProperty'])})` : ''}`);
    return { valid, errors };
  };
}
