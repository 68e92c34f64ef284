/** The tile's icon (a person with a thermometer), drawn inline like the shell's other icons. */
export function ObservationIcon() {
  return (
    <svg viewBox="0 0 24 24" width="1em" height="1em" fill="none" stroke="currentColor" strokeWidth="2" strokeLinecap="round" strokeLinejoin="round" aria-hidden="true">
      <circle cx="9" cy="7" r="3.5" />
      <path d="M2.5 20c.9-3.8 3.4-6 6.5-6 1.6 0 3 .5 4.1 1.5" />
      <path d="M18 4.5a1.8 1.8 0 0 1 3.6 0v8.2a3.2 3.2 0 1 1-3.6 0Z" />
      <path d="M19.8 9v5.5" />
    </svg>
  );
}
