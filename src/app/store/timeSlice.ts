// The virtual clock as the worker last reported it.
import type { ClockState } from '../../worker/protocol';
import type { SliceCreator } from './types';

export interface TimeSlice {
  clock: ClockState;
  setClock(clock: ClockState): void;
}

export const createTimeSlice: SliceCreator<TimeSlice> = (set) => ({
  clock: { time: 0, playing: false, speed: 1 },
  setClock: (clock) => set({ clock }),
});
