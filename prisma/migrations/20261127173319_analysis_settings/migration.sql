-- CreateTable
CREATE TABLE "ignore_rule" (
    "id" TEXT NOT NULL,
    "pattern" TEXT NOT NULL,
    "service" TEXT,
    "environment" TEXT,
    "reason" TEXT NOT NULL,
    "created_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "ignore_rule_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "declared_baseline" (
    "service" TEXT NOT NULL,
    "environment" TEXT NOT NULL,
    "component" TEXT NOT NULL,
    "version" TEXT NOT NULL,
    "created_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "declared_baseline_pkey" PRIMARY KEY ("service","environment","component")
);

-- CreateTable
CREATE TABLE "service_setting" (
    "service" TEXT NOT NULL,
    "environment" TEXT NOT NULL,
    "baseline_source" TEXT NOT NULL DEFAULT 'majority',
    "role_override" TEXT,
    "verdict_override" TEXT,
    "verdict_reason" TEXT,
    "updated_at" TIMESTAMPTZ(3) NOT NULL,

    CONSTRAINT "service_setting_pkey" PRIMARY KEY ("service","environment")
);

-- CreateIndex
CREATE INDEX "ignore_rule_service_idx" ON "ignore_rule"("service");
