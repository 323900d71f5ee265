/**
 * How versions and component names read in narrow places: tables, tooltips, chart labels.
 * Config fingerprints and image digests are 64 hex characters that say nothing beyond their first few, so they are
 * shortened; the full value stays available to put in a title attribute or an export.
 */

const DIGEST_SHOWN_LENGTH = 8;
const HEX_DIGEST = /^(?:(sha\d+|md5):)?([0-9a-f]{16,})$/i;

/** "ea67414c…" for a digest or fingerprint, "—" for an absent version, the version itself otherwise. */
export function formatVersion(version: string | null | undefined): string {
  if (version === null || version === undefined) return "—";
  const digest = HEX_DIGEST.exec(version);
  if (digest?.[2]) return `${digest[2].slice(0, DIGEST_SHOWN_LENGTH)}…`;
  return version;
}

/**
 * A component name that fits a narrow label: config fingerprints lose their `config:` prefix
 * and keep the end of the path (the file name tells them apart); other names keep their start.
 */
export function formatComponentLabel(name: string, maxLength = 24): string {
  if (name.startsWith("config:")) {
    const path = name.slice("config:".length);
    return path.length > maxLength ? `…${path.slice(-(maxLength - 1))}` : path;
  }
  return name.length > maxLength ? `${name.slice(0, maxLength - 1)}…` : name;
}
