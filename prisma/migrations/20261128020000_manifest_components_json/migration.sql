-- Each manifest's components become one JSON object (name → version, in name order) on the
-- manifest row instead of one indexed row per component: a manifest is only ever read whole.
ALTER TABLE "manifest" ADD COLUMN "components" JSON;

UPDATE "manifest" m
SET "components" = c."components"
FROM (
  SELECT "manifest_hash", json_object_agg("name", "version" ORDER BY "name" COLLATE "C") AS "components"
  FROM "manifest_component"
  GROUP BY "manifest_hash"
) c
WHERE c."manifest_hash" = m."hash";

UPDATE "manifest" SET "components" = '{}' WHERE "components" IS NULL;

ALTER TABLE "manifest" ALTER COLUMN "components" SET NOT NULL;

DROP TABLE "manifest_component";
