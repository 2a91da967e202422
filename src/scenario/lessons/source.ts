// The editor shows a lesson's cluster, not the lesson: its tasks, hints and checks would give the
// answers away. clusterText cuts the Scenario document that holds `spec.lesson` out of a scenario
// text, keeping every other document exactly as written (comments and layout included). The whole
// text still starts the run, rides in share links and is what a teacher opens as the lesson source.
import { parse } from 'yaml';
import { isMapping } from '../docReader';
import { mayHoldLesson } from './lessonHint';

// A document separator: `---` alone on its line (a trailing comment allowed).
const SEPARATOR = /^---[ \t]*(#.*)?$/m;

function isLessonDoc(chunk: string): boolean {
  // Cheap test first: most documents are not Scenarios.
  if (!/^kind:\s*Scenario\b/m.test(chunk)) return false;
  try {
    const doc: unknown = parse(chunk);
    return isMapping(doc) && doc.kind === 'Scenario' && isMapping(doc.spec) && doc.spec.lesson != null;
  } catch {
    // A broken document is the loader's to report; it stays in the editor.
    return false;
  }
}

let last: { text: string; cluster: string } | null = null;

/**
 * clusterText is `text` without its lesson's Scenario document, or `text` itself when it holds no
 * lesson. The page calls it for every saved state, so the last answer is remembered.
 */
export function clusterText(text: string): string {
  if (last?.text === text) return last.cluster;
  let cluster = text;
  if (mayHoldLesson(text)) {
    const chunks = text.split(/(?=^---[ \t]*(?:#.*)?$)/m);
    const kept = chunks.filter((c) => !isLessonDoc(c.replace(SEPARATOR, '')));
    if (kept.length < chunks.length) {
      cluster = kept.join('');
      // The first document lost: its successor's separator now opens the text, where none was.
      if (kept[0] !== chunks[0] && !SEPARATOR.test(chunks[0]?.split('\n')[0] ?? ''))
        cluster = cluster.replace(/^---[^\n]*\n?/, '');
      cluster = cluster.replace(/\n---[ \t]*\s*$/, '\n');
    }
  }
  last = { text, cluster };
  return cluster;
}
