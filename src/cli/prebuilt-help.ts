import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { dirname, join, relative, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

// `<command> --help` is answered from a text the build wrote, without loading commander or the command's definition
// (about a fifth of a process's start-up for `run --help`, bench/startup-bench.mjs). The text is commander's own
// output, captured at build time by the same `main`; it is used only when every compiled module it was built from
// (main, the command's module and what they import, commander itself) still has the content it had then, and when the
// help is wanted at the width it was built for. Anything else falls back to commander, so a stale or missing file can
// slow the help down but never change it.

/** The width the help is built for: commander's own when the output is not a terminal. */
export const PREBUILT_HELP_WIDTH = 80;

/** Where the build writes the texts: next to this module, so the package ships it. */
export const PREBUILT_HELP_FILE = fileURLToPath(new URL('./prebuilt-help.json', import.meta.url));

const MAIN_MODULE = fileURLToPath(new URL('./main.js', import.meta.url));

/**
 * One command's help as built, and what it was built from: the compiled modules (relative to the file), commander's
 * files (relative to its package), and a hash of all their contents in that order. (A 53-bit hash, not node:crypto:
 * loading node:crypto alone costs 6 ms, a third of what this saves; it guards against a stale build, not an attacker.)
 */
interface PrebuiltEntry {
  readonly text: string;
  readonly modules: readonly string[];
  readonly commander: readonly string[];
  readonly hash: number;
}

interface PrebuiltFile {
  readonly width: number;
  readonly commands: Readonly<Record<string, PrebuiltEntry>>;
}

/** The compiled modules a module loads statically (relative specifiers only), itself included, transitively. */
function staticModules(entry: string): string[] {
  const seen = new Set<string>();
  const pending = [entry];
  const specifier = /(?:^|\n)\s*(?:import|export)\s[^'"]*?from\s*['"](\.{1,2}\/[^'"]+)['"]|(?:^|\n)\s*import\s*['"](\.{1,2}\/[^'"]+)['"]/g;
  for (let path = pending.pop(); path !== undefined; path = pending.pop()) {
    if (seen.has(path)) continue;
    seen.add(path);
    for (const match of readFileSync(path, 'utf8').matchAll(specifier)) {
      pending.push(resolve(dirname(path), (match[1] ?? match[2]) as string));
    }
  }
  return [...seen].sort();
}

/**
 * commander's package directory as Node finds it from here (the first node_modules/commander up the tree; its
 * CommonJS entry is index.js), without node:module's resolver, which costs 2 ms to load.
 */
function commanderDir(): string {
  for (let dir = dirname(MAIN_MODULE); ; dir = dirname(dir)) {
    const candidate = join(dir, 'node_modules', 'commander');
    if (existsSync(join(candidate, 'package.json'))) return candidate;
    if (dirname(dir) === dir) throw new Error('commander is not installed');
  }
}

/** commander's file that stands for the installed version (its name and version; hashing its 150 KB of code costs ms). */
const COMMANDER_FILES = ['package.json'];

/** cyrb53 (a public-domain 53-bit hash), over the files' content four bytes at a time, each followed by its length. */
function contentHash(files: readonly string[]): number {
  let h1 = 0xdeadbeef;
  let h2 = 0x41c6ce57;
  const mix = (value: number): void => {
    h1 = Math.imul(h1 ^ value, 2654435761);
    h2 = Math.imul(h2 ^ value, 1597334677);
  };
  for (const file of files) {
    const bytes = readFileSync(file);
    const whole = bytes.length - (bytes.length % 4);
    // A copy, as a read buffer may start at an offset that is not a multiple of four.
    const words = new Int32Array(bytes.buffer.slice(bytes.byteOffset, bytes.byteOffset + whole));
    for (let index = 0; index < words.length; index += 1) mix(words[index] as number);
    for (let index = whole; index < bytes.length; index += 1) mix(bytes[index] as number);
    mix(bytes.length);
  }
  h1 = Math.imul(h1 ^ (h1 >>> 16), 2246822507) ^ Math.imul(h2 ^ (h2 >>> 13), 3266489909);
  h2 = Math.imul(h2 ^ (h2 >>> 16), 2246822507) ^ Math.imul(h1 ^ (h1 >>> 13), 3266489909);
  return 4294967296 * (2097151 & h2) + (h1 >>> 0);
}

/**
 * Writes the help of each command (`commands`: its name and compiled module; `helpOf` runs the command line and returns
 * what `<name> --help` printed at PREBUILT_HELP_WIDTH) with a fingerprint of the files it came from.
 */
export async function writePrebuiltHelp(
  commands: Readonly<Record<string, string>>,
  helpOf: (name: string) => Promise<string>,
  file: string = PREBUILT_HELP_FILE,
): Promise<void> {
  const base = dirname(file);
  const library = commanderDir();
  const entries: Record<string, PrebuiltEntry> = {};
  for (const [name, commandModule] of Object.entries(commands)) {
    const modules = [...new Set([...staticModules(MAIN_MODULE), ...staticModules(commandModule)])];
    const files = [...modules, ...COMMANDER_FILES.map((path) => join(library, path))];
    entries[name] = { text: await helpOf(name), modules: modules.map((path) => relative(base, path)), commander: COMMANDER_FILES, hash: contentHash(files) };
  }
  const built: PrebuiltFile = { width: PREBUILT_HELP_WIDTH, commands: entries };
  writeFileSync(file, `${JSON.stringify(built)}\n`);
}

/**
 * The built help of a command for output at `width` (undefined: not a terminal), or undefined when there is none, it
 * was built for another width, or any file it was built from changed since.
 */
export function readPrebuiltHelp(name: string, width: number | undefined, file: string = PREBUILT_HELP_FILE): string | undefined {
  try {
    const built = JSON.parse(readFileSync(file, 'utf8')) as PrebuiltFile;
    if ((width ?? PREBUILT_HELP_WIDTH) !== built.width || !Object.hasOwn(built.commands, name)) return undefined;
    const entry = built.commands[name] as PrebuiltEntry;
    const base = dirname(file);
    const library = commanderDir();
    const files = [...entry.modules.map((path) => resolve(base, path)), ...entry.commander.map((path) => join(library, path))];
    return contentHash(files) === entry.hash && typeof entry.text === 'string' ? entry.text : undefined;
  } catch {
    // Missing, unreadable, or not what the build writes: commander answers.
    return undefined;
  }
}
