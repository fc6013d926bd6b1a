import { createRequire } from 'node:module';
import { isOcpiDateTime211, isOcpiDateTime22 } from './ocpi-datetime.js';

/** A string format: a predicate, or a predicate with the type it applies to (Ajv's two shapes of a format). */
export type OcpiFormat = ((value: string) => boolean) | { readonly type: 'string'; readonly validate: (value: string) => boolean };

const require = createRequire(import.meta.url);

/**
 * Every `format` the OCPI schemas use, by name: the same functions back validators compiled at run time and those
 * precompiled at build time (which reach them by name), so the two cannot disagree.
 */
export function ocpiFormats(): Readonly<Record<string, OcpiFormat>> {
  formats ??= Object.freeze({
    // ajv-formats' full RFC 3986 check, loaded by itself (without Ajv) for precompiled validators.
    uri: (require('ajv-formats/dist/formats') as { fullFormats: { uri: (value: string) => boolean } }).fullFormats.uri,
    'ocpi-datetime-2.1.1': { type: 'string', validate: isOcpiDateTime211 },
    'ocpi-datetime-2.2': { type: 'string', validate: isOcpiDateTime22 },
  });
  return formats;
}

let formats: Readonly<Record<string, OcpiFormat>> | undefined;
