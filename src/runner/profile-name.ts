// Apart from the profiles themselves, so that a command line can offer the names without loading the case model.
/** The named selections of cases (`--profile`). */
export const PROFILE_NAMES = Object.freeze(['required', 'full'] as const);
export type ProfileName = (typeof PROFILE_NAMES)[number];
