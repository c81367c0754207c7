/** Berth's mark: a quay with stacked containers, drawn in the current text colour. */
export function BrandMark({ size = 24 }: { size?: number }) {
  return (
    <svg
      width={size}
      height={size}
      viewBox="0 0 24 24"
      aria-hidden="true"
      focusable="false"
      fill="none"
      stroke="currentColor"
      strokeWidth={1.5}
      strokeLinejoin="round"
    >
      <path d="M3 15h18l-2.5 5h-13z M6 13V7h4v6 M11 13V4h4v9 M16 13V9h3v4" />
    </svg>
  );
}
