/** A plain form POST, so signing out works before (or without) JavaScript. */
export function SignOutButton() {
  return (
    <form method="post" action="/api/auth/signout">
      <button
        type="submit"
        className="rounded px-3 py-1.5 text-sm text-slate-600 hover:bg-slate-100 hover:text-slate-900 dark:text-slate-300 dark:hover:bg-slate-800"
      >
        Sign out
      </button>
    </form>
  );
}
