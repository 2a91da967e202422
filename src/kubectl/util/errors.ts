// API errors as kubectl prints them (cmdutil.CheckErr / StandardErrorMessage).
import type { ApiError } from '../../engine/apiserver/apiServer';

/**
 * apiErrorText renders an API error: Invalid errors print the API server's field errors as
 * `The DaemonSet "x" is invalid: ...` (already formatted by the engine); every other status
 * prints `Error from server (Reason): message`, with `error when creating "STDIN": ` inserted
 * for objects that came from a file (cmdutil.AddSourceToErr).
 */
export function apiErrorText(error: ApiError, source?: { verb: string; file: string }): string {
  if (error.reason === 'Invalid') return error.message.endsWith('\n') ? error.message : error.message + '\n';
  const message = source ? `error when ${source.verb} "${source.file}": ${error.message}` : error.message;
  return `Error from server (${error.reason}): ${message}\n`;
}

/** internalError turns an unexpected exception into kubectl-style text instead of a crash. */
export function internalError(e: unknown): string {
  const message = e instanceof Error ? e.message : String(e);
  return `error: ${message}\n`;
}
