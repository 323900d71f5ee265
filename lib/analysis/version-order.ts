/**
 * Ordering and grouping of the version strings inventories report: semver (`1.2.3`, `v1.2`,
 * `1.0.0-rc1`), Debian/RPM (`1:2.3-1`, `1.2.3-ubuntu0.4`, `1.0~rc1`), calendar versions
 * (`2024.01`) and image digests (`sha256:…`).
 */
import { keptBy } from "./kept";

type Token =
  | { kind: "tilde" }
  | { kind: "pre"; rank: number }
  | { kind: "word"; text: string }
  | { kind: "number"; digits: string };

type Kind = Token["kind"] | "end";

// Rank of what stands at one position of two versions being compared. "end" (no more
// tokens) sits above pre-releases and below everything else, which gives both
// `1.0.0-rc1 < 1.0.0` (semver) and `1.2.3 < 1.2.3-ubuntu0.4 < 1.2.3.1` (package revisions).
// Debian's `~` sorts below even the end: `1.0~rc1 < 1.0`.
const KIND_RANK: Record<Kind, number> = { tilde: 0, pre: 1, end: 2, word: 3, number: 4 };

// Words that make a version a pre-release, oldest first. Single letters (`1.1.1a`) are not
// among them: OpenSSL-style letter suffixes are later releases.
const PRE_RELEASE_WORDS = ["dev", "snapshot", "alpha", "beta", "pre", "preview", "rc"];

// OCI digests (`sha256:<hex>`, optionally after `image@`) and bare long hashes.
const DIGEST = /(?:^|@)[a-z0-9]+(?:[+._-][a-z0-9]+)*:[a-f0-9]{32,}$|^[a-f0-9]*[a-f][a-f0-9]*$/i;
const MIN_BARE_HASH_LENGTH = 32;

const EPOCH = /^(\d+):(?=.)/;

export function isDigestVersion(version: string): boolean {
  if (!DIGEST.test(version)) return false;
  // The bare-hash alternative also matches short words such as "beef"; only long ones are hashes.
  return version.includes(":") || version.length >= MIN_BARE_HASH_LENGTH;
}

function compareText(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}

function compareDigits(a: string, b: string): number {
  const x = a.replace(/^0+(?=\d)/, "");
  const y = b.replace(/^0+(?=\d)/, "");
  return x.length - y.length || compareText(x, y);
}

function tokenise(version: string): Token[] {
  const epoch = EPOCH.exec(version);
  const rest = (epoch ? version.slice(epoch[0].length) : version).replace(/^v(?=\d)/i, "");
  // Every version gets an epoch so `1:2.0` outranks any epoch-less `9.0`.
  const tokens: Token[] = [{ kind: "number", digits: epoch?.[1] ?? "0" }];
  for (const [, digits, letters] of rest.matchAll(/(\d+)|([a-z]+)|~/gi)) {
    if (digits !== undefined) tokens.push({ kind: "number", digits });
    else if (letters !== undefined) {
      const text = letters.toLowerCase();
      const rank = PRE_RELEASE_WORDS.indexOf(text);
      tokens.push(rank >= 0 ? { kind: "pre", rank } : { kind: "word", text });
    } else tokens.push({ kind: "tilde" });
  }
  return tokens;
}

function compareTokens(a: Token | undefined, b: Token | undefined): number {
  const byKind = KIND_RANK[a?.kind ?? "end"] - KIND_RANK[b?.kind ?? "end"];
  if (byKind !== 0 || a === undefined || b === undefined) return byKind;
  if (a.kind === "number" && b.kind === "number") return compareDigits(a.digits, b.digits);
  if (a.kind === "pre" && b.kind === "pre") return a.rank - b.rank;
  if (a.kind === "word" && b.kind === "word") return compareText(a.text, b.text);
  return 0;
}

/**
 * Total order over version strings: negative when `a` is older than `b`, positive when newer,
 * 0 only when the strings are identical. Digests carry no age, so they sort below every
 * version and among themselves lexically; strings the version rules find equal
 * (`1.0` vs `v1.0`, `2024.1` vs `2024.01`) fall back to lexical order to stay deterministic.
 */
export function compareVersions(a: string, b: string): number {
  return a === b ? 0 : compareParsedVersions(parseVersion(a), parseVersion(b));
}

/** A version tokenised once, for sorting many versions without tokenising them at every comparison. */
export interface ParsedVersion {
  text: string;
  isDigest: boolean;
  tokens: Token[];
}

/**
 * Parsed versions are kept: every service of every snapshot summarises its spread, and the
 * same few thousand version strings came back to be tokenised each time.
 */
const parsedVersions = keptBy((text): ParsedVersion => {
  const isDigest = isDigestVersion(text);
  return { text, isDigest, tokens: isDigest ? [] : tokenise(text) };
});
const parsedGroups = keptBy(groupsOf);

/** A version tokenised for comparing; treat it as read-only, it is shared. */
export function parseVersion(version: string): ParsedVersion {
  return parsedVersions(version);
}

/** compareVersions over parsed versions. */
export function compareParsedVersions(x: ParsedVersion, y: ParsedVersion): number {
  if (x.text === y.text) return 0;
  if (x.isDigest !== y.isDigest) return x.isDigest ? -1 : 1;
  if (!x.isDigest) {
    for (let i = 0; i < Math.max(x.tokens.length, y.tokens.length); i++) {
      const order = compareTokens(x.tokens[i], y.tokens[i]);
      if (order !== 0) return Math.sign(order);
    }
  }
  return compareText(x.text, y.text);
}

export interface VersionGroups {
  /** e.g. "1" for `1.22.3`, "1:2" with a Debian epoch; null for non-semver-like versions. */
  major: string | null;
  /** e.g. "1.22"; null when the version has no minor part or is not semver-like. */
  minor: string | null;
}

// Calendar versions (`2024.01`) count as semver-like: year as major, year.month as minor.
// Numbers are kept as written, so `2024.01` and `2024.1` are different minor groups.
const SEMVER_LIKE = /^(?:(\d+):)?v?(\d+)(?:\.(\d+))?/i;

export function parseVersionGroups(version: string): VersionGroups {
  return parsedGroups(version);
}

function groupsOf(version: string): VersionGroups {
  const match = isDigestVersion(version) ? null : SEMVER_LIKE.exec(version);
  if (!match) return { major: null, minor: null };
  const [, epoch, majorDigits, minorDigits] = match;
  const major = epoch === undefined ? `${majorDigits}` : `${epoch}:${majorDigits}`;
  return { major, minor: minorDigits === undefined ? null : `${major}.${minorDigits}` };
}
