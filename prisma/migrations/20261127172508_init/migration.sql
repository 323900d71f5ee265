-- CreateTable
CREATE TABLE "snapshot" (
    "id" TEXT NOT NULL,
    "content_hash" TEXT NOT NULL,
    "taken_at" TIMESTAMPTZ(3) NOT NULL,
    "source" TEXT,
    "environment" TEXT,
    "format" TEXT NOT NULL,
    "host_count" INTEGER NOT NULL,
    "service_count" INTEGER NOT NULL,
    "created_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "snapshot_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "manifest" (
    "hash" TEXT NOT NULL,
    "component_count" INTEGER NOT NULL,

    CONSTRAINT "manifest_pkey" PRIMARY KEY ("hash")
);

-- CreateTable
CREATE TABLE "manifest_component" (
    "manifest_hash" TEXT NOT NULL,
    "name" TEXT NOT NULL,
    "version" TEXT NOT NULL,

    CONSTRAINT "manifest_component_pkey" PRIMARY KEY ("manifest_hash","name")
);

-- CreateTable
CREATE TABLE "host" (
    "snapshot_id" TEXT NOT NULL,
    "host_key" TEXT NOT NULL,
    "service" TEXT NOT NULL,
    "environment" TEXT NOT NULL,
    "role" TEXT,
    "image" TEXT,
    "launched_at" TIMESTAMPTZ(3),
    "manifest_hash" TEXT NOT NULL,

    CONSTRAINT "host_pkey" PRIMARY KEY ("snapshot_id","host_key")
);

-- CreateTable
CREATE TABLE "snapshot_service" (
    "snapshot_id" TEXT NOT NULL,
    "service" TEXT NOT NULL,
    "environment" TEXT NOT NULL,
    "taken_at" TIMESTAMPTZ(3) NOT NULL,
    "host_count" INTEGER NOT NULL,

    CONSTRAINT "snapshot_service_pkey" PRIMARY KEY ("snapshot_id","service","environment")
);

-- CreateIndex
CREATE UNIQUE INDEX "snapshot_content_hash_key" ON "snapshot"("content_hash");

-- CreateIndex
CREATE INDEX "snapshot_taken_at_idx" ON "snapshot"("taken_at" DESC);

-- CreateIndex
CREATE INDEX "manifest_component_name_version_idx" ON "manifest_component"("name", "version");

-- CreateIndex
CREATE INDEX "host_snapshot_id_service_environment_idx" ON "host"("snapshot_id", "service", "environment");

-- CreateIndex
CREATE INDEX "host_host_key_idx" ON "host"("host_key");

-- CreateIndex
CREATE INDEX "snapshot_service_service_environment_taken_at_idx" ON "snapshot_service"("service", "environment", "taken_at" DESC);

-- AddForeignKey
ALTER TABLE "manifest_component" ADD CONSTRAINT "manifest_component_manifest_hash_fkey" FOREIGN KEY ("manifest_hash") REFERENCES "manifest"("hash") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "host" ADD CONSTRAINT "host_snapshot_id_fkey" FOREIGN KEY ("snapshot_id") REFERENCES "snapshot"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "host" ADD CONSTRAINT "host_manifest_hash_fkey" FOREIGN KEY ("manifest_hash") REFERENCES "manifest"("hash") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "snapshot_service" ADD CONSTRAINT "snapshot_service_snapshot_id_fkey" FOREIGN KEY ("snapshot_id") REFERENCES "snapshot"("id") ON DELETE CASCADE ON UPDATE CASCADE;
