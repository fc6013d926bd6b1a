/** A value an OpenEnum (OCPI 2.3.0) does not list: accepted, and reported as a warning. */
export interface UnknownOpenEnumValue {
  readonly path: string;
  readonly value: string;
  readonly known: readonly string[];
  readonly title: string;
}

/**
 * Where the `openEnum` keyword's generated code reports the unknown values of the validation under way, both in
 * validators compiled at run time and in those precompiled at build time. Validation is synchronous: the registry
 * empties it before a validation and reads it after.
 */
export const openEnumSink: UnknownOpenEnumValue[] = [];
