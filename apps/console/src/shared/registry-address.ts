const SCHEME = /^[a-z][a-z0-9+.-]*:\/\//i;
/** Hosts that Docker trusts over plain HTTP without configuration, as the local quick start serves them. */
const LOOPBACK_HOST = /^(localhost|127(\.\d{1,3}){3}|\[::1\])(:\d+)?$/;

/** Reduces the registry URL, `host[:port]` or a full URL, to the host[:port] that docker and skopeo expect. */
export function registryHost(registryUrl: string): string {
  return registryUrl.replace(SCHEME, '').replace(/\/.*$/, '');
}

/** Tells whether the registry answers plain HTTP: the URL says so, or it names no scheme and points at this machine. */
export function isPlainHttp(registryUrl: string): boolean {
  return (
    /^http:\/\//i.test(registryUrl) || (!SCHEME.test(registryUrl) && LOOPBACK_HOST.test(registryHost(registryUrl)))
  );
}
