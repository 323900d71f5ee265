import Link from "next/link";

export interface EnvironmentSwitcherProps {
  environments: readonly string[];
  /** The environment shown; undefined for all of them. */
  current: string | undefined;
  /** The href for an environment (undefined: all environments). */
  hrefFor: (environment: string | undefined) => string;
  /** Whether "All environments" is offered (the services list) or one must be chosen (a service). */
  allowAll?: boolean;
}

/** Links, so each environment's view can be bookmarked; the current one is marked for assistive technology. */
export function EnvironmentSwitcher({ environments, current, hrefFor, allowAll = true }: EnvironmentSwitcherProps) {
  const options: Array<{ value: string | undefined; label: string }> = [
    ...(allowAll ? [{ value: undefined, label: "All environments" }] : []),
    ...environments.map((environment) => ({ value: environment, label: environment })),
  ];
  return (
    <nav aria-label="Environment">
      <ul className="flex flex-wrap gap-1 text-sm">
        {options.map((option) => {
          const isCurrent = option.value === current;
          return (
            <li key={option.label}>
              <Link
                href={hrefFor(option.value)}
                aria-current={isCurrent ? "page" : undefined}
                className={`inline-block rounded-full border px-3 py-1 ${
                  isCurrent
                    ? "border-slate-900 bg-slate-900 text-white dark:border-white dark:bg-white dark:text-slate-900"
                    : "border-slate-300 text-slate-700 hover:border-slate-500 dark:border-slate-700 dark:text-slate-200 dark:hover:border-slate-500"
                }`}
              >
                {option.label}
              </Link>
            </li>
          );
        })}
      </ul>
    </nav>
  );
}
