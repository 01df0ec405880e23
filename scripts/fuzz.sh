#!/usr/bin/env bash
# Fuzz one of infracost's parsers with libFuzzer.
#   scripts/fuzz.sh TARGET SECONDS     TARGET: quantities | pricing | workload | trace | yaml | registry | mcp | benchmark | simulate | exact | all
# Builds the InfracostKit sources together with Fuzz/FuzzTargets.swift into one instrumented binary
# (swiftc -sanitize=fuzzer,address; about 2 minutes on 2 cores, reused while the sources are unchanged),
# then runs the target for SECONDS starting from the seed corpus in Fuzz/corpus/TARGET. With `all`, SECONDS
# is split evenly across the targets. New inputs that reach new code go to a scratch corpus; a crash
# writes crash-* into Fuzz/crashes/ and makes the script fail. Prints the number of executions.
set -euo pipefail
cd "$(dirname "$0")/.."

target=${1:?usage: scripts/fuzz.sh TARGET SECONDS (TARGET: quantities, pricing, workload, trace, yaml, registry, mcp, benchmark, simulate, exact, all)}
seconds=${2:?usage: scripts/fuzz.sh TARGET SECONDS}
targets=(quantities pricing workload trace yaml registry mcp benchmark simulate exact)
if [[ "$target" == all ]]; then
  per=$(( seconds / ${#targets[@]} )); (( per > 0 )) || per=1
  for t in "${targets[@]}"; do "$0" "$t" "$per"; done
  exit 0
fi
[[ " ${targets[*]} " == *" $target "* ]] || { echo "unknown target '$target'; use one of: ${targets[*]}, all" >&2; exit 64; }

build=.build-fuzz
mkdir -p "$build" Fuzz/crashes
binary="$build/infracost-fuzz"
sources=$(find Sources/InfracostKit -name '*.swift' | sort)
stamp=$(cat $sources Fuzz/FuzzTargets.swift | cksum | cut -d' ' -f1)
if [[ ! -x "$binary" || "$(cat "$build/stamp" 2>/dev/null)" != "$stamp" ]]; then
  echo "== building the fuzz binary (swiftc -sanitize=fuzzer,address)" >&2
  # shellcheck disable=SC2086
  swiftc -sanitize=fuzzer,address -parse-as-library -O -module-name InfracostKit \
    -enable-upcoming-feature InternalImportsByDefault \
    $sources Fuzz/FuzzTargets.swift -o "$binary" 2> "$build/build.log" \
    || { cat "$build/build.log" >&2; exit 1; }
  echo "$stamp" > "$build/stamp"
fi

scratch="$build/corpus-$target"
mkdir -p "$scratch"
log="$build/$target.log"
echo "== fuzzing $target for ${seconds}s" >&2
status=0
INFRACOST_FUZZ_TARGET=$target "$binary" -max_total_time="$seconds" -max_len=65536 -timeout=10 -rss_limit_mb=4096 \
  -artifact_prefix=Fuzz/crashes/"$target"- -print_final_stats=1 "$scratch" "Fuzz/corpus/$target" > "$log" 2>&1 || status=$?
runs=$(grep -E '^stat::number_of_executed_units' "$log" | awk '{print $2}')
echo "$target: ${runs:-?} executions in ${seconds}s, exit $status"
if (( status != 0 )); then
  grep -E 'ERROR|Fatal|Test unit written|SUMMARY' "$log" >&2 || tail -30 "$log" >&2
  exit 1
fi
