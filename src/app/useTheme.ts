// The current theme as React state, following the system until the user chooses.
import { useCallback, useEffect, useState } from 'react';
import type { Theme } from './theme';
import { applyTheme, initialTheme, saveTheme } from './theme';

export function useTheme(): [Theme, () => void] {
  const [theme, setTheme] = useState<Theme>(() => initialTheme());

  useEffect(() => applyTheme(theme), [theme]);

  useEffect(() => {
    const query = matchMedia('(prefers-color-scheme: dark)');
    const follow = () => setTheme(initialTheme());
    query.addEventListener('change', follow);
    return () => query.removeEventListener('change', follow);
  }, []);

  const toggle = useCallback(() => {
    setTheme((t) => {
      const next: Theme = t === 'dark' ? 'light' : 'dark';
      saveTheme(next);
      return next;
    });
  }, []);

  return [theme, toggle];
}
