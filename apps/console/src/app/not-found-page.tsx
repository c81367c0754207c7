import { PageHeader } from '@berth/console-ui';
import { Anchor } from '@mantine/core';
import { Link } from 'react-router';

/** What an unknown console address shows. */
export function NotFoundPage() {
  return (
    <>
      <PageHeader title="Page not found" description="The address does not match any page of the console." />
      <Anchor component={Link} to="/projects">
        Go to projects
      </Anchor>
    </>
  );
}
