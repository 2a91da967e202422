import { describe, expect, it } from 'vitest';
import { EMBED_DEFAULT_PANELS, parseEmbed, playgroundHref } from '../../../src/app/embed';
import { ALL_OPEN, PANEL_PREFS_KEY, loadCollapsed, saveCollapsed } from '../../../src/app/layout/panelPrefs';

describe('embed mode: the URL flags', () => {
  it.each([
    ['', null],
    ['?embed=0', null],
    ['?scenario=rolling-update', null],
    ['?embed=1', { panels: EMBED_DEFAULT_PANELS }],
    ['?embed=1&panels=console,grid', { panels: ['grid', 'console'] }],
    ['?embed=1&panels=grid,nonsense', { panels: ['grid'] }],
    ['?embed=1&panels=nonsense', { panels: EMBED_DEFAULT_PANELS }],
    ['?embed=true&panels=story&theme=dark', { panels: ['story'], theme: 'dark' }],
    ['?embed=1&theme=purple', { panels: EMBED_DEFAULT_PANELS }],
  ])('%s → %j', (search, expected) => {
    expect(parseEmbed(search)).toEqual(expected);
  });

  it('links out to the same scenario or run without the embed flags, keeping the fragment', () => {
    expect(playgroundHref('https://x.test/pg/?embed=1&panels=grid&scenario=on-delete#v1:abc')).toBe(
      'https://x.test/pg/?scenario=on-delete#v1:abc',
    );
    expect(playgroundHref('https://x.test/pg/?embed=1&theme=dark')).toBe('https://x.test/pg/');
  });
});

describe('folded panels: remembered under their own key', () => {
  const memory = () => {
    const map = new Map<string, string>();
    return {
      map,
      getItem: (k: string) => map.get(k) ?? null,
      setItem: (k: string, v: string) => void map.set(k, v),
      removeItem: (k: string) => void map.delete(k),
    };
  };

  it('round-trips a choice', () => {
    const store = memory();
    saveCollapsed(store, { editor: true, inspector: false, events: true });
    expect(loadCollapsed(store)).toEqual({ editor: true, inspector: false, events: true });
    expect([...store.map.keys()]).toEqual([PANEL_PREFS_KEY]);
  });

  it.each([['not json'], ['null'], ['"editor"'], ['{"editor":"yes"}']])(
    'reads %s as every panel open',
    (raw) => {
      const store = memory();
      store.setItem(PANEL_PREFS_KEY, raw);
      expect(loadCollapsed(store)).toEqual(ALL_OPEN);
    },
  );

  it('without storage (an embed) reads every panel open and writes nothing', () => {
    expect(loadCollapsed(undefined)).toEqual(ALL_OPEN);
    expect(() => saveCollapsed(undefined, ALL_OPEN)).not.toThrow();
  });
});
