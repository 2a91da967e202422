import { describe, expect, it } from 'vitest';
import { describeBlocks } from '../../../src/app/inspector/describeText';

describe('scenario description blocks', () => {
  it('joins wrapped lines into paragraphs and shows command lines as code', () => {
    expect(
      describeBlocks('fluentd runs\non every node.\n\nRoll it out:\nkubectl set image ds/f f=x -n k\n'),
    ).toEqual([
      { kind: 'text', text: 'fluentd runs on every node.' },
      { kind: 'text', text: 'Roll it out:' },
      { kind: 'code', text: 'kubectl set image ds/f f=x -n k' },
    ]);
  });

  it('drops a leading "$ " prompt from a command', () => {
    expect(describeBlocks('$ kubectl get ds')).toEqual([{ kind: 'code', text: 'kubectl get ds' }]);
  });
});
