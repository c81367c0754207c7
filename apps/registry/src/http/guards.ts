import { parseRepositoryName } from '@berth/oci';
import { OciError } from './oci-error';
import { type Guard } from './route';

/** Refuses a request whose `<name>` is not a valid repository name, and records the parsed name on the context. */
export const validName: Guard = (ctx) => {
  const raw = ctx.params['name'] ?? '';
  const name = parseRepositoryName(raw);
  if (!name) throw new OciError('NAME_INVALID', { name: raw });
  ctx.name = name;
};
