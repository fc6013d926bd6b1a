import { register } from 'node:module';

// Loaded with `node --import` (through NODE_OPTIONS) in a spawned CLI: every module the process resolves is appended,
// one URL a line, to the file RECORD_IMPORTS names (see record-imports-hooks.ts).
register('./record-imports-hooks.js', import.meta.url);
