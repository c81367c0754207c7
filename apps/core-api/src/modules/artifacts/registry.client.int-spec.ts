import {
  DEFAULT_TOKEN_ISSUER,
  DEFAULT_TOKEN_SERVICE,
  TokenSigner,
  generateTokenKeyPair,
  loadSigningKey,
} from '@berth/auth';
import { parseConfig } from '@berth/config';
import { Logger } from '@nestjs/common';
import {
  type RegistryProcess,
  type TestDatabase,
  type TestOciImage,
  buildOciImage,
  createTestDatabase,
  pushOciImage,
  startRegistryProcess,
} from '@berth/testing';
import { rmSync } from 'node:fs';
import { coreApiEnv } from '../../config/core-api.config';
import { RegistryTokenIssuer } from '../token/registry-token.issuer';
import { TokenKeys } from '../token/token-keys';
import { BlobTooLargeError, RegistryCallError, RegistryClient, RegistryUnreachableError } from './registry.client';

/** A RegistryClient as core-api builds it, signing with `signingKeyPem`, calling `url`. */
function clientFor(url: string, signingKeyPem: string): RegistryClient {
  const config = parseConfig(coreApiEnv, {
    DATABASE_URL: 'postgres://unused@127.0.0.1:5432/unused',
    REDIS_URL: 'redis://127.0.0.1:6379/0',
    BERTH_TOKEN_SIGNING_KEY: signingKeyPem,
    BERTH_REGISTRY_INTERNAL_URL: url,
    LOG_LEVEL: 'silent',
  });
  return new RegistryClient(config, new RegistryTokenIssuer(new TokenKeys(config)));
}

describe('RegistryClient against a registry that requires tokens', () => {
  const keys = generateTokenKeyPair();
  let db: TestDatabase;
  let registry: RegistryProcess;
  let client: RegistryClient;
  let image: TestOciImage;

  beforeAll(async () => {
    // TokenKeys announces its key through Nest's logger; the spec has nothing to show there.
    Logger.overrideLogger(false);
    db = await createTestDatabase('registry_client', { migrate: true });
    registry = await startRegistryProcess({
      databaseUrl: db.url,
      env: { BERTH_REGISTRY_AUTH: 'token', BERTH_TOKEN_PUBLIC_KEYS: keys.publicKeyPem },
    });
    client = clientFor(registry.url, keys.privateKeyPem);
    image = buildOciImage({ layerCount: 1, bytesPerLayer: 1024 });
    // Seeded as a user with a push token, the way docker would after the token service.
    const { token } = new TokenSigner(loadSigningKey(keys.privateKeyPem), DEFAULT_TOKEN_ISSUER).sign(
      {
        sub: 'seeder',
        aud: DEFAULT_TOKEN_SERVICE,
        access: [{ type: 'repository', name: 'library/app', actions: ['pull', 'push'] }],
        berth: { kind: 'user', id: 1 },
      },
      60,
    );
    await pushOciImage(registry.url, 'library/app', image, 'v1', { authorization: `Bearer ${token}` });
  });

  afterAll(async () => {
    await registry?.stop();
    await db?.drop();
    if (image) rmSync(image.dir, { recursive: true, force: true });
  });

  it('is refused by the registry without a token, so the calls below prove the tokens work', async () => {
    expect((await fetch(`${registry.url}/v2/library/app/manifests/v1`)).status).toBe(401);
  });

  it('fetches, tags, mounts and deletes with its own short-lived tokens', async () => {
    const manifest = await client.getManifest('library/app', 'v1');
    expect(manifest).toMatchObject({
      digest: image.manifestDigest,
      mediaType: 'application/vnd.oci.image.manifest.v1+json',
    });
    expect(manifest!.body.equals(image.manifest)).toBe(true);
    expect(await client.getManifest('library/app', 'missing')).toBeUndefined();

    await client.putManifest('library/app', 'v2', manifest!.body, manifest!.mediaType);
    expect((await client.getManifest('library/app', 'v2'))?.digest).toBe(image.manifestDigest);

    for (const blob of [image.config, ...image.layers]) {
      expect(await client.mountBlob('library/copy', blob.digest, 'library/app')).toBe(true);
    }
    expect(await client.mountBlob('library/copy', `sha256:${'0'.repeat(64)}`, 'library/app')).toBe(false);
    await client.putManifest('library/copy', image.manifestDigest, manifest!.body, manifest!.mediaType);

    expect(await client.deleteManifest('library/app', 'v2')).toBe(true);
    expect(await client.deleteManifest('library/app', 'v2')).toBe(false);
    expect(await client.deleteManifest('library/copy', image.manifestDigest)).toBe(true);
    expect(await client.getManifest('library/copy', image.manifestDigest)).toBeUndefined();
  });

  it('reads a small blob with a pull token, and refuses one larger than the bound', async () => {
    const config = await client.getBlob('library/app', image.config.digest, image.config.size);
    expect(config?.length).toBe(image.config.size);
    expect(JSON.parse(config!.toString('utf8'))).toMatchObject({ architecture: 'amd64', os: 'linux' });
    await expect(client.getBlob('library/app', image.config.digest, image.config.size - 1)).rejects.toBeInstanceOf(
      BlobTooLargeError,
    );
    expect(await client.getBlob('library/app', `sha256:${'0'.repeat(64)}`, 1024)).toBeUndefined();
  });

  it('reports a token the registry does not trust, and a registry that is not there', async () => {
    const stranger = clientFor(registry.url, generateTokenKeyPair().privateKeyPem);
    const refused = await stranger.getManifest('library/app', 'v1').catch((err: unknown) => err);
    expect(refused).toBeInstanceOf(RegistryCallError);
    expect(refused).toMatchObject({ status: 401 });
    const nowhere = clientFor('http://127.0.0.1:9', keys.privateKeyPem);
    await expect(nowhere.deleteManifest('library/app', 'v1')).rejects.toBeInstanceOf(RegistryUnreachableError);
  });
});
