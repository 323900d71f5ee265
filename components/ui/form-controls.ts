/** Tailwind classes shared by form controls, so every input reads and focuses alike. */
export const inputClasses =
  "rounded-md border border-slate-300 bg-white px-2 py-1.5 text-sm text-slate-900 placeholder:text-slate-400 dark:border-slate-700 dark:bg-slate-950 dark:text-slate-100";

export const labelClasses = "text-sm font-medium text-slate-700 dark:text-slate-200";

export const linkClasses = "text-sky-700 underline-offset-2 hover:underline dark:text-sky-400";

export const smallButtonClasses =
  "inline-flex items-center gap-1 rounded border border-slate-300 bg-white px-2 py-0.5 text-xs font-medium text-slate-700 hover:bg-slate-50 disabled:opacity-50 dark:border-slate-700 dark:bg-slate-900 dark:text-slate-200 dark:hover:bg-slate-800";
