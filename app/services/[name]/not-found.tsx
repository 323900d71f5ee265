import { ButtonLink } from "@/components/ui/button-link";
import { EmptyState } from "@/components/ui/empty-state";

export default function ServiceNotFound() {
  return (
    <EmptyState title="Service not found" actions={<ButtonLink href="/services">All services</ButtonLink>}>
      <p>
        No snapshot has hosts of this service in that environment, or the snapshot looked back at no longer exists. Check the link, or pick the service from
        the list.
      </p>
    </EmptyState>
  );
}
