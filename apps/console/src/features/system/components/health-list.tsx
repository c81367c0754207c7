import type { Health } from '../api/types';

/** Lists each component with its status in words, and the error of those that are down. */
export function HealthList({ health }: { health: Health }) {
  return (
    <>
      <p className={`badge badge--${health.status}`}>
        Overall: <strong>{health.status}</strong>
      </p>
      <ul className="components" aria-label="Component status">
        {health.components.map((component) => (
          <li key={component.name} className="component">
            <span className="component__name">{component.name}</span>
            <span className={`badge badge--${component.status}`}>{component.status}</span>
            {component.error ? <span className="component__error">{component.error}</span> : null}
          </li>
        ))}
      </ul>
    </>
  );
}
