import { beforeAll, describe, expect, it } from 'vitest';
import { ExplainError, explainField, loadManifestSchema, wrap } from '../../../src/manifests/explain';
import type { ManifestSchema } from '../../../src/manifests/schemas/types';

let schema: ManifestSchema;
beforeAll(async () => {
  schema = await loadManifestSchema();
});

const explain = (path: string, recursive = false) => explainField(schema, path, { recursive });

function explainError(path: string): string {
  try {
    explain(path);
  } catch (e) {
    expect(e).toBeInstanceOf(ExplainError);
    return (e as Error).message;
  }
  throw new Error(`explain ${path} did not fail`);
}

describe('kubectl explain · resource names', () => {
  it.each(['ds', 'daemonset', 'daemonsets', 'DaemonSet', 'DAEMONSETS'])(
    'resolves %s to apps/v1 DaemonSet',
    (name) => {
      expect(explain(name)).toBe(explain('daemonset'));
      expect(explain(name)).toMatch(/^GROUP: {6}apps\nKIND: {7}DaemonSet\nVERSION: {4}v1\n\n/);
    },
  );

  it.each([
    { name: 'no', kind: 'Node' },
    { name: 'pods', kind: 'Pod' },
    { name: 'deploy', kind: 'Deployment' },
    { name: 'pc', kind: 'PriorityClass' },
    { name: 'priorityclasses', kind: 'PriorityClass' },
    { name: 'scenario', kind: 'Scenario' },
  ])('resolves $name to $kind', ({ name, kind }) => {
    expect(explain(name)).toContain(`KIND:       ${kind}\n`);
  });

  it('prints no GROUP line for the core group, as kubectl does', () => {
    expect(explain('pod')).toMatch(
      /^KIND: {7}Pod\nVERSION: {4}v1\n\nDESCRIPTION:\n {4}Pod is a collection of containers/,
    );
  });

  it.each([
    { path: 'foo', message: 'error: the server doesn\'t have a resource type "foo"' },
    // v1 List exists only in kubectl's client: the server has no resource to explain.
    { path: 'list', message: 'error: the server doesn\'t have a resource type "list"' },
    { path: '', message: 'error: You must specify the type of resource to explain.' },
  ])('answers "$path" with kubectl\'s error', ({ path, message }) => {
    expect(explainError(path)).toContain(message);
  });
});

describe('kubectl explain · field paths', () => {
  it("prints a field of an object type with its own and its type's description, then its fields (pinned layout)", () => {
    expect(explain('ds.spec.updateStrategy')).toBe(
      [
        'GROUP:      apps',
        'KIND:       DaemonSet',
        'VERSION:    v1',
        '',
        'FIELD: updateStrategy <DaemonSetUpdateStrategy>',
        '',
        '',
        'DESCRIPTION:',
        '    An update strategy to replace existing DaemonSet pods with new pods.',
        '    DaemonSetUpdateStrategy is a struct used to control the update strategy for',
        '    a DaemonSet.',
        '    ',
        'FIELDS:',
        '  rollingUpdate\t<RollingUpdateDaemonSet>',
        '    Rolling update config params. Present only if type = "RollingUpdate".',
        '',
        '  type\t<string>',
        '  enum: OnDelete, RollingUpdate',
        '    Type of daemon set update. Can be "RollingUpdate" or "OnDelete". Default is',
        '    RollingUpdate.',
        '    ',
        '    Possible enum values:',
        '     - `"OnDelete"` Replace the old daemons only when it\'s killed',
        '     - `"RollingUpdate"` Replace the old daemons by new ones using rolling',
        '    update i.e replace them on each node one after the other.',
        '',
        '',
        '',
      ].join('\n'),
    );
  });

  it.each([
    { path: 'ds.spec.minReadySeconds', field: 'minReadySeconds <integer>' },
    { path: 'ds.metadata', field: 'metadata <ObjectMeta>' },
    { path: 'pod.spec.containers', field: 'containers <[]Container>' },
    { path: 'pod.spec.nodeSelector', field: 'nodeSelector <map[string]string>' },
    { path: 'pod.spec.containers.resources.limits', field: 'limits <map[string]Quantity>' },
    { path: 'ds.spec.updateStrategy.rollingUpdate.maxUnavailable', field: 'maxUnavailable <IntOrString>' },
    // Time is a string in the API, whatever the schema allows for `creationTimestamp: null`.
    { path: 'pod.metadata.creationTimestamp', field: 'creationTimestamp <string>' },
    { path: 'node.spec.taints', field: 'taints <[]Taint>' },
    { path: 'node.status.capacity', field: 'capacity <map[string]Quantity>' },
    { path: 'scenario.spec.steps', field: 'steps <[]ScenarioStep>' },
  ])('types $path as kubectl does: $field', ({ path, field }) => {
    expect(explain(path)).toContain(`\nFIELD: ${field}\n`);
  });

  it("walks through arrays: pod.spec.containers.readinessProbe is the container's probe", () => {
    const out = explain('pod.spec.containers.readinessProbe');
    expect(out).toContain(
      'FIELD: readinessProbe <Probe>\n\n\nDESCRIPTION:\n    Periodic probe of container service readiness.',
    );
    expect(out).toContain('\n  periodSeconds\t<integer>\n    How often (in seconds) to perform the probe.');
    expect(out).toContain('\n  httpGet\t<HTTPGetAction>\n');
  });

  it('marks required fields -required-', () => {
    expect(explain('pod.spec')).toContain('\n  containers\t<[]Container> -required-\n');
    expect(explain('ds.spec')).toContain('\n  selector\t<LabelSelector> -required-\n');
    expect(explain('ds.spec')).toContain('\n  updateStrategy\t<DaemonSetUpdateStrategy>\n');
  });

  it("lists an enum field's values under FIELD, one per line", () => {
    expect(explain('pod.spec.restartPolicy')).toContain(
      'FIELD: restartPolicy <string>\nENUM:\n    Always\n    Never\n    OnFailure\n\nDESCRIPTION:\n',
    );
  });

  it.each([
    { path: 'pod.spec.tolerations', line: '  operator\t<string>\n  enum: Equal, Exists, Gt, Lt\n' },
    {
      path: 'node.spec.taints',
      line: '  effect\t<string> -required-\n  enum: NoExecute, NoSchedule, PreferNoSchedule\n',
    },
    // More than four values: kubectl shows four, then `, ....`.
    { path: 'pod.status', line: '  phase\t<string>\n  enum: Failed, Pending, Running, Succeeded, ....\n' },
  ])('shows enums in the field list of $path', ({ path, line }) => {
    expect(explain(path)).toContain(line);
  });

  it.each([
    { path: 'DaemonSet.spec.foo', field: 'foo' },
    { path: 'pod.spec.containers.readinessProbe.bar', field: 'bar' },
    { path: 'pod.spec.restartPolicy.always', field: 'always' },
  ])("answers an unknown field in $path with kubectl's error", ({ path, field }) => {
    expect(explainError(path)).toBe(`error: field "${field}" does not exist`);
  });

  it("prints the scenario step's fields from SCENARIO-FORMAT.md", () => {
    const out = explain('scenario.spec.steps');
    for (const field of ['kubectl', 'manifest', 'sim', 'wait'])
      expect(out).toContain(`\n  ${field}\t<string>\n`);
  });
});

describe('kubectl explain · --recursive', () => {
  it('prints field names and types below the path without descriptions', () => {
    expect(explain('ds.spec.updateStrategy', true)).toContain(
      'FIELDS:\n  rollingUpdate\t<RollingUpdateDaemonSet>\n    maxSurge\t<IntOrString>\n    maxUnavailable\t<IntOrString>\n  type\t<string>\n  enum: OnDelete, RollingUpdate\n',
    );
  });
});

describe('wrap (mitchellh/go-wordwrap, as kubectl uses it)', () => {
  it.each([
    { name: 'breaks at the last space that fits', text: 'aaa bbb ccc', limit: 7, want: 'aaa bbb\nccc' },
    { name: 'keeps existing line breaks', text: 'aaa\nbbb ccc', limit: 7, want: 'aaa\nbbb ccc' },
    {
      name: 'does not split a word longer than the limit',
      text: 'see https://example.com/x/y',
      limit: 10,
      want: 'see\nhttps://example.com/x/y',
    },
    { name: 'leaves short text alone', text: 'short', limit: 76, want: 'short' },
  ])('$name', ({ text, limit, want }) => {
    expect(wrap(limit, text)).toBe(want);
  });
});
