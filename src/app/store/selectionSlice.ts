// What the inspector shows: a node by name or a pod by uid (names are what people click;
// a pod's uid survives its rename-free replacement being a different pod).
import type { SliceCreator } from './types';

export type Selection = { kind: 'node'; name: string } | { kind: 'pod'; uid: string };

export interface SelectionSlice {
  selection: Selection | null;
  select(selection: Selection | null): void;
}

export const createSelectionSlice: SliceCreator<SelectionSlice> = (set) => ({
  selection: null,
  select: (selection) => set({ selection }),
});
