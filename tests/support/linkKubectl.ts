// Evaluating kubectl's index links it for the layers above (src/kubectl/link.ts), as the headless
// runner and the CLI do; the engine worker imports it lazily instead.
import '../../src/kubectl';
