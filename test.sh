#!/usr/bin/env bash
# Runs every Selvstyrt test: unit, integration on SQLite and PostgreSQL, and browser tests in Chromium.
# Installs Debian's chromium and postgresql when missing, starts a throwaway PostgreSQL cluster on a
# free loopback port in a temporary folder (no system service), and stops it on exit.
set -euo pipefail
cd "$(dirname "${BASH_SOURCE[0]}")"
started=$(date +%s)

ci=false
[ "${CI:-}" = "true" ] && ci=true

need_apt=()
[ -x /usr/bin/chromium ] || need_apt+=(chromium)
pg_bin=""
for v in 17 16 15; do
  if [ -x "/usr/lib/postgresql/$v/bin/pg_ctl" ]; then pg_bin="/usr/lib/postgresql/$v/bin"; break; fi
done
[ -n "$pg_bin" ] || need_apt+=(postgresql)
fc-list 2>/dev/null | grep -qi dejavu || need_apt+=(fonts-dejavu-core)
# Node.js runs Redocly CLI, which lints the API's OpenAPI document (tools/openapi).
command -v node >/dev/null 2>&1 || need_apt+=(nodejs)
command -v npm >/dev/null 2>&1 || need_apt+=(npm)
if [ ${#need_apt[@]} -gt 0 ]; then
  echo "==> Installing ${need_apt[*]} (Debian packages)"
  if [ "$(id -u)" = 0 ]; then sudo=""; else sudo="sudo"; fi
  $sudo apt-get update -qq
  DEBIAN_FRONTEND=noninteractive $sudo apt-get install -y -qq --no-install-recommends "${need_apt[@]}" >/dev/null
  for v in 17 16 15; do
    if [ -x "/usr/lib/postgresql/$v/bin/pg_ctl" ]; then pg_bin="/usr/lib/postgresql/$v/bin"; break; fi
  done
fi
if [ ! -x /usr/bin/chromium ]; then echo "FEIL: /usr/bin/chromium mangler etter installasjon." >&2; exit 1; fi
if [ -z "$pg_bin" ]; then echo "FEIL: PostgreSQL-serveren mangler etter installasjon." >&2; exit 1; fi
if ! node -e 'const [a,b]=process.versions.node.split(".").map(Number);process.exit(a>20||(a===20&&b>=19)?0:1)'; then
  echo "FEIL: Redocly CLI trenger Node.js 20.19 eller nyere; denne maskinen har $(node --version)." >&2; exit 1
fi
echo "==> Installing the OpenAPI linter (npm ci in tools/openapi)"
npm ci --prefix tools/openapi --no-audit --no-fund --loglevel=error >/dev/null
echo "==> Installing HTML_CodeSniffer for the browser tests (npm ci in tools/a11y)"
npm ci --prefix tools/a11y --no-audit --no-fund --loglevel=error >/dev/null

# A throwaway PostgreSQL cluster. PostgreSQL refuses to run as root, so run it as the postgres user.
pg_dir=$(mktemp -d /tmp/selvstyrt-pg.XXXXXX)
port=""
for _ in $(seq 1 50); do
  candidate=$(( 20000 + RANDOM % 30000 ))
  if ! (exec 3<>"/dev/tcp/127.0.0.1/$candidate") 2>/dev/null; then port=$candidate; break; fi
done
[ -n "$port" ] || { echo "FEIL: fant ingen ledig port for PostgreSQL." >&2; exit 1; }
as_pg=()
if [ "$(id -u)" = 0 ]; then
  chown postgres:postgres "$pg_dir"
  as_pg=(runuser -u postgres --)
fi
stop_pg() {
  "${as_pg[@]}" "$pg_bin/pg_ctl" -D "$pg_dir/data" -m immediate stop >/dev/null 2>&1 || true
  rm -rf "$pg_dir"
}
trap stop_pg EXIT
echo "==> Starting a temporary PostgreSQL on 127.0.0.1:$port"
"${as_pg[@]}" "$pg_bin/initdb" -D "$pg_dir/data" -U postgres -A trust -E UTF8 --locale=C.UTF-8 >/dev/null
"${as_pg[@]}" "$pg_bin/pg_ctl" -D "$pg_dir/data" -l "$pg_dir/server.log" -w -t 60 \
  -o "-c listen_addresses=127.0.0.1 -c port=$port -c unix_socket_directories=$pg_dir -c fsync=off -c synchronous_commit=off -c full_page_writes=off -c max_connections=200" start >/dev/null
export SELVSTYRT_TEST_PG="Host=127.0.0.1;Port=$port;Username=postgres;Database=postgres;Include Error Detail=true"

echo "==> Building"
dotnet build Selvstyrt.slnx -c Release -nologo -v q -clp:ErrorsOnly

status=0
passed=0
failed=0
skipped=0
log_dir=$(mktemp -d /tmp/selvstyrt-tests.XXXXXX)
run() {
  local project=$1
  echo "==> Testing $project"
  local log="$log_dir/$project.log"
  # xunit v3 test projects are programs: run them directly; -noColor keeps CI logs readable.
  if ! dotnet "tests/$project/bin/Release/net10.0/$project.dll" -noColor 2>&1 | tee "$log"; then status=1; fi
  local line
  line=$(grep -E 'Total: [0-9]+, Errors: [0-9]+, Failed: [0-9]+, Skipped: [0-9]+' "$log" | tail -n 1 || true)
  if [ -z "$line" ]; then echo "FEIL: $project skrev ingen oppsummering." >&2; status=1; return; fi
  local total errors fails skips
  total=$(sed -E 's/.*Total: ([0-9]+).*/\1/' <<<"$line")
  errors=$(sed -E 's/.*Errors: ([0-9]+).*/\1/' <<<"$line")
  fails=$(sed -E 's/.*Failed: ([0-9]+).*/\1/' <<<"$line")
  skips=$(sed -E 's/.*Skipped: ([0-9]+).*/\1/' <<<"$line")
  passed=$(( passed + total - fails - skips - errors ))
  failed=$(( failed + fails + errors ))
  skipped=$(( skipped + skips ))
  if [ "$total" = 0 ]; then echo "FEIL: $project kjørte ingen tester." >&2; status=1; fi
  if [ $(( fails + errors )) -gt 0 ]; then status=1; fi
  if $ci && [ "$skips" -gt 0 ]; then echo "FEIL: $skips tester ble hoppet over under CI." >&2; status=1; fi
}
run Selvstyrt.Domain.Tests
run Selvstyrt.Cli.Tests
run Selvstyrt.Rostering.Tests
run Selvstyrt.Web.Tests
run Selvstyrt.E2E
rm -rf "$log_dir"

elapsed=$(( $(date +%s) - started ))
echo "==> test.sh finished in ${elapsed}s"
echo "$passed passed, $failed failed, $skipped skipped"
exit $status
