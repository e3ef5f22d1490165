/** The Switchboard logo: a headset on a blue tile. Decorative; the product name is always next to it. */
export function BrandMark({ size = 32 }: { size?: number }) {
  return (
    <svg width={size} height={size} viewBox="0 0 32 32" aria-hidden="true" className="sb-brand-mark">
      <rect width="32" height="32" rx="7" fill="#1458d6" />
      <path
        d="M9 14a7 7 0 0 1 14 0v5a2 2 0 0 1-2 2h-1v-7h2a5 5 0 0 0-10 0h2v7h-1a2 2 0 0 1-2-2z"
        fill="#fff"
      />
      <path
        d="M20 22.5c0 1.2-1.6 2.2-4 2.2"
        stroke="#fff"
        strokeWidth="1.6"
        fill="none"
        strokeLinecap="round"
      />
    </svg>
  );
}
