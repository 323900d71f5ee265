import { MAX_NAME_LENGTH, MAX_VERSION_LENGTH, type CanonicalHost } from "./schemas";

/**
 * The hot path of validation. zod validates a 10,000-host × 200-component upload in seconds,
 * most of it spent copying component maps; this check accepts only what `hostSchema` accepts,
 * without copying, and returns null for anything else so zod can produce the precise error.
 * It may be stricter than zod (then zod decides), never looser.
 */
const HOST_FIELDS = new Set(["hostKey", "service", "environment", "role", "image", "launchedAt", "components", "config"]);
const ISO_DATE_TIME = /^(\d{4})-(\d{2})-(\d{2})T([01]\d|2[0-3]):[0-5]\d:[0-5]\d(\.\d{1,9})?(Z|[+-]([01]\d|2[0-3]):[0-5]\d)$/;

export function readHostFast(value: unknown): CanonicalHost | null {
  if (!isPlainObject(value)) return null;
  for (const key in value) if (!HOST_FIELDS.has(key)) return null;
  const host = value as Record<string, unknown>;
  if (!isName(host.hostKey) || !isName(host.service)) return null;
  if (!isOptionalName(host.environment) || !isOptionalName(host.role)) return null;
  if (host.image !== undefined && !(typeof host.image === "string" && host.image.length <= MAX_VERSION_LENGTH)) return null;
  if (host.launchedAt !== undefined && !isDateTime(host.launchedAt)) return null;
  const components = host.components === undefined ? {} : host.components;
  const config = host.config === undefined ? {} : host.config;
  if (!isVersionMap(components) || !isVersionMap(config)) return null;
  return {
    hostKey: host.hostKey,
    service: host.service,
    ...(host.environment !== undefined && { environment: host.environment as string }),
    ...(host.role !== undefined && { role: host.role as string }),
    ...(host.image !== undefined && { image: host.image as string }),
    ...(host.launchedAt !== undefined && { launchedAt: host.launchedAt as string }),
    components,
    config,
  };
}

function isPlainObject(value: unknown): value is Record<string, unknown> {
  return typeof value === "object" && value !== null && !Array.isArray(value);
}

function isName(value: unknown): value is string {
  // zod trims names; a name with surrounding blanks takes the slow path and is trimmed there.
  return typeof value === "string" && value.length > 0 && value.length <= MAX_NAME_LENGTH && value.trim() === value;
}

function isOptionalName(value: unknown): boolean {
  return value === undefined || isName(value);
}

function isVersionMap(value: unknown): value is Record<string, string> {
  if (!isPlainObject(value)) return false;
  for (const name in value) {
    if (name.length === 0 || name.length > MAX_NAME_LENGTH) return false;
    const version = value[name];
    if (typeof version !== "string" || version.length > MAX_VERSION_LENGTH) return false;
  }
  return true;
}

function isDateTime(value: unknown): boolean {
  if (typeof value !== "string") return false;
  const match = ISO_DATE_TIME.exec(value);
  if (!match) return false;
  const [, year, month, day] = match;
  const date = new Date(Date.UTC(Number(year), Number(month) - 1, Number(day)));
  return date.getUTCMonth() === Number(month) - 1 && date.getUTCDate() === Number(day);
}
