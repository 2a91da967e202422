// The pod template text `rollout history --revision` and `rollout undo --dry-run` print
// (polymorphichelpers/history.go printTemplate: describe.DescribePodTemplate).
import type { PodTemplateSpec } from '../../engine/api/types';
import { describePodTemplate } from '../describe/common';
import { PrefixWriter } from '../describe/writer';

/** templateText renders a pod template as `Pod Template:` and its describe lines. */
export function templateText(template: PodTemplateSpec): string {
  const w = new PrefixWriter();
  describePodTemplate(w, template);
  return w.text();
}
