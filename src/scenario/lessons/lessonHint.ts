// The cheap test before the YAML parser: a text without the word `lesson:` holds no lesson.
// Apart from source.ts so the page can ask it without loading the parser.

/** mayHoldLesson is false when `text` certainly holds no lesson document. */
export function mayHoldLesson(text: string): boolean {
  return /\blesson:/.test(text);
}
