// Short messages for the page: the worker crashed, a link failed, a scenario did not load.
import type { SliceCreator } from './types';

export interface Notice {
  id: number;
  level: 'info' | 'warning' | 'error';
  text: string;
}

export interface NoticeSlice {
  notices: Notice[];
  noticeSeq: number;
  pushNotice(level: Notice['level'], text: string): number;
  dismissNotice(id: number): void;
}

const MAX_NOTICES = 4;

export const createNoticeSlice: SliceCreator<NoticeSlice> = (set, get) => ({
  notices: [],
  noticeSeq: 0,
  pushNotice: (level, text) => {
    // The same message twice in a row (a crash on every tick, say) shows once.
    const last = get().notices.at(-1);
    if (last && last.text === text && last.level === level) return last.id;
    const id = get().noticeSeq + 1;
    set((s) => ({ noticeSeq: id, notices: [...s.notices, { id, level, text }].slice(-MAX_NOTICES) }));
    return id;
  },
  dismissNotice: (id) => set((s) => ({ notices: s.notices.filter((n) => n.id !== id) })),
});
