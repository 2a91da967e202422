// Entry points into the page's bridge (services.ts) for the page's start-up (main.tsx) and the
// editor pane, which import them by these names; everything else takes the bridge from context.
import { appServices } from './services';

export const { startEngine, installTestHooks, applyEditorText } = appServices.bridge;
