// Installs the tool the ways a user would, from the tarball `npm pack` makes, into a throw-away prefix, and runs it:
// a global install (`npm install -g`) and `npx --package`. Checks that the package has what it needs (its compiled
// code, schemas, validators, docs, LICENSE), no install script (npm warns about those on every install), and source
// maps whose sources are inside them. Exits non-zero on the first problem. Needs the npm registry for the dependencies.
import { execFileSync, spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

const root = new URL('..', import.meta.url).pathname;
const work = mkdtempSync(join(tmpdir(), 'ocpi-conformance-package-'));
const npm = process.platform === 'win32' ? 'npm.cmd' : 'npm';
const fail = (message) => {
  process.stderr.write(`test:package: ${message}\n`);
  process.exit(1);
};
const run = (command, args, options = {}) => {
  const result = spawnSync(command, args, { encoding: 'utf8', timeout: 300_000, ...options });
  if (result.status !== 0) fail(`${command} ${args.join(' ')} exited ${result.status}\n${result.stdout}\n${result.stderr}`);
  return result;
};

try {
  const packed = JSON.parse(run(npm, ['pack', '--json', '--ignore-scripts', '--pack-destination', work], { cwd: root }).stdout)[0];
  const files = packed.files.map((file) => file.path);
  for (const needed of ['LICENSE', 'README.md', 'bin/ocpi-conformance.js', 'dist/src/cli/launch.js', 'dist/validators', 'schemas/2.2.1', 'docs/checks.md']) {
    if (!files.some((file) => file === needed || file.startsWith(`${needed}/`))) fail(`the package lacks ${needed}`);
  }
  const leaked = files.filter((file) => /^(src|suites|test|bench)\//.test(file) || file.startsWith('dist/test/'));
  if (leaked.length > 0) fail(`the package holds files a user does not need: ${leaked.slice(0, 5).join(', ')}`);
  const tarball = join(work, packed.filename);
  const manifest = JSON.parse(execFileSync('tar', ['-xzOf', tarball, 'package/package.json'], { encoding: 'utf8' }));
  for (const script of ['preinstall', 'install', 'postinstall', 'prepare']) if (manifest.scripts?.[script]) fail(`the package has a "${script}" script, which runs (or warns) on every install`);
  const map = JSON.parse(execFileSync('tar', ['-xzOf', tarball, 'package/dist/src/cli/launch.js.map'], { encoding: 'utf8' }));
  if (!Array.isArray(map.sourcesContent) || map.sourcesContent.some((content) => typeof content !== 'string')) fail('a source map points at sources the package does not hold');

  const prefix = join(work, 'prefix');
  const installed = run(npm, ['install', '--global', '--prefix', prefix, '--no-audit', '--no-fund', tarball]);
  if (/install-scripts|allowScripts/.test(installed.stderr)) fail(`npm warned about install scripts:\n${installed.stderr}`);
  const bin = join(prefix, process.platform === 'win32' ? 'ocpi-conformance.cmd' : 'bin/ocpi-conformance');
  const version = run(bin, ['--version']).stdout.trim();
  if (version !== manifest.version) fail(`--version printed "${version}", the package is ${manifest.version}`);
  const embedded = run(bin, ['run', '--embedded', 'cpo', '--quiet'], { env: { ...process.env, NO_COLOR: '1' } });
  if (!/^PASSED /m.test(embedded.stdout)) fail(`the installed tool's embedded run did not pass:\n${embedded.stdout}`);
  const viaNpx = run('npx', ['--yes', '--package', tarball, 'ocpi-conformance', '--version'], { cwd: work, env: { ...process.env, npm_config_cache: join(work, 'npx-cache') } });
  if (viaNpx.stdout.trim() !== manifest.version) fail(`npx --package printed "${viaNpx.stdout.trim()}"`);
  process.stdout.write(`test:package: ${packed.filename} (${files.length} files, ${Math.round(packed.size / 1024)} KB) installs globally and through npx, and its embedded run passes\n`);
  JSON.parse(readFileSync(join(root, 'package.json'), 'utf8'));
} finally {
  rmSync(work, { recursive: true, force: true });
}
