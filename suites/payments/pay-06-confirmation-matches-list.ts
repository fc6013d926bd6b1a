import { fetchedMatchesListCase } from './fetched-matches-list-case.js';

export default fetchedMatchesListCase({
  id: 'PAY-06',
  path: 'financial-advice-confirmations',
  digest: 'confirmationsList',
  object: 'FinancialAdviceConfirmation',
  what: 'Financial Advice Confirmation',
  idField: 'id',
  section: 'Payments module, Sender interface, GET Financial Advice Confirmation method',
});
