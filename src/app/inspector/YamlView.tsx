// An object as `kubectl get -o yaml` prints it. The YAML printer (and the yaml library behind
// it) loads on first use, so it stays out of the JavaScript the page needs to first paint.
import { useEffect, useMemo, useState } from 'react';
import type { KubeObject } from '../../engine/api/types';

type Dump = (obj: KubeObject) => string;
let loaded: Dump | undefined;
const loadDump = (): Promise<Dump> => import('../../manifests/export').then((m) => (loaded = m.dumpYaml));

export function YamlView({ object }: { object: KubeObject }) {
  const [dump, setDump] = useState<Dump | undefined>(() => loaded);
  useEffect(() => {
    if (dump) return;
    let live = true;
    void loadDump().then((d) => {
      if (live) setDump(() => d);
    });
    return () => {
      live = false;
    };
  }, [dump]);
  const text = useMemo(() => (dump ? dump(object) : 'Loading…'), [dump, object]);
  return (
    <pre
      className="yaml-view"
      tabIndex={0}
      aria-label={`${object.kind} ${object.metadata.name} as YAML`}
      aria-busy={dump ? undefined : true}
    >
      {text}
    </pre>
  );
}
