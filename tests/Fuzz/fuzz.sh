#!/usr/bin/env bash
# Bounded coverage-guided fuzzing of the parsers of user text (./hms fuzz; docs/fuzzing.md).
#   fuzz.sh [--target smt|infix|document|all] [--seconds N] [--runs N] [--smoke]
# Builds the harness, instruments Hms.Proving.dll with SharpFuzz, builds the libFuzzer driver, then runs
# each target for at most N seconds. Crashes and hangs are saved under .hms/fuzz/findings/TARGET/.
# --smoke is the run ./hms test does: a fixed seed, a fresh corpus from the seeds and a bounded number of
# inputs per target, so that the same code gives the same run.
# Prints one line per target, "hms fuzz: PASS TARGET ..." or "hms fuzz: FAIL TARGET ...";
# exits 1 when any target found something.
set -euo pipefail

here="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
root="$(cd "$here/../.." && pwd)"
state="${HMS_STATE_DIR:-$root/.hms}/fuzz"
targets=(smt infix document)

say() { printf 'hms fuzz: %s\n' "$*" >&2; }

target=all seconds=60 runs=0 smoke=0
while (($#)); do
  case "$1" in
    --target) target="${2:?--target needs a value}"; shift 2 ;;
    --seconds) seconds="${2:?--seconds needs a value}"; shift 2 ;;
    --runs) runs="${2:?--runs needs a value}"; shift 2 ;;
    --smoke) smoke=1; shift ;;
    -h|--help) sed -n '2,9p' "${BASH_SOURCE[0]}" | sed 's/^# \{0,1\}//' >&2; exit 0 ;;
    *) say "unknown option '$1'"; exit 2 ;;
  esac
done
[[ "$seconds" =~ ^[1-9][0-9]*$ ]] || { say "--seconds must be a positive whole number"; exit 2; }
[[ "$runs" =~ ^[0-9]+$ ]] || { say "--runs must be a whole number"; exit 2; }
if [[ "$target" == all ]]; then
  selected=("${targets[@]}")
elif [[ " ${targets[*]} " == *" $target "* ]]; then
  selected=("$target")
else
  say "unknown target '$target' (expected ${targets[*]} or all)"; exit 2
fi
if ((smoke)); then
  # ./hms test: at most 30 s per target (90 s for all three), usually less: the run count ends it first.
  seconds=30
  ((runs > 0)) || runs=60000
fi

# clang links the driver; Debian's libFuzzer.a supplies libFuzzer itself.
fuzz_library=/usr/lib/llvm-14/lib/libFuzzer.a
if [[ ! -x /usr/bin/clang || ! -f "$fuzz_library" ]]; then
  if [[ $(id -u) -ne 0 ]]; then
    say "missing Debian packages; install them with: sudo apt-get install -y clang libfuzzer-14-dev"
    exit 1
  fi
  say "installing clang libfuzzer-14-dev ..."
  DEBIAN_FRONTEND=noninteractive apt-get update -qq >&2
  DEBIAN_FRONTEND=noninteractive apt-get install -y -qq --no-install-recommends clang libfuzzer-14-dev >&2
fi

mkdir -p "$state"
newer_than() { [[ ! -f "$1" ]] || [[ -n "$(find "${@:2}" \( -name bin -o -name obj \) -prune -o -type f -newer "$1" -print -quit)" ]]; }

# The harness, built as usual, then copied and instrumented: the build output itself stays plain, so the
# rest of the solution (and replaying a finding) never runs instrumented code.
harness_build="$here/bin/Release/net10.0"
instrumented="$state/instrumented"
stamp="$state/instrumented.stamp"
if newer_than "$stamp" "$here" "$root/src/Proving" "$root/Directory.Build.props" || [[ ! -f "$instrumented/Hms.Fuzz.dll" ]]; then
  say "building and instrumenting the harness ..."
  dotnet build "$here/Fuzz.csproj" -c Release -nologo -clp:ErrorsOnly -v:q >&2
  (cd "$here" && dotnet tool restore >/dev/null)
  rm -rf "$instrumented"
  cp -r "$harness_build" "$instrumented"
  (cd "$here" && dotnet tool run sharpfuzz "$instrumented/Hms.Proving.dll" >&2)
  touch "$stamp"
fi

driver="$state/libfuzzer-dotnet"
if [[ ! -x "$driver" || "$here/driver.c" -nt "$driver" ]]; then
  say "building the libFuzzer driver ..."
  clang -O2 -Wall -Wextra -Werror -c "$here/driver.c" -o "$state/driver.o"
  clang++ "$state/driver.o" "$fuzz_library" -lpthread -o "$driver"
fi

found=0
for name in "${selected[@]}"; do
  findings="$state/findings/$name"
  if ((smoke)); then corpus="$state/smoke-corpus/$name"; rm -rf "$corpus"; else corpus="$state/corpus/$name"; fi
  mkdir -p "$findings" "$corpus"
  log="$state/$name.log"
  before=$(find "$findings" -type f | wc -l)
  flags=(-seed=1 -max_total_time="$seconds" -timeout=10 -max_len=8192 -print_final_stats=1
         -artifact_prefix="$findings/")
  ((runs > 0)) && flags+=(-runs="$runs")
  [[ -f "$here/dictionaries/$name.dict" ]] && flags+=(-dict="$here/dictionaries/$name.dict")
  bound="${seconds} s"; ((runs > 0)) && bound+=" or $runs inputs"
  say "$name: fuzzing for at most $bound (log: $log)"
  # The first folder collects what libFuzzer finds; the seeds in the repository are only read.
  # A 1 GiB heap limit turns a memory explosion into an OutOfMemoryException, which counts as a crash.
  rc=0
  HMS_FUZZ_HARNESS="$instrumented/Hms.Fuzz.dll" HMS_FUZZ_TARGET="$name" DOTNET_GCHeapHardLimit=0x40000000 \
    "$driver" "${flags[@]}" "$corpus" "$here/seeds/$name" >"$log" 2>&1 || rc=$?
  executed=$(sed -n 's/^stat::number_of_executed_units: *//p' "$log" | tail -n 1)
  after=$(find "$findings" -type f | wc -l)
  if ((rc == 0 && after == before)); then
    echo "hms fuzz: PASS $name (${executed:-0} inputs, no crash, no hang)"
  else
    found=1
    artifact=$(sed -n 's/.*Test unit written to \(.*\)$/\1/p' "$log" | tail -n 1)
    echo "hms fuzz: FAIL $name (exit $rc after ${executed:-?} inputs)${artifact:+: $artifact}"
    grep -a -m 20 -E 'Exception|   at |deadly signal|timeout|out-of-memory|harness died' "$log" >&2 || tail -n 20 "$log" >&2
    [[ -n "$artifact" ]] && say "replay: dotnet $harness_build/Hms.Fuzz.dll $name $artifact"
  fi
done
exit "$found"
