"use client";

import { useRouter } from "next/navigation";
import { Component, type ReactNode, startTransition } from "react";
import { buttonClasses } from "@/components/ui/button-link";

export interface WidgetErrorBoundaryProps {
  /** The widget's name, for the message ("Could not load the trends"). */
  title: string;
  children: ReactNode;
}

/**
 * Keeps one failing widget from taking the whole overview down: the others still show, and
 * "Try again" re-renders the page on the server.
 */
export function WidgetErrorBoundary({ title, children }: WidgetErrorBoundaryProps) {
  const router = useRouter();
  return (
    <Boundary title={title} onRetry={(reset) => startTransition(() => { router.refresh(); reset(); })}>
      {children}
    </Boundary>
  );
}

interface BoundaryProps {
  title: string;
  onRetry: (reset: () => void) => void;
  children: ReactNode;
}

class Boundary extends Component<BoundaryProps, { hasError: boolean }> {
  state = { hasError: false };

  static getDerivedStateFromError() {
    return { hasError: true };
  }

  render() {
    if (!this.state.hasError) return this.props.children;
    return (
      <section role="alert" className="rounded-lg border border-rose-300 bg-rose-50 p-4 text-sm text-rose-900 dark:border-rose-800 dark:bg-rose-950 dark:text-rose-100">
        <h2 className="font-semibold">{this.props.title}</h2>
        <p className="mt-1">This part of the overview could not be loaded. If the database was restarting, trying again usually helps.</p>
        <button type="button" className={`${buttonClasses.secondary} mt-3`} onClick={() => this.props.onRetry(() => this.setState({ hasError: false }))}>
          Try again
        </button>
      </section>
    );
  }
}
