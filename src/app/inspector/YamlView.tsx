// An object as `kubectl get -o yaml` prints it.
import { useMemo } from 'react';
import type { KubeObject } from '../../engine/api/types';
import { dumpYaml } from '../../manifests';

export function YamlView({ object }: { object: KubeObject }) {
  const text = useMemo(() => dumpYaml(object), [object]);
  return (
    <pre className="yaml-view" tabIndex={0} aria-label={`${object.kind} ${object.metadata.name} as YAML`}>
      {text}
    </pre>
  );
}
