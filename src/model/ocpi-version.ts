/** The OCPI versions the tool knows; each has its own schema folder. */
export type OcpiVersion = '2.1.1' | '2.2.1' | '2.3.0';

/** Every version the tool knows, oldest first. */
export const OCPI_VERSIONS: readonly OcpiVersion[] = ['2.1.1', '2.2.1', '2.3.0'];
