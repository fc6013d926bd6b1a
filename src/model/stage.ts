/**
 * When a case runs. Stages run one after another; within a stage, cases run concurrently as their requirements allow.
 * `connect` discovers and registers, `modules` exercises the registration, `rotate` changes the tokens (so it runs
 * alone, after everything that uses them), `disconnect` unregisters.
 */
export type Stage = 'connect' | 'modules' | 'rotate' | 'disconnect';

/** The stages in the order they run. */
export const STAGES: readonly Stage[] = ['connect', 'modules', 'rotate', 'disconnect'];
