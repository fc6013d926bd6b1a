import { pushedObjectCase } from './pushed-object-case.js';

export default pushedObjectCase({
  id: 'IN-LOC-01',
  targetRole: 'cpo',
  module: 'locations',
  object: 'Location',
  plural: 'Locations',
  idField: 'id',
  digest: 'locationsList',
  action: 'push-location',
  param: 'location_id',
  ownCopy: 'get',
  section: 'Locations module, Receiver interface, PUT method; Transport and format, client owned object push',
});
