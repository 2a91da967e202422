import { describe, expect, it } from 'vitest';
import { loadManifests } from '../../../src/manifests';
import { GALLERY, galleryEntry } from '../../../src/scenario/gallery';
import { parseScenarioDoc } from '../../../src/scenario/scenarioDoc';
import { ScenarioSession } from '../../../src/scenario/session';
import { galleryFileNames, galleryText } from './galleryFiles';

describe('the gallery index', () => {
  it('lists every scenario file once, and only those', () => {
    expect(GALLERY.map((e) => e.name).sort()).toEqual(galleryFileNames());
    expect(new Set(GALLERY.map((e) => e.name)).size).toBe(GALLERY.length);
  });

  it('holds at least 12 scenarios, at least 2 of them lessons', () => {
    expect(GALLERY.length).toBeGreaterThanOrEqual(12);
    expect(GALLERY.filter((e) => e.lesson).length).toBeGreaterThanOrEqual(2);
  });

  it('finds an entry by name', () => {
    expect(galleryEntry('node-failure')?.title).toMatch(/Node failure/);
    expect(galleryEntry('nope')).toBeUndefined();
  });

  it.each(GALLERY.map((e) => [e.name, e] as const))(
    '%s: loads without errors, and its name, title and lesson flag match the Scenario document',
    (name, entry) => {
      const { session, errors } = ScenarioSession.create(galleryText(name));
      expect(errors).toEqual([]);
      const doc = session?.scenario;
      expect(doc?.name).toBe(name);
      expect(doc?.title).toBe(entry.title);
      expect(doc?.lesson !== undefined).toBe(entry.lesson);
      expect(entry.summary.length).toBeGreaterThan(20);
    },
  );

  it.each(GALLERY.map((e) => [e.name] as const))(
    '%s: has a teaching description (a few paragraphs, with commands in code)',
    (name) => {
      const raw = loadManifests(galleryText(name)).scenario;
      expect(raw).not.toBeNull();
      const { scenario } = parseScenarioDoc(raw!);
      expect(scenario.description.split(/\n\s*\n/).length).toBeGreaterThanOrEqual(2);
      expect(scenario.description).toMatch(/`[^`]+`/);
      // A description is Markdown without raw HTML (the page renders it as text); `<name>` in code is fine.
      expect(scenario.description.replace(/`[^`]*`/g, '')).not.toMatch(/<[a-z][^>]*>/i);
    },
  );
});
