import { PROFILE_NAMES } from '../runner/profiles.js';
import type { ToolSchema } from '../schemas/tool-validator.js';

/** The JSON Schema every layer of settings (file, env, flags) is validated against, and the merged result too. */
export const RUN_SETTINGS_SCHEMA = {
  type: 'object',
  additionalProperties: false,
  properties: {
    versionsUrl: { type: 'string', pattern: '^https?://' },
    token: { type: 'string', minLength: 1, maxLength: 64, pattern: '^[\\x21-\\x7E]+$' },
    embedded: { enum: ['cpo', 'emsp'] },
    embeddedFault: { type: 'array', items: { type: 'string' } },
    embeddedVariant: { type: 'array', items: { type: 'string' } },
    handshake: { enum: ['register', 'await', 'none'] },
    ocpiVersion: { enum: ['2.1.1', '2.2.1', '2.3.0', 'all'] },
    role: { enum: ['cpo', 'emsp'] },
    peerListen: { type: 'string', pattern: '^(\\[[0-9a-fA-F:.]+\\]|[A-Za-z0-9.-]+):\\d{1,5}$' },
    peerUrl: { type: 'string', pattern: '^https?://' },
    concurrency: { type: 'integer', minimum: 1, maximum: 64 },
    timeout: { type: 'integer', minimum: 1, maximum: 600_000 },
    deadline: { type: 'integer', minimum: 1, maximum: 3_600_000 },
    maxResponseSize: { type: 'integer', minimum: 1, maximum: 1024 },
    allowOrigin: { type: 'array', items: { type: 'string', pattern: '^https?://[^/?#]+' } },
    maxPages: { type: 'integer', minimum: 1 },
    maxObjects: { type: 'integer', minimum: 1 },
    crawlTime: { type: 'integer', minimum: 1 },
    only: { type: 'array', items: { type: 'string' } },
    grep: { type: 'string' },
    rawToken: { type: 'boolean' },
    keepRegistration: { type: 'boolean' },
    allowCommands: { type: 'boolean' },
    testLocation: { type: 'string', minLength: 1, maxLength: 36 },
    testEvse: { type: 'string', minLength: 1, maxLength: 36 },
    reportJson: { type: 'string', minLength: 1 },
    reportJunit: { type: 'string', minLength: 1 },
    reportHtml: { type: 'string', minLength: 1 },
    evidence: { type: 'string', minLength: 1 },
    baseline: { type: 'string', minLength: 1 },
    writeBaseline: { type: 'string', minLength: 1 },
    profile: { enum: PROFILE_NAMES },
    color: { type: 'boolean' },
    quiet: { type: 'boolean' },
  },
} as const;

/** The settings schema as the tool validates with it (its validator is precompiled at build time). */
export const RUN_SETTINGS: ToolSchema = { bundle: 'run-settings', schema: RUN_SETTINGS_SCHEMA, allErrors: true };
