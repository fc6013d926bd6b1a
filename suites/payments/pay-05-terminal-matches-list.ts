import { fetchedMatchesListCase } from './fetched-matches-list-case.js';

export default fetchedMatchesListCase({
  id: 'PAY-05',
  path: 'terminals',
  digest: 'terminalsList',
  object: 'Terminal',
  what: 'Terminal',
  idField: 'terminal_id',
  section: 'Payments module, Sender interface, GET Terminal method',
});
