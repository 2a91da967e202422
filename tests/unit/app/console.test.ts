import { describe, expect, it } from 'vitest';
import { commonPrefix, completeInput } from '../../../src/app/console/completion';
import { NO_CURSOR, moveInHistory } from '../../../src/app/console/history';

describe('console history', () => {
  const history = ['kubectl get nodes', 'kubectl get pods'];

  it('walks back from the newest entry and keeps the draft to come back to', () => {
    const up1 = moveInHistory(history, NO_CURSOR, 'kubectl desc', -1);
    expect(up1.text).toBe('kubectl get pods');
    const up2 = moveInHistory(history, up1.cursor, up1.text, -1);
    expect(up2.text).toBe('kubectl get nodes');
    const up3 = moveInHistory(history, up2.cursor, up2.text, -1);
    expect(up3.text).toBe('kubectl get nodes');
    const down1 = moveInHistory(history, up3.cursor, up3.text, 1);
    expect(down1.text).toBe('kubectl get pods');
    const down2 = moveInHistory(history, down1.cursor, down1.text, 1);
    expect(down2).toEqual({ cursor: { index: null, draft: '' }, text: 'kubectl desc' });
  });

  it('does nothing with an empty history or ↓ at the draft', () => {
    expect(moveInHistory([], NO_CURSOR, 'x', -1).text).toBe('x');
    expect(moveInHistory(history, NO_CURSOR, 'x', 1).text).toBe('x');
  });
});

describe('console completion', () => {
  it('finds the common prefix', () => {
    expect(commonPrefix(['daemonsets', 'daemonset', 'daemon'])).toBe('daemon');
    expect(commonPrefix([])).toBe('');
  });

  it('completes the word being typed when there is one candidate', () => {
    expect(completeInput('kubectl get no', ['nodes'])).toEqual({ line: 'kubectl get nodes ', choices: [] });
  });

  it('accepts whole-line candidates too', () => {
    expect(completeInput('kubectl get no', ['kubectl get nodes'])).toEqual({
      line: 'kubectl get nodes ',
      choices: [],
    });
  });

  it('fills the shared prefix and lists the choices when there are several', () => {
    expect(completeInput('kubectl get po', ['pods', 'poddisruptionbudgets'])).toEqual({
      line: 'kubectl get pod',
      choices: ['pods', 'poddisruptionbudgets'],
    });
  });

  it('leaves the line alone with no candidates', () => {
    expect(completeInput('kubectl frob', [])).toEqual({ line: 'kubectl frob', choices: [] });
  });
});
