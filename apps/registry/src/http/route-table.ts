import { Injectable } from '@nestjs/common';
import { BaseHandler } from '../handlers/base.handler';
import { BlobHandler } from '../handlers/blob.handler';
import { CatalogHandler } from '../handlers/catalog.handler';
import { ManifestHandler } from '../handlers/manifest.handler';
import { ReferrersHandler } from '../handlers/referrers.handler';
import { TagsHandler } from '../handlers/tags.handler';
import { UploadHandler } from '../handlers/upload.handler';
import { RegistryAuth } from './auth/registry-auth';
import { type Route } from './route';
import { buildRoutes } from './routes';

/** The route table wired to the handler instances. */
@Injectable()
export class RouteTable {
  readonly routes: readonly Route[];

  constructor(
    base: BaseHandler,
    blobs: BlobHandler,
    uploads: UploadHandler,
    manifests: ManifestHandler,
    tags: TagsHandler,
    referrers: ReferrersHandler,
    catalog: CatalogHandler,
    auth: RegistryAuth,
  ) {
    this.routes = buildRoutes(
      {
        apiVersion: base.apiVersion,
        health: base.health,
        getBlob: blobs.get,
        startUpload: uploads.start,
        uploadStatus: uploads.status,
        patchUpload: uploads.patch,
        completeUpload: uploads.complete,
        cancelUpload: uploads.cancel,
        getManifest: manifests.get,
        putManifest: manifests.put,
        deleteManifest: manifests.delete,
        deleteBlob: blobs.delete,
        listTags: tags.list,
        listReferrers: referrers.list,
        catalog: catalog.list,
      },
      auth.guards,
    );
  }
}
