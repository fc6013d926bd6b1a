import type { Finding } from '../model/finding.js';

/** Where a repeat of a folded failure was found. */
export type Repeat = NonNullable<Finding['repeats']>[number];

// What withRepeats appends to a message; a message folded again gets one suffix with the new total.
const SUFFIX = / \(and \d+ more like it(?:: [^()]*)?\)$/;

/** A finding's message without the "(and N more like it: ...)" that folding appended. */
export function unfoldedMessage(message: string): string {
  return message.replace(SUFFIX, '');
}

/** The failure with more repeats folded into it: one message naming how many and (a few of) where, every place in `repeats`. */
export function withRepeats(first: Finding, more: readonly Repeat[]): Finding {
  const repeats = [...(first.repeats ?? []), ...more].map((r) => Object.freeze({ ...r }));
  if (repeats.length === 0) return first;
  // The same place on other pages (an envelope's /timestamp) needs no list of places.
  const places = [...new Set(repeats.map((r) => r.at).filter((at): at is string => at !== undefined && at !== first.at))];
  const where = places.length === 0 ? '' : `: ${places.slice(0, 3).map((p) => p || '/').join(', ')}${places.length > 3 ? ', ...' : ''}`;
  return Object.freeze({ ...first, message: `${unfoldedMessage(first.message)} (and ${repeats.length} more like it${where})`, repeats: Object.freeze(repeats) });
}

/** Where a finding was found, as a repeat of another. */
export function repeatOf(finding: Finding): Repeat {
  return Object.freeze({ ...(finding.at === undefined ? {} : { at: finding.at }), ...(finding.exchangeId === undefined ? {} : { exchangeId: finding.exchangeId }) });
}

/** A finding's message with what varies between objects (quoted values, then indices and counts) taken out. */
function shapeOf(finding: Finding): string {
  return `${finding.check} ${finding.status} ${unfoldedMessage(finding.message).replace(/"(?:[^"\\]|\\.)*"/g, '"…"').replace(/\d+/g, 'N')}`;
}

/**
 * Folds failures that say the same thing about different objects of one list (every Location without its
 * time_zone, every last_updated with an offset) or on several pages into the first of them, naming where the
 * others are: one broken rule is one failure, however many objects show it; `repeats` keeps the place and evidence
 * of every other one. Passes and warnings are kept as they are.
 */
export function foldRepeated(findings: readonly Finding[]): Finding[] {
  const groups = new Map<string, Finding[]>();
  const out: Array<Finding | string> = [];
  for (const finding of findings) {
    if (finding.status !== 'fail') {
      out.push(finding);
      continue;
    }
    const shape = shapeOf(finding);
    const group = groups.get(shape);
    if (group) group.push(finding);
    else {
      groups.set(shape, [finding]);
      out.push(shape);
    }
  }
  return out.map((entry) => {
    if (typeof entry !== 'string') return entry;
    const [first, ...more] = groups.get(entry) as [Finding, ...Finding[]];
    return more.length === 0 ? first : withRepeats(first, more.flatMap((f) => [repeatOf(f), ...(f.repeats ?? [])]));
  });
}
