// The kinds Kubernetes' OpenAPI spec does not describe: `v1 List` (kubectl's client-side list,
// meta/v1 List in k8s.io/apimachinery/pkg/apis/meta/v1/types.go) and the playground's own
// `playground/v1 Scenario` (the contract in shared/SCENARIO-FORMAT.md), plus the dispatch on
// `kind` that lets one schema validate every document of a multi-document stream.
import type { GroupVersionKind, JsonSchema } from '../../src/manifests/schemas/types';

/** ManifestKind is a kind a scenario stream may hold, and the definition that describes it. */
export interface ManifestKind {
  apiVersion: string;
  kind: string;
  definition: string;
}

export const listDefinition = 'io.k8s.api.core.v1.List';
export const objectDefinition = 'playground.v1.Object';
export const scenarioDefinition = 'playground.v1.Scenario';

const ref = (name: string): JsonSchema => ({ $ref: `#/definitions/${name}` });
const gvk = (group: string, version: string, kind: string): GroupVersionKind[] => [{ group, kind, version }];

/** dispatch returns the schema that validates a document against the definition its `kind` names. */
export function dispatch(kinds: ManifestKind[], description: string): JsonSchema {
  return {
    description,
    type: 'object',
    required: ['apiVersion', 'kind'],
    // Listed here so that completion offers them in an empty document; each kind's own
    // definition carries the field documentation.
    properties: {
      apiVersion: { type: 'string', enum: [...new Set(kinds.map((k) => k.apiVersion))] },
      kind: { type: 'string', enum: kinds.map((k) => k.kind) },
    },
    // if/then rather than oneOf: only the matching kind's errors are reported, and a wrong
    // apiVersion for a known kind says which one is expected.
    allOf: kinds.map(({ apiVersion, kind, definition }) => ({
      if: { properties: { kind: { const: kind } }, required: ['kind'] },
      then: { allOf: [ref(definition), { properties: { apiVersion: { const: apiVersion } } }] },
    })),
  };
}

/** listSchema is kubectl's `v1 List`, so that `kubectl get nodes -o yaml` output can be pasted in. */
export function listSchema(typeMeta: { apiVersion: string; kind: string }): JsonSchema {
  return {
    description: 'List holds a list of objects, which may not be known by the server.',
    type: 'object',
    required: ['items'],
    properties: {
      apiVersion: { description: typeMeta.apiVersion, type: 'string' },
      items: { description: 'List of objects', type: 'array', items: ref(objectDefinition) },
      kind: { description: typeMeta.kind, type: 'string' },
      metadata: {
        description:
          'Standard list metadata. More info: https://git.k8s.io/community/contributors/devel/sig-architecture/api-conventions.md#types-kinds',
        ...ref('io.k8s.apimachinery.pkg.apis.meta.v1.ListMeta'),
      },
    },
    additionalProperties: false,
    'x-kubernetes-group-version-kind': gvk('', 'v1', 'List'),
  };
}

// Durations are Go's (time.ParseDuration), as kubectl's flags take them.
const duration = '(\\d+(\\.\\d+)?(ns|us|µs|ms|s|m|h))+';

/** scenarioSchemas returns the definitions of the Scenario kind, documented as SCENARIO-FORMAT.md §2 states it. */
export function scenarioSchemas(typeMeta: { apiVersion: string; kind: string }): Record<string, JsonSchema> {
  return {
    [scenarioDefinition]: {
      description:
        "Scenario is the playground's own kind: a title, a description shown beside the grid, and timed steps. A stream holds at most one; the other documents are the cluster it starts from.",
      type: 'object',
      required: ['spec'],
      properties: {
        apiVersion: { description: typeMeta.apiVersion, type: 'string' },
        kind: { description: typeMeta.kind, type: 'string' },
        metadata: {
          description: "Standard object's metadata: the scenario's name.",
          ...ref('io.k8s.apimachinery.pkg.apis.meta.v1.ObjectMeta'),
        },
        spec: {
          description: 'What the learner reads and the steps that play out.',
          ...ref('playground.v1.ScenarioSpec'),
        },
      },
      additionalProperties: false,
      'x-kubernetes-group-version-kind': gvk('playground', 'v1', 'Scenario'),
    },
    // Open (no additionalProperties: false), so that a later field does not mark today's files.
    'playground.v1.ScenarioSpec': {
      description:
        'ScenarioSpec is a guided run: its title, its description, its steps and an optional lesson.',
      type: 'object',
      properties: {
        description: { description: 'Markdown shown beside the grid.', type: 'string' },
        lesson: {
          description: 'A workshop: tasks the learner works through, each checked live (docs/lessons.md).',
          ...ref('playground.v1.Lesson'),
        },
        seed: {
          description:
            "Seed of the simulation's random source (pod names, jitter). Optional; the same seed gives the same run.",
          type: 'integer',
        },
        steps: {
          description: 'Steps run in order, each one after the previous one has finished.',
          type: 'array',
          items: ref('playground.v1.ScenarioStep'),
        },
        title: { description: 'Title of the scenario.', type: 'string' },
      },
    },
    ...lessonSchemas(),
    'playground.v1.ScenarioStep': {
      description: 'A step is exactly one of `kubectl` (with an optional `manifest`), `sim` or `wait`.',
      type: 'object',
      properties: {
        kubectl: {
          description:
            "A kubectl command line, without `kubectl`, parsed as the in-app console parses it: apply -f - (with `manifest`), delete, get, describe, label, annotate, taint (`key-` and `key:Effect-` remove a taint), cordon, uncordon, drain (--ignore-daemonsets, --force, --delete-emptydir-data), set image, set resources, patch (--type merge|json|strategic), rollout status|history|undo [--to-revision=N]|restart|pause, top nodes|pods, get events. Output and errors read like real kubectl's.",
          type: 'string',
        },
        manifest: {
          description: 'The YAML that `kubectl: apply -f -` reads from standard input.',
          type: 'string',
        },
        sim: {
          description:
            'What a real cluster does to you, an action with no kubectl verb: `node add <name> [--label k=v]... [--taint k=v:Effect]... [--cpu 4] [--memory 8Gi]`, `node remove <name>` (the machine disappears), `node fail <name>` (the kubelet stops reporting: NotReady after the node-monitor grace period, then the node.kubernetes.io/unreachable taints), `node recover <name>`, `node pressure <name> memory|disk|pid [on|off]`, `pod crash <ns/pod>`, `cluster grow <count> [--zones N]` (thousands of worker nodes over zones and node pools in one step).',
          type: 'string',
          pattern: '^\\s*(node\\s+(add|remove|fail|recover|pressure)|pod\\s+crash|cluster\\s+grow)\\s+\\S',
          patternErrorMessage:
            'expected node add|remove|fail|recover|pressure <name>, pod crash <ns/pod> or cluster grow <count>',
        },
        wait: {
          description:
            "A duration lets simulated time pass (Go style: 500ms, 10s, 2m, 1h30m); `rollout <ds> [-n ns]` waits until `kubectl rollout status` would return (timeout 10m); `ready <ds> [-n ns]` waits until the DaemonSet's pods are ready.",
          type: 'string',
          pattern: `^\\s*(${duration}|(rollout|ready)\\s+\\S.*)\\s*$`,
          patternErrorMessage:
            'expected a duration (30s, 2m, 1h30m), rollout <ds> [-n ns] or ready <ds> [-n ns]',
        },
      },
      oneOf: [{ required: ['kubectl'] }, { required: ['sim'] }, { required: ['wait'] }],
      dependencies: { manifest: ['kubectl'] },
      defaultSnippets: [
        { label: 'wait', description: 'let simulated time pass', body: { wait: '${1:30s}' } },
        {
          label: 'kubectl',
          description: 'run a kubectl command',
          body: { kubectl: '${1:get pods -o wide}' },
        },
        {
          label: 'sim',
          description: 'a node event',
          body: { sim: 'node ${1|fail,recover,remove|} ${2:node-1}' },
        },
      ],
    },
  };
}

// A check's command must be `kubectl get` (optionally `-n NS` first); the loader says the same with a line.
const getCommand = '^\\s*(kubectl\\s+)?((-n|--namespace)(\\s+|=)\\S+\\s+)?get(\\s|$)';

/** lessonSchemas returns the definitions of `spec.lesson`, documented as docs/lessons.md states it. */
function lessonSchemas(): Record<string, JsonSchema> {
  const check = ref('playground.v1.LessonCheck');
  return {
    'playground.v1.Lesson': {
      description: 'Lesson is a list of tasks, completed in order: only the current task is checked.',
      type: 'object',
      required: ['tasks'],
      properties: {
        tasks: {
          description: 'The tasks, in the order the learner does them.',
          type: 'array',
          minItems: 1,
          items: ref('playground.v1.LessonTask'),
        },
      },
      additionalProperties: false,
    },
    'playground.v1.LessonTask': {
      description: 'A task: what to do, hints revealed one by one, and the check that tells when it is done.',
      type: 'object',
      required: ['title', 'check'],
      properties: {
        title: { description: 'One line: what to achieve.', type: 'string' },
        description: {
          description:
            'Markdown: paragraphs, **bold**, `code`, lists, fenced code and http(s) links; no HTML.',
          type: 'string',
        },
        hints: {
          description: 'Hints in Markdown, revealed one at a time, from a nudge to the answer.',
          type: 'array',
          items: { type: 'string' },
        },
        check: { description: 'Passes when the task is done.', ...check },
        predict: {
          description:
            'Predict, then watch: a multiple-choice question answered before acting; the check waits for the answer.',
          type: 'object',
          required: ['question', 'choices', 'answer', 'explain'],
          properties: {
            question: { description: 'What the learner predicts.', type: 'string' },
            choices: {
              description: 'Two or more answers to pick from.',
              type: 'array',
              minItems: 2,
              items: { type: 'string' },
            },
            answer: { description: 'The number of the right choice, from 1.', type: 'integer', minimum: 1 },
            explain: {
              description: 'Markdown shown once the task is done: what happened and why.',
              type: 'string',
            },
          },
          additionalProperties: false,
        },
      },
      additionalProperties: false,
    },
    'playground.v1.LessonCheck': {
      description:
        'A read-only test of the cluster: one `kubectl get` with an expectation on its output, or all:, any: or not: over other checks.',
      type: 'object',
      properties: {
        kubectl: {
          description:
            'A `kubectl get` command line (only get: a check never changes the cluster), e.g. `get pods -n kube-system -l name=fluentd --field-selector spec.nodeName=node-3 -o name`.',
          type: 'string',
          pattern: getCommand,
          patternErrorMessage: 'a check runs kubectl get and nothing else',
        },
        expect: {
          description: 'What the command must print; without it, it must succeed and print something.',
          ...ref('playground.v1.LessonExpect'),
        },
        all: { description: 'Passes when every check passes.', type: 'array', minItems: 1, items: check },
        any: {
          description: 'Passes when at least one check passes.',
          type: 'array',
          minItems: 1,
          items: check,
        },
        not: { description: 'Passes when this check does not.', ...check },
        unmet: {
          description:
            'What "Check my work" says when this check fails, in plain words ("fluentd still runs on node-3"); {output} stands for the command\'s output.',
          type: 'string',
          minLength: 1,
        },
      },
      additionalProperties: false,
      oneOf: [{ required: ['kubectl'] }, { required: ['all'] }, { required: ['any'] }, { required: ['not'] }],
      dependencies: { expect: ['kubectl'] },
    },
    'playground.v1.LessonExpect': {
      description: "Expectations on the command's output; every one given must hold.",
      type: 'object',
      properties: {
        empty: { description: 'The output is empty (true) or not (false).', type: 'boolean' },
        equals: {
          description: 'The output, trimmed, equals this text.',
          type: ['string', 'number', 'boolean'],
        },
        contains: { description: 'The output contains this text.', type: ['string', 'number', 'boolean'] },
        matches: {
          description: 'The output matches this JavaScript regular expression (^ and $ match at each line).',
          type: 'string',
        },
        lines: {
          description: 'The number of non-empty output lines: 3, or a comparison such as ">= 2".',
          oneOf: [
            { type: 'integer', minimum: 0 },
            { type: 'string', pattern: '^\\s*(==|=|>=|<=|>|<)?\\s*\\d+\\s*$' },
          ],
        },
        error: {
          description: 'The command fails (true), e.g. NotFound; by default it must succeed.',
          type: 'boolean',
        },
        sameWordsAs: {
          description:
            'Another `kubectl get` whose output has the same words in any order, e.g. the nodes a label selects.',
          type: 'string',
          pattern: getCommand,
          patternErrorMessage: 'a check runs kubectl get and nothing else',
        },
        includesWordsOf: {
          description:
            'Another `kubectl get` every word of which the output has too, more allowed, e.g. every worker node among the nodes a Job completed on.',
          type: 'string',
          pattern: getCommand,
          patternErrorMessage: 'a check runs kubectl get and nothing else',
        },
      },
      additionalProperties: false,
    },
  };
}
