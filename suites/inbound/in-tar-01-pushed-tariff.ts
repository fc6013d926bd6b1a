import { pushedObjectCase } from './pushed-object-case.js';

export default pushedObjectCase({
  id: 'IN-TAR-01',
  targetRole: 'cpo',
  module: 'tariffs',
  object: 'Tariff',
  plural: 'Tariffs',
  idField: 'id',
  digest: 'tariffsList',
  action: 'push-tariff',
  param: 'tariff_id',
  ownCopy: 'list',
  section: 'Tariffs module, Receiver interface, PUT method; Transport and format, client owned object push',
});
