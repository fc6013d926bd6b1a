/**
 * The extensions the tester pushes in OCPI 2.3.0 (spec-notes N6, N7): a field the specification does not define, with
 * a plain name of the tester's (no x- or custom prefix), and OpenEnum values of its own naming. Names that say whose
 * they are, so that an operator who finds one in a store knows where it came from.
 */
export const UNKNOWN_FIELD = 'conformance_note';
export const UNKNOWN_FIELD_VALUE = 'sent by ocpi-conformance to test that unknown fields are accepted';
/** An OpenEnum value no list of the specification holds (TokenType, ConnectorType, Capability). */
export const UNLISTED_ENUM_VALUE = 'OCPI_CONFORMANCE_TEST';
