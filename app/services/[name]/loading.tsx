import { ServiceDetailSkeleton } from "@/components/services/service-detail-skeleton";

export default function Loading() {
  return <ServiceDetailSkeleton />;
}
