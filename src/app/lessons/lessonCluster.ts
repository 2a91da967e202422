// What the editor shows of a scenario text: a lesson's cluster only (clusterText in
// src/scenario/lessons/source.ts). That needs the YAML parser, which the page loads as a lazy
// chunk only for a text that may hold a lesson: the default scenario's first paint never waits
// for it. The answers are remembered, so the store can ask synchronously for a text it has shown.
import { mayHoldLesson } from '../../scenario/lessons/lessonHint';

/** KEEP: lesson texts remembered (the current run's, a few it came from); more are forgotten. */
const KEEP = 8;
const known = new Map<string, string>();

/** clusterTextOf is `text` without its lesson's Scenario document (the parser loaded if need be). */
export async function clusterTextOf(text: string): Promise<string> {
  if (!mayHoldLesson(text)) return text;
  const cached = known.get(text);
  if (cached !== undefined) return cached;
  const { clusterText } = await import('../../scenario/lessons/source');
  const cluster = clusterText(text);
  if (known.size >= KEEP) known.clear();
  known.set(text, cluster);
  return cluster;
}

/**
 * knownClusterText is clusterTextOf's answer when it can be given without the parser: for a text
 * holding no lesson, or one clusterTextOf has answered for; otherwise undefined.
 */
export function knownClusterText(text: string): string | undefined {
  return mayHoldLesson(text) ? known.get(text) : text;
}
