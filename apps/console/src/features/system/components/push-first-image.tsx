/** The project the example pushes to; Harbor-style registries create it on install. */
const EXAMPLE_PROJECT = 'library';
const EXAMPLE_IMAGE = 'busybox:latest';

const SCHEME = /^[a-z][a-z0-9+.-]*:\/\//i;
/** Hosts that Docker trusts over plain HTTP without configuration, as the local quick start serves them. */
const LOOPBACK_HOST = /^(localhost|127(\.\d{1,3}){3}|\[::1\])(:\d+)?$/;

/** Reduces the registry URL, `host[:port]` or a full URL, to the host[:port] that docker and skopeo expect. */
function registryHost(registryUrl: string): string {
  return registryUrl.replace(SCHEME, '').replace(/\/.*$/, '');
}

/** Plain HTTP when the URL says so, or when it names no scheme and points at this machine. */
function isPlainHttp(registryUrl: string, host: string): boolean {
  return /^http:\/\//i.test(registryUrl) || (!SCHEME.test(registryUrl) && LOOPBACK_HOST.test(host));
}

/** Shows ready-to-paste commands that push a first image to this registry with docker or skopeo. */
export function PushFirstImage({ registryUrl }: { registryUrl: string }) {
  const host = registryHost(registryUrl);
  const insecure = isPlainHttp(registryUrl, host);
  const target = `${host}/${EXAMPLE_PROJECT}/${EXAMPLE_IMAGE}`;
  const tlsFlag = insecure ? ' --tls-verify=false' : '';
  const destTlsFlag = insecure ? ' --dest-tls-verify=false' : '';
  const docker = [
    `docker login ${host}`,
    `docker pull ${EXAMPLE_IMAGE}`,
    `docker tag ${EXAMPLE_IMAGE} ${target}`,
    `docker push ${target}`,
  ].join('\n');
  const skopeo = [
    `skopeo login${tlsFlag} ${host}`,
    `skopeo copy${destTlsFlag} docker://docker.io/library/${EXAMPLE_IMAGE} docker://${target}`,
  ].join('\n');
  return (
    <>
      <h3 id="push-docker">With docker</h3>
      <pre aria-labelledby="push-docker" tabIndex={0}>
        <code>{docker}</code>
      </pre>
      <h3 id="push-skopeo">With skopeo</h3>
      <pre aria-labelledby="push-skopeo" tabIndex={0}>
        <code>{skopeo}</code>
      </pre>
      <p className="hint">
        Replace <code>{EXAMPLE_PROJECT}</code> with a project you may push to.
        {insecure && !LOOPBACK_HOST.test(host) ? (
          <>
            {' '}
            The registry answers over plain HTTP: add <code>{host}</code> to Docker&apos;s{' '}
            <code>insecure-registries</code>.
          </>
        ) : null}
      </p>
    </>
  );
}
