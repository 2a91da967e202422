// Notices in the corner: errors stay until dismissed, information fades after a few seconds.
import { useEffect } from 'react';
import { useAppStore } from '../store';
import { TID } from '../testIds';
import type { Notice } from '../store/noticeSlice';

function NoticeItem({ notice }: { notice: Notice }) {
  const dismiss = useAppStore((s) => s.dismissNotice);
  useEffect(() => {
    if (notice.level === 'error') return;
    const t = setTimeout(() => dismiss(notice.id), 6000);
    return () => clearTimeout(t);
  }, [notice, dismiss]);
  return (
    <li
      className={`notice notice--${notice.level}`}
      data-testid={TID.notice}
      data-level={notice.level}
      role={notice.level === 'error' ? 'alert' : 'status'}
    >
      <span className="notice__text">{notice.text}</span>
      <button
        type="button"
        className="icon-button icon-button--small"
        aria-label="Dismiss"
        onClick={() => dismiss(notice.id)}
      >
        ×
      </button>
    </li>
  );
}

export function Notices() {
  const notices = useAppStore((s) => s.notices);
  return (
    <ul className="notices" data-testid={TID.notices} aria-label="Notices">
      {notices.map((n) => (
        <NoticeItem key={n.id} notice={n} />
      ))}
    </ul>
  );
}
