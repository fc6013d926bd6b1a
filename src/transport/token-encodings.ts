/**
 * Every form a token may take on its way into a recorded exchange or a report: as it is; Base64 (standard, URL-safe,
 * with and without padding), as the Authorization header carries it; percent-encoded, as a query string or a form
 * body carries it (upper- and lower-case hex, and the form encoding); and the combinations a target echoing it may
 * make (Base64 of the percent-encoded form, the percent-encoded Base64). The empty token has no forms.
 */
export function tokenEncodings(token: string): string[] {
  if (token === '') return [];
  const base64 = (text: string): string[] => {
    const standard = Buffer.from(text, 'utf8').toString('base64');
    const urlSafe = Buffer.from(text, 'utf8').toString('base64url');
    return [standard, standard.replace(/=+$/, ''), urlSafe];
  };
  const percent = (text: string): string[] => {
    const upper = encodeURIComponent(text);
    const form = new URLSearchParams({ t: text }).toString().slice(2);
    return [upper, upper.replace(/%[0-9A-F]{2}/g, (escape) => escape.toLowerCase()), form];
  };
  const forms = [token, ...base64(token), ...percent(token), ...percent(token).flatMap(base64), ...base64(token).flatMap(percent)];
  return [...new Set(forms)].filter((form) => form !== '');
}
