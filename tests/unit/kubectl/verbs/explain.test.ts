import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { complete, setExplainSchema } from '../../../../src/kubectl/index';
import { explainField, loadManifestSchema } from '../../../../src/manifests/explain';
import type { ManifestSchema } from '../../../../src/manifests/schemas/types';
import { kubectl, newCluster } from '../helpers';

let schema: ManifestSchema;
const sim = newCluster({ nodes: 1 });

beforeAll(async () => {
  schema = await loadManifestSchema();
  setExplainSchema(schema);
});
afterAll(() => setExplainSchema(undefined));

describe('kubectl explain', () => {
  it('answers that the schema is still loading until the host has set it', () => {
    setExplainSchema(undefined);
    try {
      expect(kubectl(sim, 'explain pods')).toEqual({
        stdout: '',
        stderr: 'error: the schema is still loading, try again in a moment\n',
        exitCode: 1,
      });
    } finally {
      setExplainSchema(schema);
    }
  });

  it.each([
    { name: 'a resource', line: 'explain pods', path: 'pods', recursive: false },
    {
      name: 'a field path',
      line: 'explain ds.spec.updateStrategy',
      path: 'ds.spec.updateStrategy',
      recursive: false,
    },
    {
      name: 'a group-qualified resource',
      line: 'explain deployments.apps.spec.paused',
      path: 'deployments.spec.paused',
      recursive: false,
    },
    {
      name: 'field names only with --recursive',
      line: 'explain no.spec --recursive',
      path: 'no.spec',
      recursive: true,
    },
    {
      name: 'the resource at the --api-version it is served at',
      line: 'explain deploy --api-version=apps/v1',
      path: 'deploy',
      recursive: false,
    },
  ])('prints $name as the plaintext template does', ({ line, path, recursive }) => {
    expect(kubectl(sim, line)).toEqual({
      stdout: explainField(schema, path, { recursive }),
      stderr: '',
      exitCode: 0,
    });
  });

  it('starts with the group, kind and version, then the field', () => {
    expect(kubectl(sim, 'explain deploy.spec.paused').stdout).toMatch(
      /^GROUP: {6}apps\nKIND: {7}Deployment\nVERSION: {4}v1\n\nFIELD: paused <boolean>\n/,
    );
  });

  // explain.go Validate and explain/v2 PrintModelDescription, plaintext.tmpl
  it.each([
    {
      name: 'no resource',
      line: 'explain',
      want: 'error: You must specify the type of resource to explain. Use "kubectl api-resources" for a complete list of supported resources.\n',
    },
    {
      name: 'two arguments',
      line: 'explain pods nodes',
      want: 'error: We accept only this format: explain RESOURCE\n',
    },
    { name: 'an unknown field', line: 'explain pods.spec.foo', want: 'error: field "foo" does not exist\n' },
    {
      name: 'an unknown resource',
      line: 'explain widgets',
      want: 'error: the server doesn\'t have a resource type "widgets"\n',
    },
    {
      name: 'a group/version the server does not serve',
      line: 'explain deploy --api-version=apps/v2',
      want: 'error: couldn\'t find resource for "apps/v2, Resource=deployments"\n',
    },
    {
      name: 'a resource from another group/version',
      line: 'explain pods --api-version=apps/v1',
      want: 'error: GVR (apps/v1, Resource=pods) not found in OpenAPI schema\n',
    },
    {
      name: 'a malformed group/version',
      line: 'explain pods --api-version=a/b/c',
      want: 'error: unexpected GroupVersion string: a/b/c\n',
    },
  ])('refuses $name', ({ line, want }) => {
    expect(kubectl(sim, line)).toEqual({ stdout: '', stderr: want, exitCode: 1 });
  });
});

describe('kubectl explain · completion', () => {
  // cmd/explain/completion.go: resources end in ".", fields with sub-fields too, leaves do not.
  it.each([
    { name: 'resources', line: 'explain dae', want: ['daemonsets.'] },
    { name: 'expandable fields', line: 'explain deployments.spec.st', want: ['deployments.spec.strategy.'] },
    {
      name: 'leaf fields',
      line: 'explain pods.spec.containers.ima',
      want: ['pods.spec.containers.image', 'pods.spec.containers.imagePullPolicy'],
    },
    { name: 'nothing under a leaf', line: 'explain pods.spec.nodeName.', want: [] },
  ])('completes $name', ({ line, want }) => {
    expect(complete(sim, line)).toEqual(want);
  });
});
