import { ButtonLink } from "@/components/ui/button-link";
import { EmptyState } from "@/components/ui/empty-state";

export default function HostNotFound() {
  return (
    <EmptyState title="Host not found" actions={<ButtonLink href="/services">All services</ButtonLink>}>
      <p>No snapshot has a host with this key (in this environment). Host keys are instance ids, pod names or hostnames, as the inventory reported them.</p>
    </EmptyState>
  );
}
