import assert from 'node:assert/strict';
import { checkObjectMatchesList, checkServedUnchanged } from '../../src/checks/object-matches-list.js';
import { exchange } from '../helpers/exchange.js';

const connector = (lastUpdated: string, maxAmperage = 16): Record<string, unknown> => ({
  id: '1', standard: 'IEC_62196_T2', format: 'SOCKET', power_type: 'AC_3_PHASE', max_voltage: 230, max_amperage: maxAmperage, last_updated: lastUpdated,
});

const LISTED = '2026-01-01T10:00:00Z';
const judge = (fetched: unknown) => checkObjectMatchesList({ version: '2.2.1', object: 'Connector', what: 'Connector 1', listed: connector(LISTED), fetched, exchange: exchange({}) });

describe('the check that an object fetched on its own matches the list', () => {
  it('passes the same object, written with another form of the same instant.', () => {
    assert.equal(judge(connector('2026-01-01T10:00:00.000Z'))?.status, 'pass');
  });

  it('fails an object that differs with the same last_updated.', () => {
    const finding = judge(connector(LISTED, 32));
    assert.equal(finding?.status, 'fail');
    assert.match(finding?.message ?? '', /differs from the same object in the list, with the same last_updated/);
  });

  it('fails an object whose last_updated is older than the list\'s copy, whatever else it holds.', () => {
    const finding = judge(connector('2026-01-01T09:00:00Z', 32));
    assert.equal(finding?.status, 'fail');
    assert.match(finding?.message ?? '', /has last_updated 2026-01-01T09:00:00Z, older than the list's 2026-01-01T10:00:00Z/);
  });

  it('asks for a second look at an object that is newer and differs, rather than passing it unseen.', () => {
    assert.equal(judge(connector('2026-01-01T11:00:00Z', 32)), undefined);
  });
});

describe('the second look at an object newer than the list', () => {
  const look = (first: unknown, second: unknown) => checkServedUnchanged({ version: '2.2.1', object: 'Connector', what: 'Connector 1', first, second, afterMs: 1100, exchange: exchange({}) });

  it('fails a last_updated that moved between two GETs while nothing else changed: it was stamped when served.', () => {
    const finding = look(connector('2026-01-01T11:00:00Z', 32), connector('2026-01-01T11:00:01Z', 32));
    assert.equal(finding.status, 'fail');
    assert.match(finding.message, /^Connector 1 was served with last_updated 2026-01-01T11:00:00Z, and again 1100 ms later with 2026-01-01T11:00:01Z, nothing else changed/);
  });

  it('passes, without comparing, an object whose last_updated holds still: it changed since the crawl.', () => {
    const finding = look(connector('2026-01-01T11:00:00Z', 32), connector('2026-01-01T11:00:00Z', 32));
    assert.equal(finding.status, 'pass');
    assert.match(finding.message, /updated since the crawl/);
  });

  it('passes an object that changed again between the two GETs, with a new last_updated.', () => {
    assert.equal(look(connector('2026-01-01T11:00:00Z', 32), connector('2026-01-01T11:00:01Z', 16)).status, 'pass');
  });
});
