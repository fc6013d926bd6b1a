import type { CaseDefinition } from './define-case.js';
import { waitsOn } from './waits-on.js';

/**
 * Orders the cases of one stage critical-path-first: by the weight of the heaviest chain of cases that wait on each
 * (`waitsOn`: through `requires`/`provides` and `after`), each case weighing its round trips; heaviest first, ties in
 * declaration order. Started in this order, the head of the longest chain takes a slot before cases nothing waits on
 * (which can fill the gaps later), and of two cases a third waits on, the one of two round trips before that of one.
 */
export function rankByChain(cases: readonly CaseDefinition[]): CaseDefinition[] {
  const weights = chainWeights(cases);
  return cases
    .map((definition, index) => ({ definition, index, weight: weights.get(definition.id) ?? definition.roundTrips }))
    .sort((a, b) => b.weight - a.weight || a.index - b.index)
    .map((ranked) => ranked.definition);
}

/**
 * For each case, the round trips of the heaviest chain that starts with it (its own included): its own for a case
 * nothing waits on. A cycle (a tester defect, which the executor reports) is cut where it closes.
 */
export function chainWeights(cases: readonly CaseDefinition[]): Map<string, number> {
  const weights = new Map<string, number>();
  const visiting = new Set<string>();
  const weightOf = (definition: CaseDefinition): number => {
    const known = weights.get(definition.id);
    if (known !== undefined) return known;
    if (visiting.has(definition.id)) return 0;
    visiting.add(definition.id);
    const heaviest = Math.max(0, ...cases.filter((later) => waitsOn(later, definition)).map(weightOf));
    visiting.delete(definition.id);
    weights.set(definition.id, heaviest + definition.roundTrips);
    return heaviest + definition.roundTrips;
  };
  for (const definition of cases) weightOf(definition);
  return weights;
}
