/**
 * Kubernetes: `kubectl get pods -A -o json` (a v1 List of Pods), or one Pod (`kubectl get pod X -o json`).
 * Each running or pending pod is a host; its containers' images are its components.
 */
import { z } from "zod";
import {
  cleanName,
  ENVIRONMENT_KEYS,
  extractDigest,
  headOf,
  invalidInput,
  isRecord,
  laterTime,
  parseImageReference,
  pickTag,
  requireJson,
  resolveService,
  ResultCollector,
  toIsoTime,
  validate,
  VersionMap,
  type ParseContext,
} from "./common";
import type { ImportOptions, Importer } from "./types";

const timeSchema = z.string().nullish();

const containerStatusSchema = z.looseObject({
  name: z.string(),
  image: z.string().nullish(),
  imageID: z.string().nullish(),
  state: z.looseObject({ running: z.looseObject({ startedAt: timeSchema }).nullish() }).nullish(),
});

const podSchema = z.looseObject({
  kind: z.literal("Pod").optional(),
  metadata: z.looseObject({
    uid: z.string(),
    name: z.string(),
    namespace: z.string().nullish(),
    generateName: z.string().nullish(),
    creationTimestamp: timeSchema,
    labels: z.record(z.string(), z.string()).nullish(),
    ownerReferences: z.array(z.looseObject({ kind: z.string(), name: z.string(), controller: z.boolean().nullish() })).nullish(),
  }),
  spec: z.looseObject({
    nodeName: z.string().nullish(),
    containers: z.array(z.looseObject({ name: z.string(), image: z.string().nullish() })),
  }),
  status: z
    .looseObject({
      phase: z.string().nullish(),
      reason: z.string().nullish(),
      startTime: timeSchema,
      conditions: z.array(z.looseObject({ lastTransitionTime: timeSchema })).nullish(),
      containerStatuses: z.array(containerStatusSchema).nullish(),
    })
    .nullish(),
});
type Pod = z.output<typeof podSchema>;

const listSchema = z.looseObject({ items: z.array(z.unknown()) });

const FINISHED_PHASES = new Set(["Succeeded", "Failed"]);

/** The workload a pod belongs to, from its controlling owner (`web-7d9f8c6b5` ReplicaSet → `web`). */
function workloadName(pod: Pod): string | undefined {
  const owners = pod.metadata.ownerReferences ?? [];
  const owner = owners.find((reference) => reference.controller) ?? owners[0];
  if (!owner) return undefined;
  switch (owner.kind) {
    case "ReplicaSet": {
      const hash = pod.metadata.labels?.["pod-template-hash"];
      if (hash && owner.name.endsWith(`-${hash}`)) return owner.name.slice(0, -hash.length - 1);
      return owner.name.replace(/-[a-z0-9]{5,10}$/, "");
    }
    case "Job":
      // CronJob jobs are named `<cronjob>-<scheduled minute>`.
      return owner.name.replace(/-\d{8,}$/, "");
    case "Node":
      // Static (mirror) pods are named `<name>-<node>`.
      return pod.spec.nodeName && pod.metadata.name.endsWith(`-${pod.spec.nodeName}`)
        ? pod.metadata.name.slice(0, -pod.spec.nodeName.length - 1)
        : pod.metadata.name;
    default:
      return owner.name;
  }
}

function statusTime(pod: Pod): string | undefined {
  let latest: string | undefined;
  const status = pod.status;
  if (!status) return undefined;
  latest = laterTime(latest, toIsoTime(status.startTime));
  for (const condition of status.conditions ?? []) latest = laterTime(latest, toIsoTime(condition.lastTransitionTime));
  for (const container of status.containerStatuses ?? []) latest = laterTime(latest, toIsoTime(container.state?.running?.startedAt));
  return latest;
}

function addPod(collector: ResultCollector, ctx: ParseContext, raw: unknown, path: (string | number)[], options: ImportOptions) {
  if (isRecord(raw) && typeof raw.kind === "string" && raw.kind !== "Pod") {
    throw invalidInput(ctx, [...path, "kind"], `expected "Pod" (from \`kubectl get pods -o json\`), got "${raw.kind}"`);
  }
  const pod = validate(podSchema, raw, ctx, path);
  const { metadata } = pod;
  collector.noteTakenAt(statusTime(pod));
  const phase = pod.status?.phase;
  if (phase && FINISHED_PHASES.has(phase)) {
    collector.skip(metadata.uid, `pod ${phase}${pod.status?.reason ? ` (${pod.status.reason})` : ""}`);
    return;
  }
  const labels = metadata.labels ?? {};
  const declared =
    pickTag(labels, ["app.kubernetes.io/name", "app", "k8s-app"]) ?? workloadName(pod);
  const fallbackName = metadata.generateName?.replace(/-$/, "") || metadata.name;
  const { service, isServiceGuessed } = resolveService(declared, options, fallbackName);

  const components = new VersionMap();
  const statuses = new Map((pod.status?.containerStatuses ?? []).map((status) => [status.name, status]));
  for (const container of pod.spec.containers) {
    const status = statuses.get(container.name);
    const reference = container.image ?? status?.image;
    if (!reference) continue;
    const image = parseImageReference(reference);
    const digest = image.digest ?? extractDigest(status?.imageID ?? undefined);
    components.set(image.repository, image.tag ?? digest ?? "latest");
    if (digest && image.tag) components.set(`${image.repository}@digest`, digest);
  }

  collector.addHost(
    {
      hostKey: metadata.uid,
      service,
      environment: pickTag(labels, ENVIRONMENT_KEYS) ?? options.environment ?? cleanName(metadata.namespace),
      role: pickTag(labels, ["app.kubernetes.io/component", "tier"]),
      image: pod.spec.containers[0]?.image ?? undefined,
      launchedAt: toIsoTime(metadata.creationTimestamp),
      components,
    },
    { aliases: [metadata.namespace ? `${metadata.namespace}/${metadata.name}` : metadata.name], isServiceGuessed },
  );
}

function isKubernetesList(value: Record<string, unknown>): boolean {
  return (value.kind === "List" || value.kind === "PodList") && typeof value.apiVersion === "string" && Array.isArray(value.items);
}

export const kubernetesImporter: Importer = {
  id: "kubernetes",

  detect(file, json) {
    if (json === undefined) return /^\s*\{\s*"apiVersion"\s*:\s*"[^"]*",\s*"(items|kind)"\s*:/.test(headOf(file.text, 1024));
    if (!isRecord(json)) return false;
    return isKubernetesList(json) || (json.kind === "Pod" && isRecord(json.metadata) && isRecord(json.spec));
  },

  parse(file, options, json) {
    const ctx: ParseContext = { tool: "kubernetes", file };
    const document = requireJson(ctx, json);
    const collector = new ResultCollector(ctx);
    if (isRecord(document) && document.kind === "Pod") addPod(collector, ctx, document, [], options);
    else {
      const list = validate(listSchema, document, ctx);
      list.items.forEach((item, index) => addPod(collector, ctx, item, ["items", index], options));
    }
    return collector.result(options);
  },
};
