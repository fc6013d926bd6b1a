import type { CaseDefinition } from './define-case.js';
import { waitsOn } from './waits-on.js';

/**
 * Orders the cases of one stage critical-path-first: by the length of the longest chain of cases that wait on each
 * (`waitsOn`: through `requires`/`provides` and `after`), longest first; ties keep declaration order. Started in this order, the
 * head of the longest chain takes a slot before cases nothing waits on (which can fill the gaps later).
 */
export function rankByChain(cases: readonly CaseDefinition[]): CaseDefinition[] {
  const lengths = chainLengths(cases);
  return cases
    .map((definition, index) => ({ definition, index, length: lengths.get(definition.id) ?? 1 }))
    .sort((a, b) => b.length - a.length || a.index - b.index)
    .map((ranked) => ranked.definition);
}

/**
 * For each case, the number of cases on the longest chain that starts with it (itself included): 1 for a case nothing
 * waits on. A cycle (a tester defect, which the executor reports) is cut where it closes.
 */
export function chainLengths(cases: readonly CaseDefinition[]): Map<string, number> {
  const lengths = new Map<string, number>();
  const visiting = new Set<string>();
  const lengthOf = (definition: CaseDefinition): number => {
    const known = lengths.get(definition.id);
    if (known !== undefined) return known;
    if (visiting.has(definition.id)) return 0;
    visiting.add(definition.id);
    const longest = Math.max(0, ...cases.filter((later) => waitsOn(later, definition)).map(lengthOf));
    visiting.delete(definition.id);
    lengths.set(definition.id, longest + 1);
    return longest + 1;
  };
  for (const definition of cases) lengthOf(definition);
  return lengths;
}
