/** One HTTP request as recorded: tokens already redacted. */
export interface RecordedRequest {
  readonly method: string;
  readonly url: string;
  readonly headers: Readonly<Record<string, string>>;
  /** Parsed JSON when the body was JSON; otherwise undefined and `rawBody` holds the text. */
  readonly body?: unknown;
  readonly rawBody?: string;
  /** What the recorder did that a reader must know: a body kept as text or cut short, a request that could not be read. */
  readonly note?: string;
}

/** One HTTP response as recorded: tokens already redacted. */
export interface RecordedResponse {
  readonly status: number;
  readonly headers: Readonly<Record<string, string>>;
  readonly body?: unknown;
  /** The body text when it was not valid JSON (kept verbatim, truncated to the size limit). */
  readonly rawBody?: string;
  /** What the recorder did that a reader must know (a body kept as text, not parsed). */
  readonly note?: string;
}

/** Why an exchange has no response. */
export interface ExchangeError {
  readonly code: string;
  readonly message: string;
}

/**
 * One HTTP exchange, outbound (the tester called the target) or inbound (the target called the tester's peer).
 * Plain frozen data: reporters render it, checks judge it, nothing mutates it.
 */
export interface Exchange {
  readonly id: string;
  readonly direction: 'outbound' | 'inbound';
  readonly request: RecordedRequest;
  readonly response?: RecordedResponse;
  readonly error?: ExchangeError;
  readonly timings: { readonly startedAt: string; readonly durationMs: number };
}
