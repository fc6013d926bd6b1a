import type { Finding } from '../model/finding.js';
import type { OcpiVersion } from '../model/ocpi-version.js';
import type { SchemaRegistry } from './schema-registry.js';

function isEnvelope(document: unknown): document is { data?: unknown; status_code: unknown; timestamp: unknown } {
  return document !== null && typeof document === 'object' && !Array.isArray(document) && 'status_code' in document && 'timestamp' in document;
}

/**
 * Validates a document as the named object, whatever its shape: one object, a list of objects, or a full OCPI
 * response envelope (validated itself, then its data). Paths are JSON Pointers into the document as given.
 */
export function validateDocument(registry: SchemaRegistry, version: OcpiVersion, name: string, document: unknown): Finding[] {
  const each = (value: unknown, at: string): Finding[] => {
    if (Array.isArray(value) && registry.kind(version, name) !== 'list') {
      return value.flatMap((item, index) => registry.validate(version, name, item, { at: `${at}/${index}` }));
    }
    return registry.validate(version, name, value, { at });
  };
  if (isEnvelope(document)) {
    const envelope = registry.validate(version, 'Envelope', document, { check: 'schema.envelope' });
    return 'data' in document ? [...envelope, ...each(document.data, '/data')] : envelope;
  }
  return each(document, '');
}
