/** The duty tile's icon (a calendar with a tick), drawn inline like the shell's other icons. */
export function DutyIcon() {
  return (
    <svg viewBox="0 0 24 24" width="1em" height="1em" fill="none" stroke="currentColor" strokeWidth="2" strokeLinecap="round" strokeLinejoin="round" aria-hidden="true">
      <rect x="3" y="4.5" width="18" height="16" rx="2" />
      <path d="M3 9.5h18M8 2.5v4M16 2.5v4" />
      <path d="m8.5 15 2.5 2.5 4.5-4.5" />
    </svg>
  );
}
