-- CreateTable
CREATE TABLE "analysis_generation" (
    "id" INTEGER NOT NULL DEFAULT 1,
    "generation" BIGINT NOT NULL DEFAULT 0,

    CONSTRAINT "analysis_generation_pkey" PRIMARY KEY ("id")
);

-- The one row every replica reads, bumped by ingests, deletions and settings changes.
INSERT INTO "analysis_generation" ("id", "generation") VALUES (1, 0);
