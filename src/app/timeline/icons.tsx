// Small inline icons for the time controls: fonts do not all have ▶ ❚❚ ⏭ ⟲ glyphs.
const common = {
  width: 14,
  height: 14,
  viewBox: '0 0 16 16',
  'aria-hidden': true,
  focusable: false,
} as const;

export function PlayIcon() {
  return (
    <svg {...common}>
      <path d="M4 2.5v11l9-5.5z" fill="currentColor" />
    </svg>
  );
}

export function PauseIcon() {
  return (
    <svg {...common}>
      <rect x="3.5" y="2.5" width="3" height="11" rx="1" fill="currentColor" />
      <rect x="9.5" y="2.5" width="3" height="11" rx="1" fill="currentColor" />
    </svg>
  );
}

export function StepIcon() {
  return (
    <svg {...common}>
      <path d="M3 2.5v11l7.5-5.5z" fill="currentColor" />
      <rect x="11" y="2.5" width="2.5" height="11" rx="1" fill="currentColor" />
    </svg>
  );
}

export function RestartIcon() {
  return (
    <svg {...common}>
      <path
        d="M3.2 8a4.8 4.8 0 1 0 1.5-3.5"
        fill="none"
        stroke="currentColor"
        strokeWidth="1.8"
        strokeLinecap="round"
      />
      <path d="M2.5 1.8v3.7h3.7z" fill="currentColor" />
    </svg>
  );
}
