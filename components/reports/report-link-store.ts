"use client";

import { useSyncExternalStore } from "react";

/**
 * Report links this browser tab created. Driftboard stores only a hash of each token, so a
 * link can be copied again only while the tab that shared it still remembers it: in
 * sessionStorage, which the browser drops with the tab and never sends anywhere.
 */
const STORAGE_KEY = "driftboard.report-links";
const listeners = new Set<() => void>();
const EMPTY: Readonly<Record<string, string>> = Object.freeze({});
let cachedRaw: string | null = null;
let cachedLinks: Readonly<Record<string, string>> = EMPTY;

function readRaw(): string | null {
  try {
    return window.sessionStorage.getItem(STORAGE_KEY);
  } catch {
    return null; // storage disabled: nothing remembered
  }
}

function readLinks(): Readonly<Record<string, string>> {
  const raw = readRaw();
  if (raw === cachedRaw) return cachedLinks;
  cachedRaw = raw;
  try {
    const parsed: unknown = raw ? JSON.parse(raw) : {};
    cachedLinks =
      parsed && typeof parsed === "object" && !Array.isArray(parsed)
        ? Object.fromEntries(Object.entries(parsed).filter((entry): entry is [string, string] => typeof entry[1] === "string"))
        : EMPTY;
  } catch {
    cachedLinks = EMPTY;
  }
  return cachedLinks;
}

function writeLinks(links: Record<string, string>) {
  try {
    window.sessionStorage.setItem(STORAGE_KEY, JSON.stringify(links));
  } catch {
    // Storage full or disabled: the link is still shown in the dialog.
  }
  for (const listener of listeners) listener();
}

export function rememberReportLink(id: string, url: string) {
  writeLinks({ ...readLinks(), [id]: url });
}

export function forgetReportLink(id: string) {
  const { [id]: _forgotten, ...rest } = readLinks();
  writeLinks(rest);
}

function subscribe(listener: () => void) {
  listeners.add(listener);
  return () => listeners.delete(listener);
}

/** The links this tab remembers, by report id; empty while rendering on the server. */
export function useRememberedReportLinks(): Readonly<Record<string, string>> {
  return useSyncExternalStore(subscribe, readLinks, () => EMPTY);
}

/** Copies text, falling back to a selection where the Clipboard API is unavailable (plain http). */
export async function copyText(text: string): Promise<boolean> {
  try {
    await navigator.clipboard.writeText(text);
    return true;
  } catch {
    const field = document.createElement("textarea");
    field.value = text;
    field.setAttribute("readonly", "");
    field.style.position = "fixed";
    field.style.opacity = "0";
    document.body.append(field);
    field.select();
    const copied = document.execCommand("copy");
    field.remove();
    return copied;
  }
}
