// The errors of the last apply, each with its place (line:column), field path and message.
import type { LoadError } from '../../worker/protocol';
import { TID } from '../testIds';

export function ErrorList({ errors, message }: { errors: LoadError[]; message: string }) {
  if (errors.length === 0 && !message) return null;
  return (
    <div className="error-list" data-testid={TID.editorErrors} role="alert">
      {message && <p className="error-list__summary">{message}</p>}
      {errors.length > 0 && (
        <ol>
          {errors.map((e, i) => (
            <li
              key={`${e.line}:${e.column}:${i}`}
              className="error-list__item"
              data-line={e.line}
              data-column={e.column}
              data-path={e.path}
            >
              <span className="error-list__where">
                {e.line}:{e.column}
              </span>
              {e.path && <code className="error-list__path">{e.path}</code>}
              <span className="error-list__message">{e.message}</span>
            </li>
          ))}
        </ol>
      )}
    </div>
  );
}
