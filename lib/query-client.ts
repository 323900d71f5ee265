import { QueryClient } from "@tanstack/react-query";

/** The one way to make a TanStack Query client: new per request on the server, one in the browser. */
export function createQueryClient(): QueryClient {
  return new QueryClient({
    defaultOptions: {
      queries: { staleTime: 30_000, refetchOnWindowFocus: false, retry: 1 },
    },
  });
}
