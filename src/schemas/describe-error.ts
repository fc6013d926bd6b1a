import type { ErrorObject } from 'ajv';

// Enough for every OCPI enum (ConnectorType has 40 values): a cut list hides the value the reader needs.
const MAX_LISTED_VALUES = 60;

// What each custom format means, in the words a failure message needs.
const FORMAT_HINTS: Readonly<Record<string, string>> = {
  'ocpi-datetime-2.1.1': 'UTC date and time such as 2015-06-29T20:39:09Z, at most 25 characters',
  'ocpi-datetime-2.2': 'UTC date and time such as 2015-06-29T20:39:09Z or 2015-06-29T20:39:09.123; offsets like +00:00 are not allowed',
  uri: 'an absolute URI',
};

function quote(value: unknown): string {
  const text = JSON.stringify(value);
  return text === undefined ? String(value) : text.length > 60 ? `${text.slice(0, 57)}...` : text;
}

function typeName(error: ErrorObject): string {
  const title = (error.parentSchema as { title?: unknown } | undefined)?.title;
  return typeof title === 'string' ? title : 'allowed value';
}

/** "a" or "an" before a type name, by its first letter. */
function article(name: string): string {
  return /^[AEIOU]/i.test(name) ? 'an' : 'a';
}

/** A list of allowed values, cut only when it is longer than any OCPI enum. */
export function listValues(values: readonly unknown[]): string {
  const shown = values.slice(0, MAX_LISTED_VALUES).map(String).join(', ');
  return values.length > MAX_LISTED_VALUES ? `${shown}, ... (${values.length} values)` : shown;
}

/** A rule written as not/if/anyOf says what it means in its $comment; that beats Ajv's generic wording. */
function describeRule(error: ErrorObject): string {
  const comment = (error.parentSchema as { $comment?: unknown } | undefined)?.$comment;
  if (typeof comment === 'string') return `breaks the rule: ${comment}`;
  return `${error.message ?? 'is invalid'} (${error.keyword})`;
}

/** Turns one Ajv error into the sentence a person reads after the JSON Pointer, e.g. `"TYPE2" is not a ConnectorType (...)`. */
export function describeError(error: ErrorObject): string {
  const p = error.params as Record<string, unknown>;
  const value = error.data;
  switch (error.keyword) {
    case 'required':
      return `required field "${String(p['missingProperty'])}" is missing`;
    case 'enum':
      return `${quote(value)} is not ${article(typeName(error))} ${typeName(error)} (expected one of ${listValues(p['allowedValues'] as unknown[])})`;
    case 'const':
      return `${quote(value)} must be ${quote(p['allowedValue'])}`;
    case 'type':
      return `${quote(value)} is not of type ${String(p['type'])}`;
    case 'maxLength':
      return `${quote(value)} is ${String(value).length} characters long; at most ${String(p['limit'])} allowed`;
    case 'minLength':
      return `${quote(value)} is ${String(value).length} characters long; at least ${String(p['limit'])} required`;
    case 'minItems':
      return `list has ${(value as unknown[]).length} items; at least ${String(p['limit'])} required`;
    case 'maxItems':
      return `list has ${(value as unknown[]).length} items; at most ${String(p['limit'])} allowed`;
    case 'pattern':
      return `${quote(value)} does not match the ${typeName(error)} pattern ${String(p['pattern'])}`;
    case 'format':
      return `${quote(value)} is not a valid ${typeName(error)} (${FORMAT_HINTS[String(p['format'])] ?? String(p['format'])})`;
    case 'minimum':
    case 'maximum':
    case 'exclusiveMinimum':
    case 'exclusiveMaximum':
      return `${quote(value)} must be ${String(p['comparison'])} ${String(p['limit'])}`;
    case 'additionalProperties':
      return `unexpected field "${String(p['additionalProperty'])}"`;
    case 'unevaluatedProperties':
      return `unexpected field "${String(p['unevaluatedProperty'])}"`;
    case 'uniqueItems':
      return `items ${String(p['j'])} and ${String(p['i'])} are identical; items must be unique`;
    case 'not':
      // `not: {type: null}` is how a required field refuses null (an optional one may be null: terminology, cardinality).
      return value === null ? 'null is not allowed: the field is required' : describeRule(error);
    default:
      return describeRule(error);
  }
}
