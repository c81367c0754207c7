#!/usr/bin/env bash
# Checks the production deploy files (deploy/docker, deploy/compose, deploy/gateway, deploy/helm) offline, since
# none of them can run here: compose is validated by the compose CLI, both nginx configurations by `nginx -t` and by
# routing real requests through them to stub upstreams on loopback, Dockerfiles and the Helm chart by structural checks
# (plus hadolint / helm lint when those tools exist). Installs missing Debian tools when run as root.
# Exits non-zero, after running every check, if any failed.
set -euo pipefail
cd "$(dirname "$0")/../.."

PY=/usr/bin/python3
failures=0
fail() {
  printf 'lint-deploy: FAIL %s\n' "$*" >&2
  failures=$((failures + 1))
}
ok() { printf 'lint-deploy: ok   %s\n' "$*"; }

# Installs a Debian package when its probe fails; without root, says what is missing and stops.
ensure_pkg() {
  local package=$1
  shift
  "$@" >/dev/null 2>&1 && return 0
  if [ "$(id -u)" -ne 0 ]; then
    echo "lint-deploy: missing the Debian package '$package' (run as root to install it, or apt-get install $package)" >&2
    exit 2
  fi
  echo "lint-deploy: installing $package…"
  apt-get install -y --no-install-recommends "$package" >/dev/null 2>&1 ||
    { apt-get update >/dev/null && apt-get install -y --no-install-recommends "$package" >/dev/null; }
}

ensure_pkg python3-yaml "$PY" -c 'import yaml'
ensure_pkg nginx test -x /usr/sbin/nginx
if docker compose version >/dev/null 2>&1; then
  compose=(docker compose)
else
  ensure_pkg docker-compose docker-compose version
  compose=(docker-compose)
fi

work=$(mktemp -d)
pids=()
cleanup() {
  for pid in "${pids[@]}"; do kill "$pid" 2>/dev/null || true; done
  wait 2>/dev/null || true
  rm -rf "$work"
}
trap cleanup EXIT

# ---------------------------------------------------------------- Dockerfiles, compose structure, Helm chart
"$PY" - <<'PY' || failures=$((failures + $?))
import json, pathlib, re, sys
import yaml

failed = 0
def fail(msg):
    global failed
    failed += 1
    print(f"lint-deploy: FAIL {msg}", file=sys.stderr)
def ok(msg):
    print(f"lint-deploy: ok   {msg}")

root = pathlib.Path('.')
projects = {}
for pj in root.glob('**/project.json'):
    if 'node_modules' in pj.parts or 'dist' in pj.parts:
        continue
    data = json.loads(pj.read_text())
    projects[data.get('name')] = data

# Dockerfiles: the final stage runs as a non-root user with a health check, builds an existing Nx target and starts
# an entry point whose source exists.
docker_dir = root / 'deploy/docker'
shared_ignore = (docker_dir / '.dockerignore').read_text()
for dockerfile in sorted(docker_dir.glob('*.Dockerfile')):
    name = dockerfile.name
    lines = [l.strip() for l in re.sub(r'\\\n', ' ', dockerfile.read_text()).splitlines()]
    instructions = [l for l in lines if l and not l.startswith('#')]
    froms = [i for i, l in enumerate(instructions) if l.upper().startswith('FROM ')]
    before = failed
    if not froms:
        fail(f'{name}: no FROM')
        continue
    final = instructions[froms[-1]:]
    users = [l.split(None, 1)[1] for l in final if l.upper().startswith('USER ')]
    if not users or users[-1].split(':')[0] in ('root', '0'):
        fail(f'{name}: the final stage must switch to a non-root USER')
    health = [l for l in final if l.upper().startswith('HEALTHCHECK ')]
    if not health:
        fail(f'{name}: the final stage has no HEALTHCHECK (use HEALTHCHECK NONE for one-shot jobs)')
    elif health[-1].upper() != 'HEALTHCHECK NONE' and not any(l.upper().startswith('EXPOSE ') for l in final):
        fail(f'{name}: a service image must EXPOSE its port')
    for target in re.findall(r'nx run ([\w-]+):([\w-]+)', dockerfile.read_text()):
        project = projects.get(target[0])
        if not project or target[1] not in project.get('targets', {}):
            fail(f'{name}: builds {target[0]}:{target[1]}, which no project.json defines')
    for entry in re.findall(r'"((?:apps/[\w-]+/src|migrations)/[\w./-]+)\.js"', dockerfile.read_text()):
        if not (root / f'{entry}.ts').exists():
            fail(f'{name}: starts {entry}.js, but {entry}.ts does not exist')
    ignore = dockerfile.with_name(name + '.dockerignore')
    if not ignore.exists() or ignore.read_text() != shared_ignore:
        fail(f'{name}: {ignore.name} must exist and match deploy/docker/.dockerignore')
    if failed == before:
        ok(f'{name}: non-root, health check, Nx target and entry point exist')

# Compose: every long-running service has a health check; the apps wait for the one-shots; each ${VAR} without a
# default is in .env.example, and .env.example holds nothing the file does not use.
compose_path = root / 'deploy/compose/docker-compose.yml'
compose_text = compose_path.read_text()
compose = yaml.safe_load(compose_text)
services = compose['services']
before = failed
for name, svc in services.items():
    one_shot = str(svc.get('restart', 'no')) == 'no'
    if not one_shot and 'healthcheck' not in svc:
        fail(f'docker-compose.yml: {name} has no healthcheck')
    build = svc.get('build')
    if build and not (compose_path.parent / build['context'] / build['dockerfile']).exists():
        fail(f'docker-compose.yml: {name} builds {build["dockerfile"]}, which does not exist')
    for dep, cond in (svc.get('depends_on') or {}).items():
        wanted = 'service_completed_successfully' if str(services[dep].get('restart', 'no')) == 'no' else 'service_healthy'
        if cond.get('condition') != wanted:
            fail(f'docker-compose.yml: {name} must wait for {dep} with {wanted}')
for app in ('core-api', 'registry', 'worker'):
    if 'migrate' not in (services[app].get('depends_on') or {}):
        fail(f'docker-compose.yml: {app} must start after migrate')
env_example = {l.split('=', 1)[0] for l in (compose_path.parent / '.env.example').read_text().splitlines()
               if l and not l.startswith('#')}
used = set(re.findall(r'\$\{(\w+)', compose_text))
required = set(re.findall(r'\$\{(\w+)(?:\}|:\?)', compose_text))
for var in sorted(required - env_example):
    fail(f'docker-compose.yml: ${{{var}}} has no default and is missing from .env.example')
for var in sorted(env_example - used):
    fail(f'.env.example: {var} is not used by docker-compose.yml')
if failed == before:
    ok('docker-compose.yml: health checks, start order and .env.example agree')

# Helm: Chart.yaml and values.yaml parse; templates balance their actions and only read values that exist.
chart_dir = root / 'deploy/helm/berth'
before = failed
chart = yaml.safe_load((chart_dir / 'Chart.yaml').read_text())
for key in ('apiVersion', 'name', 'version', 'appVersion'):
    if not chart.get(key):
        fail(f'helm Chart.yaml: {key} is missing')
if chart.get('apiVersion') != 'v2':
    fail('helm Chart.yaml: apiVersion must be v2')
values = yaml.safe_load((chart_dir / 'values.yaml').read_text())
OPENERS = re.compile(r'\{\{-?\s*(?:if|range|with|define|block)\b')
ENDS = re.compile(r'\{\{-?\s*end\s*-?\}\}')
for template in sorted((chart_dir / 'templates').iterdir()):
    text = template.read_text()
    rel = template.relative_to(chart_dir)
    if text.count('{{') != text.count('}}'):
        fail(f'helm {rel}: unbalanced {{{{ }}}}')
    if len(OPENERS.findall(text)) != len(ENDS.findall(text)):
        fail(f'helm {rel}: {len(OPENERS.findall(text))} if/range/with/define but {len(ENDS.findall(text))} end')
    for path in re.findall(r'\.Values((?:\.\w+)+)', text):
        node = values
        for part in path.strip('.').split('.'):
            if not isinstance(node, dict) or part not in node:
                fail(f'helm {rel}: .Values{path} is not in values.yaml')
                break
            node = node[part]
    if template.suffix == '.yaml':
        # With template actions blanked out, what remains must still be YAML (indentation, lists, mappings).
        blanked = re.sub(r'\{\{-?.*?-?\}\}', 'x', text, flags=re.S)
        blanked = '\n'.join(l for l in blanked.splitlines() if l.strip() != 'x')
        try:
            list(yaml.safe_load_all(blanked))
        except yaml.YAMLError as err:
            fail(f'helm {rel}: not YAML once actions are blanked: {str(err).splitlines()[0]}')
if failed == before:
    ok('helm chart: Chart.yaml, values.yaml and templates are consistent')
sys.exit(min(failed, 100))
PY

# ---------------------------------------------------------------- hadolint / helm, when installed
if command -v hadolint >/dev/null 2>&1; then
  if hadolint deploy/docker/*.Dockerfile; then ok 'hadolint'; else fail 'hadolint'; fi
fi
if command -v helm >/dev/null 2>&1; then
  helm_values=(--set secrets.databaseURL=postgres://u:p@db/berth --set secrets.redisURL=redis://r:6379
    --set secrets.s3AccessKey=a --set secrets.s3SecretKey=s --set secrets.adminPassword=changeme)
  if helm lint deploy/helm/berth "${helm_values[@]}" >/dev/null &&
    helm template t deploy/helm/berth "${helm_values[@]}" >/dev/null; then
    ok 'helm lint and helm template'
  else
    fail 'helm lint / helm template'
  fi
fi

# ---------------------------------------------------------------- compose CLI
if out=$("${compose[@]}" -f deploy/compose/docker-compose.yml --env-file deploy/compose/.env.example config -q 2>&1); then
  ok "docker-compose.yml: ${compose[*]} config"
else
  fail "docker-compose.yml: ${compose[*]} config: $out"
fi

# ---------------------------------------------------------------- nginx: syntax, then behaviour against stub upstreams
free_ports=$("$PY" -c '
import socket
socks = [socket.socket() for _ in range(5)]
for s in socks: s.bind(("127.0.0.1", 0))
print(" ".join(str(s.getsockname()[1]) for s in socks))
')
read -r gateway_port console_port registry_port core_api_port console_stub_port <<<"$free_ports"

mkdir -p "$work/gateway" "$work/console/html/assets"
chmod 755 "$work" "$work/gateway" "$work/console"
# Same file, with upstream hosts on loopback and every path nginx writes to inside the scratch directory.
sed -E \
  -e "s#server registry:5000;#server 127.0.0.1:$registry_port;#" \
  -e "s#server core-api:8080;#server 127.0.0.1:$core_api_port;#" \
  -e "s#server console:8080;#server 127.0.0.1:$console_stub_port;#" \
  -e "s#listen 8080;#listen 127.0.0.1:$gateway_port;#" \
  -e "s#/tmp/#$work/gateway/#g" \
  -e "s#error_log /dev/stderr#error_log $work/gateway/error.log#" \
  deploy/gateway/nginx.conf >"$work/gateway/nginx.conf"
sed -E -e "s#listen 8080;#listen 127.0.0.1:$console_port;#" -e "s#root /usr/share/nginx/html;#root $work/console/html;#" \
  deploy/gateway/console.nginx.conf >"$work/console/console.conf"
cat >"$work/console/nginx.conf" <<EOF
pid $work/console/nginx.pid;
error_log $work/console/error.log warn;
events {}
http {
  include /etc/nginx/mime.types;
  access_log off;
  client_body_temp_path $work/console/client_temp;
  proxy_temp_path $work/console/proxy_temp;
  fastcgi_temp_path $work/console/fastcgi_temp;
  uwsgi_temp_path $work/console/uwsgi_temp;
  scgi_temp_path $work/console/scgi_temp;
  include $work/console/console.conf;
}
EOF
printf '<!doctype html><title>Berth</title><div id="root"></div>' >"$work/console/html/index.html"
printf 'console.log(1);' >"$work/console/html/assets/index-abc123.js"

nginx_ok=1
for conf in gateway console; do
  if out=$(/usr/sbin/nginx -t -q -p "$work/$conf/" -c "$work/$conf/nginx.conf" 2>&1); then
    ok "nginx -t: deploy/gateway/$([ $conf = gateway ] && echo nginx.conf || echo console.nginx.conf)"
  else
    fail "nginx -t ($conf): $out"
    nginx_ok=0
  fi
done

if [ $nginx_ok = 1 ]; then
  # Stub upstreams: each answers with its own name, the path, the forwarded headers and how many body bytes arrived.
  "$PY" - "$registry_port" "$core_api_port" "$console_stub_port" >"$work/stub.log" 2>&1 <<'PY' &
import json, sys, threading
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer

def handler_for(name):
    class Handler(BaseHTTPRequestHandler):
        protocol_version = 'HTTP/1.1'
        def log_message(self, *args):
            pass
        def answer(self):
            received = 0
            if self.headers.get('Transfer-Encoding', '').lower() == 'chunked':
                while True:
                    size = int(self.rfile.readline().strip().split(b';')[0], 16)
                    received += len(self.rfile.read(size)) if size else 0
                    self.rfile.readline()
                    if size == 0:
                        break
            else:
                length = int(self.headers.get('Content-Length') or 0)
                while received < length:
                    received += len(self.rfile.read(min(1 << 20, length - received)))
            body = json.dumps({
                'upstream': name, 'path': self.path, 'received': received,
                'host': self.headers.get('Host'), 'proto': self.headers.get('X-Forwarded-Proto'),
                'forwarded_host': self.headers.get('X-Forwarded-Host'),
                'forwarded_for': self.headers.get('X-Forwarded-For'),
            }).encode()
            self.send_response(200)
            self.send_header('Content-Type', 'application/json')
            self.send_header('Content-Length', str(len(body)))
            self.end_headers()
            self.wfile.write(body)
        do_GET = do_PUT = do_POST = do_PATCH = do_DELETE = answer
    return Handler

servers = [ThreadingHTTPServer(('127.0.0.1', int(port)), handler_for(name))
           for name, port in zip(('registry', 'core-api', 'console'), sys.argv[1:])]
for server in servers[1:]:
    threading.Thread(target=server.serve_forever, daemon=True).start()
servers[0].serve_forever()
PY
  pids+=($!)
  for conf in gateway console; do
    /usr/sbin/nginx -p "$work/$conf/" -c "$work/$conf/nginx.conf" -g 'daemon off;' >"$work/$conf/out.log" 2>&1 &
    pids+=($!)
  done

  "$PY" - "$gateway_port" "$console_port" "$registry_port" "$core_api_port" "$console_stub_port" <<'PY' || failures=$((failures + $?))
import http.client, json, socket, sys, time

gateway, console = (int(p) for p in sys.argv[1:3])
READY_TIMEOUT_S = 10
deadline = time.monotonic() + READY_TIMEOUT_S
for port in (int(p) for p in sys.argv[1:]):
    while True:
        try:
            socket.create_connection(('127.0.0.1', port), timeout=1).close()
            break
        except OSError:
            if time.monotonic() > deadline:
                raise SystemExit(f'lint-deploy: FAIL nothing listens on 127.0.0.1:{port} (see the nginx and stub logs)')
            time.sleep(0.05)
failed = 0
def check(label, condition, detail=''):
    global failed
    if condition:
        print(f'lint-deploy: ok   {label}')
    else:
        failed += 1
        print(f'lint-deploy: FAIL {label} {detail}', file=sys.stderr)

def request(port, method, path, body=None, headers=None, chunked=False):
    conn = http.client.HTTPConnection('127.0.0.1', port, timeout=30)
    conn.request(method, path, body=body, headers=headers or {}, encode_chunked=chunked)
    response = conn.getresponse()
    return response.status, dict(response.getheaders()), response.read()

routes = {'/v2/': 'registry', '/v2/library/busybox/manifests/latest': 'registry', '/service/token': 'core-api',
          '/api/v2.0/systeminfo': 'core-api', '/': 'console', '/projects/1/repositories': 'console'}
for path, upstream in routes.items():
    status, _, body = request(gateway, 'GET', path, headers={'Host': 'berth.example.test:8443'})
    seen = json.loads(body) if status == 200 else {}
    check(f'gateway routes {path} to {upstream}', seen.get('upstream') == upstream and seen.get('path') == path,
          f'(status {status}, {seen})')
status, _, body = request(gateway, 'GET', '/v2/', headers={'Host': 'berth.example.test:8443', 'X-Forwarded-Proto': 'https'})
seen = json.loads(body)
check('gateway forwards Host, X-Forwarded-Host/Proto/For',
      seen['host'] == seen['forwarded_host'] == 'berth.example.test:8443' and seen['proto'] == 'https'
      and seen['forwarded_for'] == '127.0.0.1', str(seen))
status, _, body = request(gateway, 'GET', '/api/v2.0/ping')
check('gateway sets X-Forwarded-Proto to its own scheme when none came in', json.loads(body)['proto'] == 'http')

layer = b'\0' * (12 * 1024 * 1024)
status, _, body = request(gateway, 'PUT', '/v2/library/busybox/blobs/uploads/1', body=layer)
check('gateway passes a 12 MiB blob to the registry', status == 200 and json.loads(body)['received'] == len(layer),
      f'(status {status})')
status, _, body = request(gateway, 'PATCH', '/v2/library/busybox/blobs/uploads/1', body=iter([layer[:1 << 20]] * 3),
                          chunked=True)
check('gateway streams a chunked upload to the registry', status == 200 and json.loads(body)['received'] == 3 << 20,
      f'(status {status})')
status, _, _ = request(gateway, 'POST', '/api/v2.0/projects', body=layer)
check('gateway refuses a 12 MiB body outside /v2/ with 413', status == 413, f'(status {status})')
status, _, body = request(gateway, 'GET', '/healthz')
check('gateway answers its own /healthz', status == 200 and body == b'ok')

status, headers, body = request(console, 'GET', '/projects/1/repositories')
check('console answers index.html for a deep link', status == 200 and b'id="root"' in body, f'(status {status})')
check('console never caches index.html', 'no-cache' in headers.get('Cache-Control', ''), str(headers))
status, headers, _ = request(console, 'GET', '/assets/index-abc123.js')
check('console caches fingerprinted assets for a year', status == 200 and 'max-age=31536000' in headers.get('Cache-Control', ''),
      str(headers))
status, _, _ = request(console, 'GET', '/assets/missing.js')
check('console answers 404 for a missing asset instead of index.html', status == 404, f'(status {status})')
status, headers, _ = request(console, 'GET', '/healthz')
check('console answers /healthz with security headers', status == 200 and headers.get('X-Content-Type-Options') == 'nosniff')
sys.exit(min(failed, 100))
PY
fi

if [ "$failures" -gt 0 ]; then
  echo "lint-deploy: $failures check(s) failed" >&2
  exit 1
fi
echo 'lint-deploy: all deploy checks passed'
