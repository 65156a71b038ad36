// The cursor of a list that does not change once made (a checked file's problems, a job's input rows): the
// offset of the next item, as text. One the list did not give is refused.
import { DeskError } from '../errors.ts';

export function offsetOf(cursor: string | null | undefined, length: number): number {
  if (cursor === null || cursor === undefined) return 0;
  const offset = /^\d{1,9}$/.test(cursor) ? Number(cursor) : Number.NaN;
  if (!(offset >= 0 && offset <= length)) throw new DeskError('invalid_arguments', 'cursor: not a page of this list');
  return offset;
}
