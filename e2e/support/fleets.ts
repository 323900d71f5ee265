/** Generated canonical snapshots for the e2e tests, and their upload. */
import { randomUUID } from "node:crypto";
import { expect, type APIRequestContext } from "@playwright/test";

/** Uploads a snapshot through the API, expecting it to be new; answers its id. */
export async function uploadSnapshot(request: APIRequestContext, snapshot: unknown): Promise<string> {
  const response = await request.post("/api/snapshots", { data: snapshot });
  expect(response.status(), await response.text()).toBe(201);
  return ((await response.json()) as { id: string }).id;
}

/** A small snapshot with names unique to this call. */
export function smallFleetJson(label: string): string {
  const service = `${label}-${randomUUID().slice(0, 8)}`;
  return JSON.stringify({
    takenAt: new Date().toISOString(),
    hosts: [1, 2, 3].map((i) => ({ hostKey: `${service}-${i}`, service, components: { nginx: `1.2${i}.0`, app: "1.0.0" } })),
  });
}

/**
 * A large snapshot in which every host has its own manifest (a version unique to the host), so
 * ingestion writes `hostCount × componentCount` component rows and takes seconds, not
 * milliseconds: long enough to kill the server, or take the database away, in the middle.
 */
export function largeFleetJson(label: string, hostCount: number, componentCount: number): string {
  const service = `${label}-${randomUUID().slice(0, 8)}`;
  const parts: string[] = [`{"takenAt":"${new Date().toISOString()}","source":"fault-test","hosts":[`];
  for (let h = 0; h < hostCount; h++) {
    const components: string[] = [];
    for (let c = 0; c < componentCount; c++) components.push(`"component-${c}":"${c}.${h}.${service}"`);
    parts.push(`${h ? "," : ""}{"hostKey":"${service}-${h}","service":"${service}-${h % 20}","components":{${components.join(",")}}}`);
  }
  parts.push("]}");
  return parts.join("");
}
