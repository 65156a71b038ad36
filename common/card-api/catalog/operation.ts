// The shape of one catalog entry.
import type { z } from 'zod';

export type Api = 'card' | 'gift';
/** Operation groups a workstation may be allowed (profiles). */
export type OperationGroup = 'clients' | 'cards' | 'cards.secret' | 'gift' | 'bulk' | 'requests';

export interface OperationSpec<Req extends z.ZodType = z.ZodType, Res extends z.ZodType = z.ZodType> {
  /** Path below the API prefix. */
  path: string;
  /** DOC: from Freedom Pay's public pages; ASSUMED: the project's decision (docs/card-api.md, marks). */
  mark: 'DOC' | 'ASSUMED';
  api: Api;
  /** async: the answer is an envelope; the result comes from Request status. */
  mode: 'sync' | 'async';
  access: 'read' | 'write';
  group: OperationGroup;
  /** Where the key for Request status lives: the body's request_id or the Request-Id header. */
  keyedBy: 'body' | 'header';
  /** The result holds card secrets (docs/card-api.md, sensitive data): never journaled, logged or stored. */
  sensitive: boolean;
  irreversible: boolean;
  request: Req;
  /** Operation fields of a successful answer (the envelope is parsed separately). */
  response: Res;
  /**
   * A sync write whose answer was lost is known only through Request status (`cards[].card_id`, `client_id`):
   * this turns what Request status says into the operation's own result, where the two differ.
   */
  resultFromStatus?: (fields: Record<string, unknown>) => Record<string, unknown>;
}

type Defaults = 'api' | 'keyedBy' | 'sensitive' | 'irreversible';

export function defineOperation<Req extends z.ZodType, Res extends z.ZodType>(
  spec: Omit<OperationSpec<Req, Res>, Defaults> & Partial<Pick<OperationSpec, Defaults>>,
): OperationSpec<Req, Res> {
  return { api: 'card', keyedBy: 'body', sensitive: false, irreversible: false, ...spec };
}
