import { appendFileSync } from 'node:fs';

interface Resolved {
  readonly url: string;
}

/** A module resolution hook (node:module register) that writes each resolved URL to RECORD_IMPORTS. */
export async function resolve(specifier: string, context: unknown, next: (specifier: string, context: unknown) => Promise<Resolved>): Promise<Resolved> {
  const resolved = await next(specifier, context);
  const file = process.env['RECORD_IMPORTS'];
  if (file) appendFileSync(file, `${resolved.url}\n`);
  return resolved;
}
