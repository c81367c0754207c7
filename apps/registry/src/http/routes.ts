import { type AuthGuards } from './auth/registry-auth';
import { validName } from './guards';
import { type Handler, type Route } from './route';

/** The handlers the route table dispatches to, one per endpoint of the distribution API served so far. */
export interface RouteHandlers {
  apiVersion: Handler;
  health: Handler;
  getBlob: Handler;
  startUpload: Handler;
  uploadStatus: Handler;
  patchUpload: Handler;
  completeUpload: Handler;
  cancelUpload: Handler;
  getManifest: Handler;
  putManifest: Handler;
  deleteManifest: Handler;
  deleteBlob: Handler;
  listTags: Handler;
  listReferrers: Handler;
  catalog: Handler;
}

// Names contain `/`, so `<name>` is the greedy prefix before a fixed suffix; the validName guard applies the grammar.
const NAME = '(?<name>.+)';
const SEGMENT = '[^/]+';

/**
 * Builds the registry's one route table: name, methods, pattern, guard chain, handler. Order matters only where two
 * patterns can match one path; matchRoute takes the first row that serves the method. Every /v2/ route checks the
 * caller's token (`auth`) after the name grammar, so the challenge can name the repository.
 */
export function buildRoutes(h: RouteHandlers, auth: AuthGuards): Route[] {
  return [
    { name: 'api-version', methods: ['GET', 'HEAD'], pattern: /^\/v2\/$/, guards: [auth.base], handler: h.apiVersion },
    { name: 'health', methods: ['GET'], pattern: /^\/health$/, guards: [], handler: h.health },
    {
      name: 'upload-start',
      methods: ['POST'],
      pattern: new RegExp(`^/v2/${NAME}/blobs/uploads/?$`),
      guards: [validName, auth.push],
      handler: h.startUpload,
    },
    {
      name: 'upload-status',
      methods: ['GET'],
      pattern: new RegExp(`^/v2/${NAME}/blobs/uploads/(?<uuid>${SEGMENT})$`),
      guards: [validName, auth.uploadSession],
      handler: h.uploadStatus,
    },
    {
      name: 'upload-patch',
      methods: ['PATCH'],
      pattern: new RegExp(`^/v2/${NAME}/blobs/uploads/(?<uuid>${SEGMENT})$`),
      guards: [validName, auth.uploadSession],
      handler: h.patchUpload,
    },
    {
      name: 'upload-complete',
      methods: ['PUT'],
      pattern: new RegExp(`^/v2/${NAME}/blobs/uploads/(?<uuid>${SEGMENT})$`),
      guards: [validName, auth.uploadSession],
      handler: h.completeUpload,
    },
    {
      name: 'upload-cancel',
      methods: ['DELETE'],
      pattern: new RegExp(`^/v2/${NAME}/blobs/uploads/(?<uuid>${SEGMENT})$`),
      guards: [validName, auth.uploadSession],
      handler: h.cancelUpload,
    },
    {
      name: 'blob-get',
      methods: ['GET', 'HEAD'],
      pattern: new RegExp(`^/v2/${NAME}/blobs/(?<digest>${SEGMENT})$`),
      guards: [validName, auth.pull],
      handler: h.getBlob,
    },
    {
      name: 'manifest-get',
      methods: ['GET', 'HEAD'],
      pattern: new RegExp(`^/v2/${NAME}/manifests/(?<reference>${SEGMENT})$`),
      guards: [validName, auth.pull],
      handler: h.getManifest,
    },
    {
      name: 'manifest-put',
      methods: ['PUT'],
      pattern: new RegExp(`^/v2/${NAME}/manifests/(?<reference>${SEGMENT})$`),
      guards: [validName, auth.push],
      handler: h.putManifest,
    },
    {
      name: 'manifest-delete',
      methods: ['DELETE'],
      pattern: new RegExp(`^/v2/${NAME}/manifests/(?<reference>${SEGMENT})$`),
      guards: [validName, auth.delete],
      handler: h.deleteManifest,
    },
    {
      name: 'blob-delete',
      methods: ['DELETE'],
      pattern: new RegExp(`^/v2/${NAME}/blobs/(?<digest>${SEGMENT})$`),
      guards: [validName, auth.delete],
      handler: h.deleteBlob,
    },
    {
      name: 'tags-list',
      methods: ['GET'],
      pattern: new RegExp(`^/v2/${NAME}/tags/list$`),
      guards: [validName, auth.pull],
      handler: h.listTags,
    },
    {
      name: 'referrers-list',
      methods: ['GET'],
      pattern: new RegExp(`^/v2/${NAME}/referrers/(?<digest>${SEGMENT})$`),
      guards: [validName, auth.pull],
      handler: h.listReferrers,
    },
    { name: 'catalog', methods: ['GET'], pattern: /^\/v2\/_catalog$/, guards: [auth.catalog], handler: h.catalog },
  ];
}
