# syntax=docker/dockerfile:1.7
# Berth migration step: applies pending TypeORM migrations, then exits. Runs before core-api, registry and worker start.
# Build from the repository root: docker build -f deploy/docker/migrate.Dockerfile -t berth/migrate .
ARG NODE_IMAGE=node:20-bookworm-slim

FROM ${NODE_IMAGE} AS build
WORKDIR /src
ENV NX_DAEMON=false NX_NO_CLOUD=true NX_SKIP_NX_CACHE=true CI=true
COPY package.json package-lock.json ./
RUN --mount=type=cache,target=/root/.npm npm ci --no-audit --no-fund
COPY . .
RUN npx nx run migrations:build

FROM ${NODE_IMAGE} AS prod-deps
WORKDIR /app
COPY package.json package-lock.json ./
RUN --mount=type=cache,target=/root/.npm npm ci --omit=dev --no-audit --no-fund

FROM ${NODE_IMAGE}
ENV NODE_ENV=production
WORKDIR /app
COPY --from=prod-deps /app/node_modules ./node_modules
COPY --from=build /src/dist/migrations ./
USER node
# A one-shot job: its exit code is its health. Orchestrators wait for it to complete instead of probing it.
HEALTHCHECK NONE
ENTRYPOINT ["node", "--enable-source-maps", "migrations/cli.js"]
CMD ["run"]
