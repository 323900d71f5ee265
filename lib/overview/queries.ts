import "server-only";
import { cache } from "react";
import { type FleetSummary, type FleetTrendPoint, getFleetSummary, getFleetTrend } from "@/lib/analysis/queries";

/**
 * The overview's data, read once per request: each widget streams on its own and asks for
 * what it needs, and React's `cache` makes the widgets of one render share a single read.
 * Arguments are primitives because `cache` compares them by identity.
 */
export const getOverviewSummary = cache((environment: string | undefined): Promise<FleetSummary> => getFleetSummary({ environment }));

export const getOverviewTrend = cache((environment: string | undefined): Promise<FleetTrendPoint[]> => getFleetTrend({ environment }));
