-- CreateTable
CREATE TABLE "service_analysis" (
    "snapshot_id" TEXT NOT NULL,
    "service" TEXT NOT NULL,
    "environment" TEXT NOT NULL,
    "taken_at" TIMESTAMPTZ(3) NOT NULL,
    "settings_hash" TEXT NOT NULL,
    "transition" JSON NOT NULL,
    "host_count" INTEGER,
    "drifted_host_count" INTEGER,
    "distinct_versions" INTEGER,
    "onsets" JSON,
    "summary" JSON,
    "detail" JSON,

    CONSTRAINT "service_analysis_pkey" PRIMARY KEY ("snapshot_id","service","environment")
);

-- CreateIndex
CREATE INDEX "service_analysis_service_environment_taken_at_idx" ON "service_analysis"("service", "environment", "taken_at" DESC);

-- AddForeignKey
ALTER TABLE "service_analysis" ADD CONSTRAINT "service_analysis_snapshot_id_fkey" FOREIGN KEY ("snapshot_id") REFERENCES "snapshot"("id") ON DELETE CASCADE ON UPDATE CASCADE;
