import { ButtonLink } from "@/components/ui/button-link";
import { EmptyState } from "@/components/ui/empty-state";

export default function NotFound() {
  return (
    <EmptyState title="Not found" actions={<ButtonLink href="/">Back to the overview</ButtonLink>}>
      <p>There is nothing at this address. The snapshot may have been deleted, or the link mistyped.</p>
    </EmptyState>
  );
}
