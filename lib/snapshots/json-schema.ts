import { z } from "zod";
import { snapshotSchema } from "./schemas";

/** JSON Schema of canonical format v1, derived from the zod schema so docs and API never disagree. */
export function snapshotJsonSchema(): Record<string, unknown> {
  return {
    ...z.toJSONSchema(snapshotSchema, { io: "input", unrepresentable: "any" }),
    $id: "/schema/snapshot-v1.json",
    title: "Driftboard snapshot, canonical format v1",
    description:
      "One inventory snapshot: when it was taken and the hosts it saw. Config fingerprints (hashes of configuration files or settings) go in `config`; everything versioned goes in `components`.",
  };
}
