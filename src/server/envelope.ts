import { ocpiNow } from '../schemas/ocpi-datetime.js';

/** The OCPI response format; `data` is left out when undefined, as the spec advises for calls without defined data. */
export interface Envelope {
  readonly data?: unknown;
  readonly status_code: number;
  readonly status_message?: string;
  readonly timestamp: string;
}

/** Wraps data (or an error) in the OCPI response format, timestamped now. */
export function envelope(data: unknown, statusCode = 1000, statusMessage?: string): Envelope {
  return {
    ...(data === undefined ? {} : { data }),
    status_code: statusCode,
    ...(statusMessage === undefined ? {} : { status_message: statusMessage }),
    timestamp: ocpiNow(),
  };
}
