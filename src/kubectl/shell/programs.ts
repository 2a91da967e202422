// The programs a console pipeline may run after `|`, by name. kubectl is not here: the runner
// runs it itself, since it alone needs the simulation.
import { awk } from './awk';
import { cut } from './cut';
import { grep } from './grep';
import { head, tail } from './headTail';
import { jq } from './jq/index';
import type { Program } from './program';
import { sort } from './sort';
import { uniq } from './uniq';
import { wc } from './wc';
import { xargs } from './xargs';

export const PROGRAMS: Readonly<Record<string, Program>> = {
  grep,
  jq,
  awk,
  cut,
  head,
  tail,
  sort,
  uniq,
  wc,
  xargs,
};

/** programNames lists what the console runs, for its messages and completion. */
export const programNames = (): string[] => ['kubectl', ...Object.keys(PROGRAMS)];
