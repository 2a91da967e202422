// The read-only text a dialog shows before offering it as a file (export, lesson source).

interface Props {
  testId: string;
  value: string;
  rows: number;
  label: string;
}

/** TextPreview is the dialog's read-only, unspellchecked preview of the text it downloads. */
export function TextPreview({ testId, value, rows, label }: Props) {
  return (
    <textarea
      className="export__preview"
      data-testid={testId}
      readOnly
      value={value}
      rows={rows}
      aria-label={label}
      spellCheck={false}
    />
  );
}
