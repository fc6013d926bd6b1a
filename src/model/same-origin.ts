/**
 * True when two absolute URLs share scheme, host and port: the only places a credentials token may go are the
 * origins the target declared, so every redirect, Link or Location the tester would follow is held to this.
 */
export function sameOrigin(a: string, b: string): boolean {
  return new URL(a).origin === new URL(b).origin;
}
