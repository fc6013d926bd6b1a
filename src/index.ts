/**
 * The programmatic API: `run(config)` and the types of configs, results and events; `defineCase` and what a case
 * needs, so that cases written outside suites/ run through `run(config, { cases })`.
 */
export { run, type RunHooks } from './run.js';
export { loadRunConfig, type ConfigSources } from './config/load-run-config.js';
export type { RunConfig } from './config/run-config.js';
export { Secret } from './config/secret.js';
export type { RunResult, CaseResult, Summary, Severity, SpecReference, CaseStatus } from './model/case-result.js';
export type { RunEvent, RunEventListener } from './model/run-event.js';
export { defineCase, type CaseDefinition, type CaseInput, type CaseSettings, type ModuleInterface } from './runner/define-case.js';
export type { CaseContext, OcpiResponse } from './runner/case-context.js';
export type { RunState, StateKey } from './runner/run-state.js';
export type { Stage } from './model/stage.js';
export type { OcpiVersion } from './model/ocpi-version.js';
export { pass, fail, warn } from './checks/finding.js';
export type { Finding, DiffEntry } from './model/finding.js';
export type { Exchange } from './model/exchange.js';
export { startReferenceParty, type ReferenceParty, type ReferencePartyOptions } from './parties/reference-party.js';
export { FAULTS, type Fault } from './parties/fault-catalogue.js';
export { SchemaRegistry, schemaRegistry } from './schemas/schema-registry.js';
