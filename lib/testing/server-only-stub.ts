// Vitest runs outside Next.js, where `server-only` would throw on import.
export {};
