import { readFileSync } from 'node:fs';
import { parse as parseYaml } from 'yaml';
import { ConfigError } from './config-error.js';

/**
 * Reads a JSON file (or YAML, when `yaml` allows it and the name ends .yml/.yaml) that the user names, as `what`
 * ("config file", "the baseline"): an unreadable or unparsable file is a configuration error in one line.
 */
export function readDataFile(path: string, what: string, { yaml = false }: { yaml?: boolean } = {}): unknown {
  let text: string;
  try {
    text = readFileSync(path, 'utf8');
  } catch (error) {
    throw new ConfigError(`cannot read ${what} ${path}: ${(error as NodeJS.ErrnoException).code ?? 'error'}`);
  }
  const isYaml = yaml && /\.ya?ml$/i.test(path);
  try {
    return isYaml ? parseYaml(text) : JSON.parse(text);
  } catch (error) {
    throw new ConfigError(`${what} ${path} is not valid ${isYaml ? 'YAML' : 'JSON'}: ${(error as Error).message.split('\n')[0] ?? ''}`);
  }
}
