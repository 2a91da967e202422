// The data-testid names the page and the Playwright specs share (STYLE.md §3 habit 14).
// Node cards carry data-node="<name>", pod chips data-pod="<name>" with data-phase,
// data-ready and data-revision; those attribute names are fixed here too.
export const TID = {
  editor: 'editor',
  editorErrors: 'editor-errors',
  nodeGrid: 'node-grid',
  nodeMenu: 'node-menu',
  nodeDialog: 'node-dialog',
  addNode: 'add-node',
  consoleInput: 'console-input',
  consoleOutput: 'console-output',
  play: 'play',
  pause: 'pause',
  step: 'step',
  speed: 'speed',
  restart: 'restart',
  simClock: 'sim-clock',
  inspector: 'inspector',
  events: 'events',
  dsStatus: 'ds-status',
  notices: 'notices',
  themeToggle: 'theme-toggle',
} as const;

export const ATTR = {
  node: 'data-node',
  pod: 'data-pod',
  phase: 'data-phase',
  ready: 'data-ready',
  revision: 'data-revision',
} as const;
