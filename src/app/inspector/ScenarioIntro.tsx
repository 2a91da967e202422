// What the inspector shows before anything is selected: the scenario's description and how to start.
import { useAppStore } from '../store';
import { Markdown } from '../lessons/Markdown';

export function ScenarioIntro({ gone }: { gone: boolean }) {
  const scenario = useAppStore((s) => s.scenario);
  return (
    // Focusable, so a keyboard can scroll a long description (it scrolls on its own).
    <div className="intro" tabIndex={0} role="region" aria-label="About this scenario">
      {gone && <p className="muted">The selected object is gone.</p>}
      {scenario && (
        <>
          <h3 className="intro__title">{scenario.title}</h3>
          {/* Scenario descriptions are Markdown, rendered as React elements (never as HTML). */}
          <Markdown className="intro__text" text={scenario.description} />
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
