import { type RegistryEvent, type RegistryEventActor } from '@berth/queue';
import { repositoryName } from '../handlers/context';
import { type RequestContext } from '../http/route';
import { clientAddress } from './client-address';

/** Who made the request, from its verified bearer token; anonymous without one. */
export function eventActor(ctx: RequestContext): RegistryEventActor {
  const token = ctx.token;
  if (!token || token.berth.kind === 'anonymous' || token.sub === '') return { name: 'anonymous', kind: 'anonymous' };
  return { name: token.sub, kind: token.berth.kind === 'service' ? 'system' : token.berth.kind };
}

/** Builds the event of a request on `/v2/<name>/…`: the repository, actor, address and time come from the request. */
export function registryEvent(
  ctx: RequestContext,
  what: Pick<RegistryEvent, 'operation' | 'resourceType' | 'reference' | 'digest' | 'mediaType'>,
): RegistryEvent {
  return {
    ...what,
    repository: repositoryName(ctx).name,
    actor: eventActor(ctx),
    sourceIp: clientAddress(ctx.req),
    time: new Date().toISOString(),
  };
}
