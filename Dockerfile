# syntax=docker/dockerfile:1
# tb for the daily 07:00 JST run: `docker run tb` runs `tb pipeline` with everything from the environment
# (see deploy/ and docs/runbook.md). Three stages: build (dev dependencies, tsc), deps (production
# dependencies with the native SQLite binding compiled), runtime (slim, non-root, no compiler, no dev deps).

FROM node:20-slim AS build
WORKDIR /src
# better-sqlite3 compiles from source where no prebuilt binary can be fetched.
RUN apt-get update && apt-get install -y --no-install-recommends python3 make g++ && rm -rf /var/lib/apt/lists/*
COPY package.json package-lock.json ./
# Scripts off: `prepare` would run tsc before the sources are here; the native module is built explicitly.
RUN npm ci --ignore-scripts --no-audit --no-fund && npm rebuild better-sqlite3
COPY tsconfig.json tsconfig.build.json ./
COPY src ./src
RUN npm run build

FROM node:20-slim AS deps
WORKDIR /app
RUN apt-get update && apt-get install -y --no-install-recommends python3 make g++ && rm -rf /var/lib/apt/lists/*
COPY package.json package-lock.json ./
RUN npm ci --omit=dev --ignore-scripts --no-audit --no-fund && npm rebuild better-sqlite3

FROM node:20-slim AS runtime
ENV NODE_ENV=production \
    TB_PROFILES_DIR=/app/deploy \
    TB_TARGET=prod
WORKDIR /app
COPY --from=deps /app/node_modules ./node_modules
COPY --from=build /src/dist ./dist
COPY package.json ./
COPY bin ./bin
COPY include ./include
# The analytics project: tb runs in /app, its project folder.
COPY project.yml ./
COPY models ./models
COPY macros ./macros
COPY seeds ./seeds
COPY tests ./tests
COPY deploy/profiles.yml ./deploy/profiles.yml
# target/ holds manifest.json, metrics.json and the compiled SQL; it is the only place tb writes.
RUN mkdir -p /app/target && chown node:node /app/target
USER node
ENTRYPOINT ["node", "/app/bin/tb.js"]
CMD ["pipeline", "--log-format", "json"]
