# ocpi-conformance as an image: `docker build -t ocpi-conformance .`, then
# `docker run --rm -e OCPI_CONFORMANCE_TOKEN ocpi-conformance run --versions-url https://ocpi.example.com/versions`.
# Kept minimal on purpose: the project's CI has no Docker, so this file is not built there (test:package checks the
# same tarball it installs).
FROM node:20-bookworm-slim AS build
WORKDIR /src
COPY package.json package-lock.json ./
RUN npm ci --ignore-scripts --no-audit --no-fund
COPY . .
RUN npm pack --pack-destination /tmp && mv /tmp/ocpi-conformance-*.tgz /tmp/ocpi-conformance.tgz

FROM node:20-bookworm-slim
COPY --from=build /tmp/ocpi-conformance.tgz /tmp/ocpi-conformance.tgz
RUN npm install --global --no-audit --no-fund /tmp/ocpi-conformance.tgz && rm /tmp/ocpi-conformance.tgz
USER node
WORKDIR /home/node
ENTRYPOINT ["ocpi-conformance"]
CMD ["--help"]
