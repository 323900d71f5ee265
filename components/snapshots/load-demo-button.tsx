"use client";

import { useMutation } from "@tanstack/react-query";
import { useRouter } from "next/navigation";
import { buttonClasses } from "@/components/ui/button-link";

export function LoadDemoButton() {
  const router = useRouter();
  const mutation = useMutation({
    mutationFn: async () => {
      const response = await fetch("/api/demo", { method: "POST" });
      if (!response.ok) throw new Error((await response.json().catch(() => null))?.error?.message ?? `HTTP ${response.status}`);
    },
    onSuccess: () => router.refresh(),
  });
  return (
    <div className="flex flex-col items-center gap-2">
      <button type="button" className={buttonClasses.secondary} onClick={() => mutation.mutate()} disabled={mutation.isPending}>
        {mutation.isPending ? "Loading the demo fleet…" : "Load the demo fleet"}
      </button>
      {mutation.isError && (
        <p role="alert" className="text-sm text-rose-600">
          Could not load the demo fleet: {mutation.error.message}
        </p>
      )}
    </div>
  );
}
