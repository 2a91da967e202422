// For a pod of a Job a CronJob created: which CronJob, and when it runs next.
import type { CronJob, Job, KubeObject, Pod } from '../../engine/api/types';
import { explainCronJobRuns } from '../../engine/explain/cronJobRuns';
import { controllerRef } from '../model/cluster';
import { useAppStore } from '../store';
import { TID } from '../testIds';

/** cronJobOf finds the CronJob behind a pod's Job, if there is one. */
function cronJobOf(pod: Pod, objects: Record<string, KubeObject>): CronJob | undefined {
  const jobRef = controllerRef(pod);
  const job = jobRef?.kind === 'Job' ? (objects[jobRef.uid] as Job | undefined) : undefined;
  const cjRef = job ? controllerRef(job) : undefined;
  const cj = cjRef?.kind === 'CronJob' ? objects[cjRef.uid] : undefined;
  return cj?.kind === 'CronJob' ? cj : undefined;
}

export function CronJobRuns({ pod, objects }: { pod: Pod; objects: Record<string, KubeObject> }) {
  // Whole simulated seconds: the countdown moves once a second, not once a frame.
  const now = useAppStore((st) => Math.floor(st.clock.time));
  const cj = cronJobOf(pod, objects);
  if (!cj) return null;
  const e = explainCronJobRuns(cj, now);
  return (
    <article className="verdict verdict--ok">
      <h3 className="verdict__title">
        <span className="verdict__ds">CronJob {cj.metadata.name}</span>
        <span className="verdict__headline" data-testid={TID.cronJobNextRun}>
          {e.headline}
        </span>
      </h3>
      <ul className="verdict__why">
        {e.sentences.map((s) => (
          <li key={s}>{s}</li>
        ))}
      </ul>
    </article>
  );
}
