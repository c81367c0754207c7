import { QueryClientProvider, type QueryClient } from '@tanstack/react-query';
import { SystemInfoPage } from '../features/system/pages/system-info-page';

/** The Berth product shell: a header and the page below it. */
export function App({ queryClient }: { queryClient: QueryClient }) {
  return (
    <QueryClientProvider client={queryClient}>
      <a className="skip-link" href="#main">
        Skip to content
      </a>
      <header className="app-header">
        <span className="app-header__brand">
          <svg className="app-header__logo" viewBox="0 0 24 24" aria-hidden="true" focusable="false">
            <path d="M3 15h18l-2.5 5h-13z M6 13V7h4v6 M11 13V4h4v9 M16 13V9h3v4" />
          </svg>
          Berth
        </span>
        <span className="app-header__tagline">Container registry</span>
      </header>
      <main id="main" className="app-main" tabIndex={-1}>
        <SystemInfoPage />
      </main>
    </QueryClientProvider>
  );
}
