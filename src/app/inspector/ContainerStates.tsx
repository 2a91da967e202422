// The pod's containers as the kubelet sees them: state, restarts, how the last run ended, and
// the back-off timer counting down on the simulated clock.
import type { Pod } from '../../engine/api/types';
import { explainContainers } from '../../engine/explain/containers';
import { useAppStore } from '../store';
import { TID } from '../testIds';

export function ContainerStates({ pod, backoffUntil }: { pod: Pod; backoffUntil: number | undefined }) {
  const now = useAppStore((s) => s.clock.time);
  const containers = explainContainers({ pod, now, backoffUntil });
  return (
    <section className="containers" aria-label="Containers">
      <h3 className="subhead">Containers</h3>
      {containers.map((c) => (
        <article key={c.name} className={`container container--${c.tone}`} data-container={c.name}>
          <div className="container__head">
            <span className="container__name">{c.name}</span>
            <span className="container__state" data-state={c.state}>
              {c.state}
            </span>
          </div>
          <p className="container__headline" data-testid={TID.containerHeadline}>
            {c.headline}
          </p>
          {c.retryIn !== undefined && c.backoff !== undefined && c.backoff > 0 && (
            <div
              className="backoff-bar"
              role="progressbar"
              aria-label="Back-off remaining"
              aria-valuemin={0}
              aria-valuemax={c.backoff}
              aria-valuenow={Math.round(c.retryIn)}
            >
              <span style={{ width: `${Math.min(100, (c.retryIn / c.backoff) * 100)}%` }} />
            </div>
          )}
          {c.sentences.length > 0 && (
            <ul className="verdict__why">
              {c.sentences.map((s) => (
                <li key={s}>{s}</li>
              ))}
            </ul>
          )}
        </article>
      ))}
    </section>
  );
}
