// kubectl get cronjobs (pkg/printers/internalversion/printers.go printCronJob): NAME, SCHEDULE,
// TIMEZONE, SUSPEND, ACTIVE, LAST SCHEDULE, AGE; -o wide adds the containers, images and the Job
// template's selector (always `<none>`: each Job's selector is generated).
import type { CronJob } from '../../engine/api/types';
import { formatLabelSelector } from '../../engine/api/labels';
import { ageOf } from './age';
import type { TableDef } from './columns';

/** printBoolPtr: `True`, `False`, or `<unset>` for a field never defaulted. */
function printBoolPtr(v: boolean | undefined): string {
  return v === undefined ? '<unset>' : v ? 'True' : 'False';
}

export const cronJobTable: TableDef = {
  headers: ['NAME', 'SCHEDULE', 'TIMEZONE', 'SUSPEND', 'ACTIVE', 'LAST SCHEDULE', 'AGE'],
  wideHeaders: ['CONTAINERS', 'IMAGES', 'SELECTOR'],
  row: (o, now) => {
    const cj = o as CronJob;
    const last = cj.status?.lastScheduleTime;
    return [
      cj.metadata.name,
      cj.spec.schedule,
      cj.spec.timeZone ?? '<none>',
      printBoolPtr(cj.spec.suspend),
      String(cj.status?.active?.length ?? 0),
      last ? ageOf(last, now) : '<none>',
      ageOf(cj.metadata.creationTimestamp, now),
    ];
  },
  wideRow: (o) => {
    const containers = (o as CronJob).spec.jobTemplate.spec.template.spec.containers;
    return [
      containers.map((c) => c.name).join(','),
      containers.map((c) => c.image).join(','),
      formatLabelSelector((o as CronJob).spec.jobTemplate.spec.selector),
    ];
  },
};
