import { PREDICATES, type Predicate } from './domain.ts';
import { InputError } from './errors.ts';

/**
 * The predicates a path may use, from an include list and an exclude list (`query path
 * --predicate/--exclude`, `/api/paths?predicate=&exclude=`): undefined when neither restricts.
 * Stores take only an include list (`PathQuery.predicates`), so "everything but HOLDS_ROLE" is
 * spelled out here once for every caller. Excluding every allowed predicate is an error naming
 * `exclude`, not a silent "no restriction".
 */
export function pathPredicates(
  include: readonly Predicate[] | undefined,
  exclude: readonly Predicate[] | undefined,
  excludeName = 'exclude',
): Predicate[] | undefined {
  const included = include && include.length > 0 ? include : undefined;
  if (!exclude || exclude.length === 0) return included ? [...new Set(included)] : undefined;
  const left = (included ?? PREDICATES).filter((p, i, all) => !exclude.includes(p) && all.indexOf(p) === i);
  if (left.length === 0) throw new InputError(excludeName, `leaves no predicate to follow (excluded: ${exclude.join(', ')})`);
  return left;
}
