# syntax=docker/dockerfile:1
#
# Driftboard as one immutable image (DESIGN.md: "deployed as an immutable image").
#
#   docker build -t driftboard .                          # the dashboard (default target)
#   docker build --target migrate -t driftboard-migrate . # `prisma migrate deploy`, run once per release
#
# The dashboard is Next.js's standalone server (next.config.ts has `output: "standalone"`): only
# the files the server traced, no dev dependencies, no Prisma CLI, run as a non-root user. The
# migrate target carries the production dependencies and prisma/ so it can apply migrations
# before a rollout (deploy/migrate-job.yaml). Configuration comes from the environment:
# DATABASE_URL (required), DRIFTBOARD_* (README "Configuration", docs/security.md).
#
# Neither image needs the network at run time. `npm ci --ignore-scripts` skips install scripts:
# Prisma runs on its JavaScript engines here (prisma.config.ts, `engineType = "client"`), so
# its postinstall engine downloads are not needed, and the client is generated explicitly.

ARG NODE_IMAGE=node:20-bookworm-slim

# ---------------------------------------------------------------------------------------------
FROM ${NODE_IMAGE} AS base
ENV NEXT_TELEMETRY_DISABLED=1 \
    CHECKPOINT_DISABLE=1 \
    PRISMA_HIDE_UPDATE_MESSAGE=1
WORKDIR /app

# ---------------------------------------------------------------------------------------------
# deps: every dependency, dev included, for the build. Cached until the lockfile changes.
FROM base AS deps
COPY package.json package-lock.json ./
RUN --mount=type=cache,target=/root/.npm \
    npm ci --ignore-scripts --no-audit --no-fund

# ---------------------------------------------------------------------------------------------
# build: generate the Prisma client and build the standalone server.
FROM base AS build
COPY --from=deps /app/node_modules ./node_modules
COPY . .
RUN node scripts/prisma-generate.mjs && npx next build

# ---------------------------------------------------------------------------------------------
# prod-deps: production dependencies only (no Vitest, Playwright, TypeScript, …), for `migrate`.
FROM base AS prod-deps
COPY package.json package-lock.json ./
RUN --mount=type=cache,target=/root/.npm \
    npm ci --omit=dev --ignore-scripts --no-audit --no-fund

# ---------------------------------------------------------------------------------------------
# migrate: `prisma migrate deploy` against DATABASE_URL, then exit. Run as a Job before the
# dashboard's rollout; the dashboard's pods also use it to wait until the schema is current.
FROM base AS migrate
ENV NODE_ENV=production HOME=/tmp
RUN groupadd --system --gid 1001 driftboard \
 && useradd --system --uid 1001 --gid driftboard --home-dir /nonexistent --shell /usr/sbin/nologin driftboard
COPY --from=prod-deps /app/node_modules ./node_modules
COPY package.json prisma.config.ts ./
COPY prisma/schema.prisma ./prisma/schema.prisma
COPY prisma/migrations ./prisma/migrations
USER 1001:1001
ENTRYPOINT ["node", "node_modules/prisma/build/index.js"]
CMD ["migrate", "deploy"]

# ---------------------------------------------------------------------------------------------
# runtime (default): the standalone server, its static assets and public/. Files stay owned by
# root and read-only to the app user; only .next/cache is writable (an emptyDir in Kubernetes).
FROM base AS runtime
ENV NODE_ENV=production \
    PORT=3000 \
    HOSTNAME=0.0.0.0
RUN groupadd --system --gid 1001 driftboard \
 && useradd --system --uid 1001 --gid driftboard --home-dir /nonexistent --shell /usr/sbin/nologin driftboard
COPY --from=build /app/.next/standalone ./
COPY --from=build /app/.next/static ./.next/static
COPY --from=build /app/public ./public
RUN mkdir -p .next/cache && chown driftboard:driftboard .next/cache
USER 1001:1001
EXPOSE 3000
# GET /api/health answers 200 only while the database answers.
HEALTHCHECK --interval=30s --timeout=5s --start-period=20s --retries=3 \
  CMD ["node", "-e", "fetch('http://127.0.0.1:'+(process.env.PORT||3000)+'/api/health').then(r=>process.exit(r.ok?0:1),()=>process.exit(1))"]
CMD ["node", "server.js"]
