// The files the Export dialog and the share panel offer, built from what the page holds. The
// page imports this module lazily: YAML printing is only needed when someone exports.
import type { KubeObject } from '../engine/api/types';
import { exportManifests } from '../manifests';
import type { SharedRun } from './run';
import { runToScenarioYaml } from './scenarioFile';
import { commandsToShellScript } from './shellScript';

/** manifestsYaml is the cluster's user-made objects as a stream a real `kubectl apply -f` accepts. */
export function manifestsYaml(objects: readonly KubeObject[], keepPlaygroundFields: boolean): string {
  const text = exportManifests(objects, { playgroundFields: keepPlaygroundFields });
  return text || '# The cluster has no objects to export.\n';
}

export { commandsToShellScript, runToScenarioYaml };
export type { SharedRun };
