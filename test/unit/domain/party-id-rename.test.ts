/** Renaming party ids in a case (the migration to keyed ids): values, keys and ids inside item ids; nothing else. */
import { describe, expect, it } from 'vitest';
import { renamePartyIds } from '#domain/case/party-ids.ts';

const OLD = 'paaaaaaaaaaaaaaa';
const NEW = 'pbbbbbbbbbbbbbbb';

describe('renaming party ids', () => {
  it('renames an id as a value, as a key, and inside an item id, in nested objects and arrays', () => {
    const state = {
      respondents: [{ partyId: OLD, name: '张三' }],
      service: { served: { [OLD]: '2026-03-05' } },
      requests: [{ itemId: `${OLD}:bank`, respondentId: OLD }],
      claim: { items: [{ creditorId: OLD, amountFen: 100 }] },
    };

    expect(renamePartyIds(state, { [OLD]: NEW })).toEqual({
      respondents: [{ partyId: NEW, name: '张三' }],
      service: { served: { [NEW]: '2026-03-05' } },
      requests: [{ itemId: `${NEW}:bank`, respondentId: NEW }],
      claim: { items: [{ creditorId: NEW, amountFen: 100 }] },
    });
  });

  it('leaves other ids, numbers and text alone, and ignores a mapping entry that is not a party id', () => {
    const state = { partyId: 'pcccccccccccccccc', caseId: 'caaaaaaaaaaaaaaaaaaa', amountFen: 5, note: 'paaaa' };

    expect(renamePartyIds(state, { [OLD]: NEW, caaaaaaaaaaaaaaaaaaa: 'x' })).toEqual(state);
  });
});
