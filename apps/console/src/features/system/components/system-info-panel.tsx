import type { SystemInfo } from '../api/types';

const STORAGE_LABELS: Record<SystemInfo['storage_backend'], string> = {
  filesystem: 'Filesystem',
  s3: 'S3-compatible object storage',
};

const AUTH_LABELS: Record<SystemInfo['auth_mode'], string> = {
  db_auth: 'Database',
  ldap_auth: 'LDAP',
};

function ServerTime({ iso }: { iso: string }) {
  const date = new Date(iso);
  return <time dateTime={iso}>{Number.isNaN(date.getTime()) ? iso : date.toLocaleString()}</time>;
}

/** Lists the platform's version, storage, authentication and addresses. */
export function SystemInfoPanel({ info }: { info: SystemInfo }) {
  return (
    <dl className="facts">
      <dt>Version</dt>
      <dd>{info.berth_version}</dd>
      <dt>Storage backend</dt>
      <dd>{STORAGE_LABELS[info.storage_backend] ?? info.storage_backend}</dd>
      <dt>Authentication</dt>
      <dd>{AUTH_LABELS[info.auth_mode] ?? info.auth_mode}</dd>
      <dt>Registry URL</dt>
      <dd>
        <code>{info.registry_url}</code>
      </dd>
      <dt>External URL</dt>
      <dd>
        <a href={info.external_url}>{info.external_url}</a>
      </dd>
      <dt>Server time</dt>
      <dd>
        <ServerTime iso={info.current_time} />
      </dd>
    </dl>
  );
}
