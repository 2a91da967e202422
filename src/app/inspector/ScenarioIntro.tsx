// What the inspector shows before anything is selected: the scenario's description and how to start.
import { useAppStore } from '../store';
import { describeBlocks } from './describeText';

export function ScenarioIntro({ gone }: { gone: boolean }) {
  const scenario = useAppStore((s) => s.scenario);
  return (
    <div className="intro">
      {gone && <p className="muted">The selected object is gone.</p>}
      {scenario && (
        <>
          <h3 className="intro__title">{scenario.title}</h3>
          {describeBlocks(scenario.description).map((b, i) =>
            b.kind === 'code' ? (
              <pre key={i} className="intro__code">
                <code>{b.text}</code>
              </pre>
            ) : (
              <p key={i} className="intro__text">
                {b.text}
              </p>
            ),
          )}
        </>
      )}
      <ul className="intro__tips">
        <li>Click a node to see why each DaemonSet does or does not run a pod there.</li>
        <li>Right-click a node (or Shift+F10) to label, taint, cordon, drain or fail it.</li>
        <li>Click a pod to see its status, YAML and events.</li>
      </ul>
    </div>
  );
}
