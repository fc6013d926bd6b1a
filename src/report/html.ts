/** Markup that may go into a page as it is: built by `html` (every value escaped) or a constant of ours. */
export class SafeHtml {
  constructor(readonly text: string) {}

  toString(): string {
    return this.text;
  }
}

/** What `html` accepts between its parts: text is escaped, SafeHtml kept, lists joined, nothing left out. */
export type HtmlValue = string | number | SafeHtml | readonly HtmlValue[] | undefined | null | false;

const ENTITIES: Readonly<Record<string, string>> = { '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' };

/** Text as HTML that shows it literally, in element content and in quoted attributes alike. */
export function escapeHtml(text: string): string {
  return text.replace(/[&<>"']/g, (char) => ENTITIES[char] ?? char);
}

function render(value: HtmlValue): string {
  if (value === undefined || value === null || value === false) return '';
  if (value instanceof SafeHtml) return value.text;
  if (typeof value === 'string' || typeof value === 'number') return escapeHtml(String(value));
  return value.map(render).join('');
}

/**
 * A template tag that escapes every interpolated value unless it is already SafeHtml. Whatever the target sent
 * (bodies, headers, URLs, messages) reaches the page only through it, so a body holding `<script>` shows as text.
 */
export function html(strings: TemplateStringsArray, ...values: readonly HtmlValue[]): SafeHtml {
  let text = strings[0] ?? '';
  values.forEach((value, index) => {
    text += render(value) + (strings[index + 1] ?? '');
  });
  return new SafeHtml(text);
}
