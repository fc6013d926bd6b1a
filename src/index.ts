/** The programmatic API: `run(config)` and the types of configs, results and events. */
export { run, type RunHooks } from './run.js';
export { loadRunConfig, type ConfigSources } from './config/load-run-config.js';
export type { RunConfig } from './config/run-config.js';
export { Secret } from './config/secret.js';
export type { RunResult, CaseResult, Summary, Severity, SpecReference, CaseStatus } from './model/case-result.js';
export type { RunEvent, RunEventListener } from './model/run-event.js';
export type { Finding, DiffEntry } from './model/finding.js';
export type { Exchange } from './model/exchange.js';
export { startReferenceParty, type ReferenceParty, type ReferencePartyOptions } from './parties/reference-party.js';
export { FAULTS, type Fault } from './parties/fault-catalogue.js';
export { SchemaRegistry, schemaRegistry } from './schemas/schema-registry.js';
