/** Node's header shapes (repeated headers as arrays) as one string per lower-cased name, the way exchanges record them. */
export function flattenHeaders(headers: Readonly<Record<string, string | string[] | number | undefined>>): Record<string, string> {
  const result: Record<string, string> = {};
  for (const [name, value] of Object.entries(headers)) {
    if (value !== undefined) result[name.toLowerCase()] = Array.isArray(value) ? value.join(', ') : String(value);
  }
  return result;
}
