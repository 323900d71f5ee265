"use client";

import { usePathname, useSearchParams } from "next/navigation";
import { useCallback, useRef, useState } from "react";
import { parseServiceViewParams, serializeServiceViewParams, type ServiceViewParams } from "@/lib/analysis/service-view";

/**
 * The service page's view (baseline, snapshot, filters, sort), read from the URL once and
 * then held in React state, with every change mirrored into the URL by history.replaceState
 * so the view stays bookmarkable. Holding it in state keeps inputs responsive: a radio or a
 * checkbox flips in the same render as the click, not after the router has caught up.
 * replaceState (which Next.js's router follows) rather than router.replace, because nothing
 * here needs the server: the data comes from TanStack Query and the filters apply in the
 * browser.
 */
export function useServiceViewParams(): [ServiceViewParams, (patch: Partial<ServiceViewParams>) => void] {
  const searchParams = useSearchParams();
  const pathname = usePathname();
  const [params, setParamsState] = useState(() => parseServiceViewParams(new URLSearchParams(searchParams.toString())));
  // The latest view, so two changes in one event (pin, then switch the baseline) both land.
  const latest = useRef(params);
  const setParams = useCallback(
    (patch: Partial<ServiceViewParams>) => {
      const next = { ...latest.current, ...patch };
      latest.current = next;
      setParamsState(next);
      const query = serializeServiceViewParams(next);
      window.history.replaceState(null, "", `${pathname}${query ? `?${query}` : ""}`);
    },
    [pathname],
  );
  return [params, setParams];
}
