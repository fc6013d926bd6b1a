/**
 * Failure-text templates: the exact message a check reports, with `{name}` placeholders for the parts that vary
 * between runs or parties (ports, generated ids, timestamps, deadline-derived numbers). Braces appear only in
 * placeholders; a template with any other brace is malformed, so that a typo cannot silently become literal text.
 */

/** One piece of a template: literal text, or a placeholder that stands for one or more characters. */
export type FailureTextPart = { readonly literal: string } | { readonly placeholder: string };

const PLACEHOLDER = /\{([a-z][a-z0-9_]*)\}/g;

/** The template cut into literal text and placeholders; throws when a brace is not part of a `{name}` placeholder. */
export function failureTextParts(template: string): readonly FailureTextPart[] {
  const parts: FailureTextPart[] = [];
  let from = 0;
  for (const match of template.matchAll(PLACEHOLDER)) {
    if (match.index > from) parts.push(literalPart(template, template.slice(from, match.index)));
    parts.push({ placeholder: match[1] as string });
    from = match.index + match[0].length;
  }
  if (from < template.length) parts.push(literalPart(template, template.slice(from)));
  return parts;
}

function literalPart(template: string, literal: string): FailureTextPart {
  if (/[{}]/.test(literal)) throw new Error(`malformed failure text template (a brace outside a {name} placeholder): ${template}`);
  return { literal };
}

/** The template as an anchored regular expression: literals match themselves, each placeholder one or more characters. */
export function failureTextPattern(template: string): RegExp {
  const source = failureTextParts(template)
    .map((part) => ('literal' in part ? part.literal.replace(/[.*+?^${}()|[\]\\]/g, '\\$&') : '(.+?)'))
    .join('');
  // `s`: a placeholder may span line breaks, so the template covers the whole message.
  return new RegExp(`^${source}$`, 's');
}

/** Whether the message is the template with its placeholders filled in. */
export function matchesFailureText(template: string, message: string): boolean {
  return failureTextPattern(template).test(message);
}
