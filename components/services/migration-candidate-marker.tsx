/** Flags a stateless service that still changes in place: the first thing to migrate. */
export function MigrationCandidateMarker() {
  return (
    <span className="inline-flex items-center gap-1 whitespace-nowrap rounded-full bg-mutable px-2 py-0.5 text-xs font-medium text-white">
      <span aria-hidden>↗</span> migration candidate
    </span>
  );
}
