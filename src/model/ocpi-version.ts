/** The OCPI versions the tool knows; each has its own schema folder. */
export type OcpiVersion = '2.1.1' | '2.2.1' | '2.3.0';

/** Every version the tool knows, oldest first. */
export const OCPI_VERSIONS: readonly OcpiVersion[] = ['2.1.1', '2.2.1', '2.3.0'];

/**
 * Whether messages of `version` carry X-Request-ID, X-Correlation-ID and the OCPI-from/OCPI-to routing headers: they
 * came with 2.2, so a 2.1.1 message has none of them (spec-notes X5).
 */
export function carriesOcpiHeaders(version: OcpiVersion): boolean {
  return version !== '2.1.1';
}
