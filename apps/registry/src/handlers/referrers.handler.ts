import { Injectable } from '@nestjs/common';
import { MANIFEST_SCHEMA_VERSION, MediaType } from '@berth/oci';
import { type Reply, type RequestContext } from '../http/route';
import { requireDigest } from '../stores/blob.store';
import { DiscoveryStore } from '../stores/discovery.store';
import { RepositoryStore } from '../stores/repository.store';
import { param, repositoryName } from './context';

/** The response header naming the filters a referrers answer applied (distribution-spec "Listing Referrers"). */
export const FILTERS_APPLIED_HEADER = 'OCI-Filters-Applied';

/** `GET /v2/<name>/referrers/<digest>[?artifactType=]`: the manifests whose subject is `<digest>`. */
@Injectable()
export class ReferrersHandler {
  constructor(
    private readonly repositories: RepositoryStore,
    private readonly discovery: DiscoveryStore,
  ) {}

  /**
   * Answers an OCI image index of the referrers' descriptors (an empty one when there are none, including for a
   * digest no manifest has), filtered by `artifactType` when given, which `OCI-Filters-Applied` then reports. A
   * malformed digest is 400 DIGEST_INVALID; an unknown repository is 404 NAME_UNKNOWN.
   */
  list = async (ctx: RequestContext): Promise<Reply> => {
    const repository = await this.repositories.forRead(repositoryName(ctx));
    const digest = requireDigest(param(ctx, 'digest'));
    const artifactType = ctx.query.get('artifactType') || undefined;
    const manifests = await this.discovery.referrers(repository, digest, artifactType);
    const headers: Record<string, string> = { 'Content-Type': MediaType.OciIndex };
    if (artifactType !== undefined) headers[FILTERS_APPLIED_HEADER] = 'artifactType';
    const index = { schemaVersion: MANIFEST_SCHEMA_VERSION, mediaType: MediaType.OciIndex, manifests };
    return { status: 200, headers, body: Buffer.from(JSON.stringify(index)) };
  };
}
