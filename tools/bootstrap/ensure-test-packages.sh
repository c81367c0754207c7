#!/usr/bin/env bash
# Installs the Debian packages the test suite and the benchmark drive (real clients, throwaway services, CNCF
# Distribution as the benchmark peer) when any is missing.
# Each entry is "<command, or absolute path of a file, that proves it is installed>:<package>".
set -euo pipefail
needed=(
  "skopeo:skopeo"
  "/usr/lib/python3/dist-packages/swift/__init__.py:python3-swift"
  "redis-server:redis-server"
  "psql:postgresql-client"
  "nginx:nginx"
  "slapd:slapd"
  "ldapadd:ldap-utils"
  "chromium:chromium"
  "podman:podman"
  "buildah:buildah"
  "dockerd:docker.io"
  "ctr:containerd"
  "docker-registry:docker-registry"
)
missing=()
for entry in "${needed[@]}"; do
  probe="${entry%:*}"
  command -v "$probe" >/dev/null 2>&1 || [[ -x "/usr/sbin/$probe" || ( $probe == /* && -e $probe ) ]] || missing+=("${entry##*:}")
done
[[ ${#missing[@]} -eq 0 ]] && exit 0
if [[ $(id -u) -ne 0 ]]; then
  echo "berth: the tests need these Debian packages: ${missing[*]} (install them as root)" >&2
  exit 1
fi
echo "berth: installing Debian packages for the tests: ${missing[*]}"
export DEBIAN_FRONTEND=noninteractive
apt-get update -qq
apt-get install -y -qq --no-install-recommends "${missing[@]}" >/dev/null
