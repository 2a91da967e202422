// Scenario steps read Go durations as kubectl's flags do; the parser lives with kubectl's.
export { formatDuration, parseDuration } from '../kubectl/util/duration';
