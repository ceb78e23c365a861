#!/usr/bin/env bash
# Coverage-guided fuzzing of the parsers (quality.md S6) with AFL++ (Debian's afl++) and SharpFuzz, for a bounded time.
#   bench/fuzz.sh [seconds per target] [target ...]     (default: 300 s each, every target)
# Targets: check (the batch check's input), bpa (the BPA roster format), curtois (the Curtois benchmark format),
# import-csv and import-xlsx (the imports), bundle (the arrangement bundle). What a target must do with bad input is in
# tests/Shared/FuzzTargets.cs. Crashes are listed at the end; keep each, once fixed, under tests/fuzz-cases/<target>/,
# where Web.Tests replays them on every run. Exit code 1 when a target crashed.
set -euo pipefail
cd "$(dirname "${BASH_SOURCE[0]}")/.."
seconds=${1:-300}
shift || true
targets=("$@")
[ ${#targets[@]} -gt 0 ] || targets=(check bpa curtois import-csv import-xlsx bundle)

if ! command -v afl-fuzz >/dev/null 2>&1; then
  echo "==> Installing afl++ (Debian package)"
  if [ "$(id -u)" = 0 ]; then sudo=""; else sudo="sudo"; fi
  $sudo apt-get update -qq
  DEBIAN_FRONTEND=noninteractive $sudo apt-get install -y -qq --no-install-recommends afl++ >/dev/null
fi

out=${FUZZ_OUT:-$(mktemp -d /tmp/selvstyrt-fuzz.XXXXXX)}
plain="$out/plain"
app="$out/app"
echo "==> Building the harness into $plain"
dotnet tool restore >/dev/null
dotnet publish bench/Selvstyrt.Fuzz -c Release -o "$plain" -nologo -v q -clp:ErrorsOnly >/dev/null
# Instrumented code reports to AFL++'s shared memory and runs only under afl-fuzz: the seeds and the replay use the plain copy.
rm -rf "$app"
cp -r "$plain" "$app"
echo "==> Instrumenting the parsers' assemblies (SharpFuzz)"
for dll in Selvstyrt.Domain.dll Selvstyrt.Rostering.dll Selvstyrt.Web.dll CsvHelper.dll; do
  dotnet sharpfuzz "$app/$dll" >/dev/null
done

seeds="$out/seeds"
mkdir -p "$seeds/check" "$seeds/curtois"
cp tests/Selvstyrt.Cli.Tests/fixtures/07-no-pause.json tests/Selvstyrt.Cli.Tests/fixtures/04-two-sundays.json "$seeds/check/"
if [ -f ../shared/roster-benchmark/instances/Instance1.txt ]; then
  cp ../shared/roster-benchmark/instances/Instance1.txt "$seeds/curtois/"
else
  printf 'SECTION_HORIZON\n7\n\nSECTION_SHIFTS\nD,480,\n\nSECTION_STAFF\nA,D=7,2400,960,5,1,1,1\n\nSECTION_DAYS_OFF\nA,6\n\nSECTION_SHIFT_ON_REQUESTS\n\nSECTION_SHIFT_OFF_REQUESTS\n\nSECTION_COVER\n0,D,1,100,1\n' > "$seeds/curtois/liten.txt"
fi
dotnet "$plain/Selvstyrt.Fuzz.dll" --seeds "$seeds"

status=0
mkdir -p "$out/findings"
summary=()
for target in "${targets[@]}"; do
  echo "==> Fuzzing $target for ${seconds}s"
  AFL_SKIP_CPUFREQ=1 AFL_I_DONT_CARE_ABOUT_MISSING_CRASHES=1 AFL_NO_UI=1 AFL_SKIP_BIN_CHECK=1 \
    afl-fuzz -V "$seconds" -i "$seeds/$target" -o "$out/findings/$target" -t 10000 -m none -- "$(command -v dotnet)" "$app/Selvstyrt.Fuzz.dll" "$target" >"$out/$target.log" 2>&1 || true
  stats="$out/findings/$target/default/fuzzer_stats"
  execs=$(awk -F': *' '/^execs_done/ {print $2}' "$stats" 2>/dev/null || echo 0)
  paths=$(awk -F': *' '/^corpus_count/ {print $2}' "$stats" 2>/dev/null || echo 0)
  crashes=$(find "$out/findings/$target/default/crashes" -name 'id:*' 2>/dev/null | wc -l)
  hangs=$(find "$out/findings/$target/default/hangs" -name 'id:*' 2>/dev/null | wc -l)
  summary+=("$target: ${execs:-0} inputs, ${paths:-0} paths, $crashes crashes, $hangs hangs")
  if [ "$crashes" -gt 0 ]; then
    status=1
    echo "--- $target: the crashes, replayed"
    dotnet "$plain/Selvstyrt.Fuzz.dll" "$target" --replay "$out/findings/$target/default/crashes" || true
  fi
done
echo "==> Fuzzing done ($out)"
printf '%s\n' "${summary[@]}"
exit $status
