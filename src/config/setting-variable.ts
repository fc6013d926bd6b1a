/** The prefix of every variable a run reads its settings from. */
export const ENV_PREFIX = 'OCPI_CONFORMANCE_';

/** The variable a setting is read from: OCPI_CONFORMANCE_ and its name in SNAKE_CASE. */
export const envName = (key: string): string => ENV_PREFIX + key.replace(/[A-Z]/g, (c) => `_${c}`).toUpperCase();

// Settings a variable may not give: one inherited from a shell or a CI job must not let a run act on real chargers
// (DESIGN §7) or send the token to an unchecked server, so that permission is given where a reader of the job sees it
// (a flag, or the config file it names).
export const FLAG_ONLY_KEYS: ReadonlySet<string> = new Set(['allowCommands', 'allowTerminalChanges', 'insecure']);
