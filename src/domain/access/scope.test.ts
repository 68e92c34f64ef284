import { describe, expect, it } from 'vitest';
import { ancestorPaths, childPath } from '../org/org-path.ts';
import { can, grantFor, prefixesFor, type Scope } from './scope.ts';

const community = '/430000/430200/430211/430211003/430211003017/';
const group = childPath(community, '430211003017-01');

const scope = (grants: Scope['grants']): Scope => ({ userId: 'u', username: 'u', grants });

describe('scope', () => {
  it('lets a grant reach its unit and everything below, nothing beside or above', () => {
    const s = scope([{ assignmentId: 'a', role: 'community_admin', unitId: 'c', path: community }]);
    expect(can(s, 'org.manage', group)).toBe(true);
    expect(can(s, 'org.manage', community)).toBe(true);
    expect(can(s, 'org.manage', '/430000/430200/430211/430211003/')).toBe(false);
    expect(can(s, 'org.manage', '/430000/430200/430211/430211003/4302110030170/')).toBe(false);
  });

  it('gives a grid worker reading rights only', () => {
    const s = scope([{ assignmentId: 'a', role: 'grid_worker', unitId: 'g', path: group }]);
    expect(can(s, 'org.read', group)).toBe(true);
    expect(can(s, 'org.manage', group)).toBe(false);
    expect(prefixesFor(s, 'users.manage')).toEqual([]);
  });

  it('merges nested grants into the widest prefix and records the most specific role', () => {
    const s = scope([
      { assignmentId: 'a', role: 'street_admin', unitId: 's', path: '/430000/430200/430211/430211003/' },
      { assignmentId: 'b', role: 'community_admin', unitId: 'c', path: community },
    ]);
    expect(prefixesFor(s, 'org.read')).toEqual(['/430000/430200/430211/430211003/']);
    expect(grantFor(s, 'org.manage', group)?.assignmentId).toBe('b');
  });

  it('lists the strict ancestors of a path', () => {
    expect(ancestorPaths(group)).toEqual([
      '/430000/', '/430000/430200/', '/430000/430200/430211/', '/430000/430200/430211/430211003/', community,
    ]);
  });
});
