// Builds the tool when its compiled output is missing or older than a source file: `npm start` on a fresh clone
// works without a build step of its own, and a second `npm start` does not pay for one. (The package no longer builds
// on `npm install`: an install script makes npm warn on every install of the published package.)
import { spawnSync } from 'node:child_process';
import { readdirSync, statSync } from 'node:fs';
import { join } from 'node:path';

const root = new URL('..', import.meta.url).pathname;
const built = statSync(join(root, 'dist/src/cli/launch.js'), { throwIfNoEntry: false });
const newest = (folder) => Math.max(0, ...readdirSync(join(root, folder), { recursive: true }).map((file) => statSync(join(root, folder, String(file))).mtimeMs));
const stale = !built || ['src', 'suites', 'schemas'].some((folder) => newest(folder) > built.mtimeMs);
if (stale) {
  process.stderr.write('building ocpi-conformance (npm run build) ...\n');
  const result = spawnSync(process.platform === 'win32' ? 'npm.cmd' : 'npm', ['run', '--silent', 'build'], { cwd: root, stdio: 'inherit' });
  process.exit(result.status ?? 1);
}
