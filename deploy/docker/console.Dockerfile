# syntax=docker/dockerfile:1.7
# Berth console: the static React bundle served by an unprivileged nginx on port 8080.
# Build from the repository root: docker build -f deploy/docker/console.Dockerfile -t berth/console .
ARG NODE_IMAGE=node:20-bookworm-slim
ARG NGINX_IMAGE=nginxinc/nginx-unprivileged:1.28-alpine

FROM ${NODE_IMAGE} AS build
WORKDIR /src
ENV NX_DAEMON=false NX_NO_CLOUD=true NX_SKIP_NX_CACHE=true CI=true
COPY package.json package-lock.json ./
RUN --mount=type=cache,target=/root/.npm npm ci --no-audit --no-fund
COPY . .
RUN npx nx run console:build

FROM ${NGINX_IMAGE}
COPY deploy/gateway/console.nginx.conf /etc/nginx/conf.d/default.conf
COPY --from=build /src/dist/apps/console /usr/share/nginx/html
# The image's nginx user (uid 101); it listens on 8080 because it cannot bind ports below 1024.
USER 101
EXPOSE 8080
HEALTHCHECK --interval=15s --timeout=3s --start-period=5s --retries=3 \
  CMD ["wget", "-q", "-O", "/dev/null", "http://127.0.0.1:8080/healthz"]
