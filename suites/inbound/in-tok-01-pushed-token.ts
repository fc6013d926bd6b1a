import { pushedObjectCase } from './pushed-object-case.js';

export default pushedObjectCase({
  id: 'IN-TOK-01',
  targetRole: 'emsp',
  module: 'tokens',
  object: 'Token',
  plural: 'Tokens',
  idField: 'uid',
  digest: 'tokensList',
  action: 'push-token',
  param: 'token_uid',
  ownCopy: 'list',
  section: 'Tokens module, Receiver interface, PUT method; Transport and format, client owned object push',
});
