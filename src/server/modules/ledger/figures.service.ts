import type { Database } from '../../../db/database.ts';
import { canAnywhere, prefixesFor } from '../../../domain/access/scope.ts';
import { shanghaiDate } from '../../../domain/local-date.ts';
import { elderlyBornBy, rollUp, type GroupCounts } from '../../../domain/residents/figures.ts';
import type { FiguresAnswer } from '../../../contract/ledger.ts';
import type { Actor } from '../../actor.ts';
import { AppError } from '../../errors.ts';
import { orgRepository } from '../org/org.repository.ts';
import { figuresRepository } from './figures.repository.ts';

/**
 * Ledger figures of a unit and its children on any day: what the reports
 * say ("16 groups, 387 households, 1,637 people; 400 aged 65 or more").
 * Offices above see these counts without the lists behind them.
 */
export function figuresService({ db }: Database) {
  return {
    async of(actor: Actor, query: { unitId?: string | undefined; day?: string | undefined }): Promise<FiguresAnswer> {
      if (!canAnywhere(actor, 'ledger.figures')) throw new AppError('FORBIDDEN');
      const prefixes = prefixesFor(actor, 'ledger.figures');
      const day = query.day ?? shanghaiDate();
      if (day > shanghaiDate()) throw new AppError('DATE_ORDER', { field: 'day' });
      const unit = query.unitId
        ? await orgRepository.findInScope(db, prefixes, query.unitId)
        : (await orgRepository.findByPaths(db, prefixes))[0];
      if (!unit) throw new AppError('NOT_FOUND', { field: 'unitId' });
      // The children in force on that day: neither dissolved by then nor made since.
      const children = (await orgRepository.listChildren(db, prefixes, { parentId: unit.id, today: day, includeDissolved: false })).filter((c) => c.valid_from <= day);
      const counts = await figuresRepository.groupCounts(db, unit.path, day, elderlyBornBy(day));
      const inForce = new Set(await figuresRepository.groupPaths(db, unit.path, day));
      // Every group in force counts, with or without people; a dissolved group's people still count.
      const rows: GroupCounts[] = counts.map((c) => ({ ...c, inForce: inForce.has(c.path) }));
      for (const path of inForce) if (!counts.some((c) => c.path === path)) rows.push({ path, households: 0, residents: 0, categories: {} });
      const { total, children: byChild } = rollUp(unit.path, children.map((c) => c.path), rows);
      return {
        day,
        unit: { id: unit.id, name: unit.name, kind: unit.kind },
        total,
        children: children.map((c) => ({ id: c.id, name: c.name, kind: c.kind, figures: byChild.get(c.path)! })),
      };
    },
  };
}
