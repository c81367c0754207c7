import { PageHeader } from '@berth/console-ui';
import { useQuery } from '@tanstack/react-query';
import { ErrorMessage, Loading } from '../../../shared/ui/query-state';
import { configurationsQuery } from '../api/queries';
import { ConfigurationForm } from '../components/configuration-form';

/** The Configuration page: authentication mode, LDAP with a connection test, and security settings. */
export function ConfigurationPage() {
  const config = useQuery(configurationsQuery());
  return (
    <>
      <PageHeader
        title="Configuration"
        description="How people sign in, the LDAP directory, and the rules for robots, tokens, sign-ins and the audit log."
      />
      {config.isPending ? (
        <Loading label="Loading the configuration…" />
      ) : config.isError ? (
        <ErrorMessage error={config.error} onRetry={() => void config.refetch()} />
      ) : (
        // Remounting on new data (after a save) starts the form from the stored values.
        <ConfigurationForm key={config.dataUpdatedAt} config={config.data} />
      )}
    </>
  );
}
