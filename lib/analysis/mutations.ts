import "server-only";
import { getDb } from "@/lib/db";
import { bumpAnalysisGeneration } from "./answers";
import { AppError } from "@/lib/errors";
import { getServiceDetail, resolveServiceEnvironment } from "./queries";
import type { BaselineUpdate, IgnoreRuleInput, ServiceSettingsUpdate } from "./schemas";

/** Switches a service's baseline source and pins or unpins golden versions. */
export async function updateServiceBaseline(service: string, update: BaselineUpdate): Promise<void> {
  const environment = await resolveServiceEnvironment(service, update.environment);
  const db = getDb();
  let pins = update.pins ?? {};
  if (update.acceptMajority) {
    const detail = await getServiceDetail({ service, environment, baseline: "majority" });
    pins = Object.fromEntries(detail.components.filter((c) => c.baseline !== null).map((c) => [c.name, c.baseline]));
  }
  const source = update.source ?? (update.acceptMajority ? "declared" : undefined);
  await db.$transaction(async (tx) => {
    for (const [component, version] of Object.entries(pins)) {
      const id = { service_environment_component: { service, environment, component } };
      if (version === null) await tx.declaredBaseline.deleteMany({ where: { service, environment, component } });
      else await tx.declaredBaseline.upsert({ where: id, create: { service, environment, component, version }, update: { version } });
    }
    if (source) {
      await tx.serviceSetting.upsert({
        where: { service_environment: { service, environment } },
        create: { service, environment, baselineSource: source },
        update: { baselineSource: source },
      });
    }
  });
  await bumpAnalysisGeneration();
}

/** Sets or clears the role and verdict overrides of a service. */
export async function updateServiceSettings(service: string, update: ServiceSettingsUpdate): Promise<void> {
  const environment = await resolveServiceEnvironment(service, update.environment);
  const data = {
    ...(update.role !== undefined && { roleOverride: update.role }),
    ...(update.verdict !== undefined && { verdictOverride: update.verdict?.verdict ?? null, verdictReason: update.verdict?.reason ?? null }),
  };
  await getDb().serviceSetting.upsert({
    where: { service_environment: { service, environment } },
    create: { service, environment, ...data },
    update: data,
  });
  await bumpAnalysisGeneration();
}

export async function createIgnoreRule(input: IgnoreRuleInput) {
  const rule = await getDb().ignoreRule.create({
    data: { pattern: input.pattern, service: input.service ?? null, environment: input.environment ?? null, reason: input.reason },
    select: { id: true, pattern: true, service: true, environment: true, reason: true, createdAt: true },
  });
  await bumpAnalysisGeneration();
  return rule;
}

export async function deleteIgnoreRule({ id }: { id: string }): Promise<void> {
  const { count } = await getDb().ignoreRule.deleteMany({ where: { id } });
  if (count === 0) throw new AppError("not_found", { message: `no ignore rule with id "${id}"` });
  await bumpAnalysisGeneration();
}
