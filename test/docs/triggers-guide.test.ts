import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { TRIGGER_ACTIONS } from '../../src/model/trigger-actions.js';

/** The rows of the actions table in docs/triggers.md: the action, and the parameters its second column names. */
function documentedActions(): Map<string, string[]> {
  const text = readFileSync(new URL('../../../docs/triggers.md', import.meta.url), 'utf8');
  const rows = new Map<string, string[]>();
  for (const line of text.split('\n')) {
    const cells = line.split('|').map((cell) => cell.trim());
    const action = /^`([a-z-]+)`$/.exec(cells[1] ?? '')?.[1];
    if (action) rows.set(action, [...(cells[2] ?? '').matchAll(/`([a-z_]+)`/g)].map((match) => match[1] as string));
  }
  return rows;
}

describe('docs/triggers.md', () => {
  it('lists every trigger action a case may ask for, with the parameters the tester sends, and no other.', () => {
    const documented = documentedActions();
    assert.deepEqual([...documented.keys()].sort(), TRIGGER_ACTIONS.map((action) => action.name).sort());
    for (const action of TRIGGER_ACTIONS) assert.deepEqual(documented.get(action.name), action.parameters.map((p) => p.name), action.name);
  });
});
