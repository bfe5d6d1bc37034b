/** A placeholder with the exact box sizes of a pick card, so the list does not shift when picks arrive. */
export function SkeletonCard() {
  return (
    <li class="card sk" part="card skeleton" aria-hidden="true">
      <div class="img" />
      <div class="t" />
      <div class="price" />
      <div class="reason" />
      <div class="acts" />
    </li>
  );
}
