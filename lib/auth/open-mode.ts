/** Said on every page while no admin password is set (no Node imports: client components show it). */
export const OPEN_MODE_MESSAGE =
  "Open mode: anyone who can reach this server can read and change it. Set DRIFTBOARD_ADMIN_PASSWORD to require sign-in.";
