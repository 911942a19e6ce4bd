/** CALOR's mark: a rising sun over a warm horizon. Decorative; the wordmark carries the name. */
export function BrandMark({ className }: { className?: string }) {
  return (
    <svg viewBox="0 0 32 32" className={className} aria-hidden="true" focusable="false">
      <defs>
        <linearGradient id="calor-mark" x1="0" y1="0" x2="0" y2="1">
          <stop offset="0" stopColor="#fd8038" />
          <stop offset="1" stopColor="#d94408" />
        </linearGradient>
      </defs>
      <rect width="32" height="32" rx="9" fill="url(#calor-mark)" />
      <circle cx="16" cy="19" r="7" fill="#fff6ed" />
      <rect x="4" y="19" width="24" height="9" fill="url(#calor-mark)" />
      <path d="M6 22.5h20M9 25.5h14" stroke="#fff6ed" strokeWidth="1.6" strokeLinecap="round" />
    </svg>
  );
}
