-- CreateIndex
CREATE INDEX "host_manifest_hash_idx" ON "host"("manifest_hash");
