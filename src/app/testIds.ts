// The data-testid names the page and the Playwright specs share.
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
  /** A command snippet's buttons (inspector, lessons, scenario texts): run it in the console, copy it. */
  snippetRun: 'snippet-run',
  snippetCopy: 'snippet-copy',
  play: 'play',
  pause: 'pause',
  step: 'step',
  speed: 'speed',
  restart: 'restart',
  simClock: 'sim-clock',
  inspector: 'inspector',
  /** The inspector's "next run" line for a CronJob's Job pod. */
  cronJobNextRun: 'cronjob-next-run',
  events: 'events',
  dsStatus: 'ds-status',
  notices: 'notices',
  themeToggle: 'theme-toggle',
  /** Rollouts: the history panel of a DaemonSet, its undo buttons carry data-revision. */
  rolloutHistory: 'rollout-history',
  rolloutProgress: 'rollout-progress',
  /** The workload controllers' comparison: its toggle and its per-workload counts. */
  compareToggle: 'compare-workloads',
  workloadSummary: 'workload-summary',
  /** Inspector: a container's state line, the pod's logs, why it is Pending. */
  containerHeadline: 'container-headline',
  podLogs: 'pod-logs',
  pendingReason: 'pending-reason',
  /** Inspector: what a StatefulSet waits for on this pod (OrderedReady, at most one per identity). */
  statefulSetWait: 'statefulset-wait',
  /** One notice (a broken link's message, say); `notices` is their list. */
  notice: 'notice',
  share: 'share',
  shareUrl: 'share-url',
  shareWarning: 'share-warning',
  shareDownload: 'share-download',
  timeline: 'timeline',
  reset: 'reset',
  importOpen: 'import',
  importText: 'import-text',
  importFile: 'import-file',
  importReplace: 'import-replace',
  importSubmit: 'import-submit',
  exportOpen: 'export',
  exportKeepPlayground: 'export-keep-playground',
  exportPreview: 'export-preview',
  exportManifests: 'export-manifests',
  exportScript: 'export-script',
  /** The scenario gallery (entries carry data-scenario="<name>"), and the button that opens it. */
  gallery: 'gallery',
  galleryOpen: 'gallery-open',
  /** The workshop lesson: its panel, "done / total", the current task and its hint button. */
  lesson: 'lesson',
  lessonProgress: 'lesson-progress',
  lessonTask: 'lesson-task',
  lessonHint: 'lesson-hint',
  /** "Check my work" on the current task, and its answer (data-state: passed or unmet). */
  lessonCheck: 'lesson-check',
  lessonCheckResult: 'lesson-check-result',
  /** Predict, then watch: the question, its choices, the lock-in button and the revealed answer. */
  lessonPredict: 'lesson-predict',
  lessonPredictChoice: 'lesson-predict-choice',
  lessonPredictSubmit: 'lesson-predict-submit',
  lessonReveal: 'lesson-reveal',
  /** A finished lesson's proof of completion: the button and the link it shows. */
  lessonProof: 'lesson-proof',
  lessonProofUrl: 'lesson-proof-url',
  /** The teacher's view of the lesson's source. */
  lessonSource: 'lesson-source',
  lessonSourceDialog: 'lesson-source-dialog',
  lessonSourceText: 'lesson-source-text',
  presenter: 'presenter',
  /**
   * The page's layout: the phone's panel tabs (each carries data-panel), a fold button of a
   * panel (data-panel, aria-expanded), the skip links, the presenter's revision legend and an
   * embed's "open in the playground" link.
   */
  panelTabs: 'panel-tabs',
  panelFold: 'panel-fold',
  skipLinks: 'skip-links',
  revisionLegend: 'revision-legend',
  openInPlayground: 'open-in-playground',
  /** What a render error shows instead of a blank page, and the button after too many worker crashes. */
  errorBoundary: 'error-boundary',
  restartEngine: 'restart-engine',
  /**
   * The overview that replaces the node cards on big clusters: its canvas, the group-by select,
   * the filter box and the state select, zoom buttons, the accessible list of nodes (rows carry
   * data-node like the cards), and "N of M nodes".
   */
  gridOverview: 'grid-overview',
  gridCanvas: 'grid-canvas',
  gridGroupBy: 'grid-group-by',
  gridFilter: 'grid-filter',
  gridStateFilter: 'grid-state-filter',
  gridZoomIn: 'grid-zoom-in',
  gridZoomOut: 'grid-zoom-out',
  gridZoomReset: 'grid-zoom-reset',
  nodeList: 'node-list',
  gridShowing: 'grid-showing',
} as const;

export const ATTR = {
  node: 'data-node',
  pod: 'data-pod',
  phase: 'data-phase',
  ready: 'data-ready',
  revision: 'data-revision',
  /** The owning workload's kind (DaemonSet, Deployment, ReplicaSet, Pod) and name. */
  kind: 'data-kind',
  workload: 'data-workload',
  restarts: 'data-restarts',
  /** On a pod chip whose controller let it go: the kind that would adopt it (DaemonSet, ReplicaSet). */
  orphan: 'data-orphan',
  /** A gallery entry's scenario name. */
  scenario: 'data-scenario',
  /** On the overview canvas: where the first listed node is drawn, `x y size` in CSS pixels. */
  firstCell: 'data-first-cell',
  /** On the overview: the zoom factor (`1.00` when not zoomed). */
  zoom: 'data-zoom',
  /**
   * On the editor pane: which editor takes input (editorPane/EditorPane.tsx EditorKind):
   * `waiting` (the read-only text before Monaco), `monaco`, or `textarea` (Monaco failed to load).
   */
  editorKind: 'data-editor-kind',
} as const;
