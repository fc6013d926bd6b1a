import leven from 'leven';
import type { ErrorObject } from 'ajv';
import { RUN_SETTINGS_SCHEMA } from './run-settings-schema.js';
import { ENV_PREFIX, envName } from './setting-variable.js';

export { envName } from './setting-variable.js';

/** Where a setting came from, which decides how its name is written in a message. */
export type SettingLayer = 'command line' | 'environment' | 'config file';

/** Variables of the prefix that are not settings but the tool reads them (the config file's path, stack traces). */
export const OTHER_VARIABLES: readonly string[] = ['OCPI_CONFORMANCE_CONFIG', 'OCPI_CONFORMANCE_DEBUG'];

/** The flag a setting is given with: --kebab-case (`color` is given as --no-color). */
const flagName = (key: string): string => (key === 'color' ? '--no-color' : `--${key.replace(/[A-Z]/g, (c) => `-${c.toLowerCase()}`)}`);

/** A setting named as the layer it came from spells it. */
export function settingName(layer: SettingLayer, key: string): string {
  return layer === 'command line' ? flagName(key) : layer === 'environment' ? envName(key) : key;
}

// What a value with a pattern must look like, in words (the pattern itself means nothing to most readers).
const PATTERN_WORDS: Readonly<Record<string, string>> = {
  versionsUrl: 'an http:// or https:// URL',
  peerUrl: 'an http:// or https:// URL',
  peerListen: 'HOST:PORT, for example 127.0.0.1:9401, 0.0.0.0:9401 or [::1]:9401',
  token: 'printable characters without spaces',
  allowOrigin: 'an origin such as https://ocpi.example.com or http://10.0.0.5:8080',
};

const TYPE_WORDS: Readonly<Record<string, string>> = { integer: 'a whole number', number: 'a number', boolean: 'true or false', array: 'a list', string: 'text', object: 'a set of settings' };

/** The closest known name to `name` (a typo's intended word), when it is close enough to be a likely slip. */
export function closest(name: string, known: readonly string[]): string | undefined {
  let best: { name: string; distance: number } | undefined;
  for (const candidate of known) {
    const distance = leven(name.toLowerCase(), candidate.toLowerCase());
    if (!best || distance < best.distance) best = { name: candidate, distance };
  }
  return best && best.distance <= Math.max(2, Math.floor(best.name.length / 4)) ? best.name : undefined;
}

/** One settings error of a layer in words: the setting as the user wrote it, and what it may be. */
export function settingProblem(layer: SettingLayer, error: ErrorObject | undefined, value: unknown): string {
  if (!error) return 'a setting is invalid';
  if (error.keyword === 'additionalProperties') {
    const unknown = String(error.params['additionalProperty']);
    const suggestion = closest(unknown, Object.keys(RUN_SETTINGS_SCHEMA.properties));
    return `unknown setting "${unknown}"${suggestion ? `; did you mean "${suggestion}"?` : ''}`;
  }
  // "/only/2" names the list `only`.
  const key = error.instancePath.split('/')[1] ?? '';
  const name = settingName(layer, key);
  const got = value === undefined ? '' : ` (got ${JSON.stringify(value)})`;
  switch (error.keyword) {
    case 'enum':
      return `${name} must be one of ${(error.params['allowedValues'] as unknown[]).map(String).join(', ')}${got}`;
    case 'pattern':
      return `${name} must be ${PATTERN_WORDS[key] ?? `of the form ${String(error.params['pattern'])}`}${got}`;
    case 'type':
      return `${name} must be ${TYPE_WORDS[String(error.params['type'])] ?? String(error.params['type'])}${got}`;
    case 'minimum':
    case 'maximum': {
      const bounds = (RUN_SETTINGS_SCHEMA.properties as Record<string, { minimum?: number; maximum?: number }>)[key] ?? {};
      const range = bounds.maximum === undefined ? `at least ${bounds.minimum ?? 0}` : `from ${bounds.minimum ?? 0} to ${bounds.maximum}`;
      return `${name} must be ${range}${got}`;
    }
    case 'minLength':
      return `${name} must be at least ${String(error.params['limit'])} character${error.params['limit'] === 1 ? '' : 's'} long`;
    case 'maxLength':
      return `${name} must be at most ${String(error.params['limit'])} characters long`;
    default:
      return `${name} ${error.message ?? 'is invalid'}${got}`;
  }
}

/** Warnings for variables of the prefix that are no setting (a typo reads as "not set", silently, otherwise). */
export function unknownVariables(env: Readonly<Record<string, string | undefined>>): string[] {
  const known = [...Object.keys(RUN_SETTINGS_SCHEMA.properties).map(envName), ...OTHER_VARIABLES];
  return Object.keys(env)
    .filter((name) => name.startsWith(ENV_PREFIX) && !known.includes(name))
    .sort()
    .map((name) => {
      const suggestion = closest(name, known);
      return `${name} is not a setting of ocpi-conformance and is ignored${suggestion ? `; did you mean ${suggestion}?` : ''}`;
    });
}
