#!/usr/bin/env bash
# Times `infracost compare --tokens 2B` (the whole bundled catalog) as a whole process on the release build,
# side by side with genai-prices' CLI pricing one model for the same 2B tokens, in one run; and a sweep of
# 10,000 volumes over the whole bundled catalog.
#
#   scripts/bench.sh              # 50 runs each; installs genai-prices into a throwaway virtual environment
#   RUNS=200 scripts/bench.sh
#   SKIP_GENAI_PRICES=1 scripts/bench.sh   # infracost only (no network needed)
set -euo pipefail
cd "$(dirname "$0")/.."
runs=${RUNS:-50}

echo "building release binary..." >&2
swift build -c release --static-swift-stdlib >/dev/null
bin="$(swift build -c release --show-bin-path)/infracost"

venv=""
if [ "${SKIP_GENAI_PRICES:-0}" != 1 ]; then
  venv=$(mktemp -d)
  trap 'rm -rf "$venv"' EXIT
  echo "installing genai-prices[cli] into $venv..." >&2
  python3 -m venv "$venv" && "$venv/bin/pip" install -q 'genai-prices[cli]' >&2 || venv=""
fi

python3 - "$runs" "$bin" "$venv" <<'PY'
import os, statistics, subprocess, sys, time

runs, binary, venv = int(sys.argv[1]), sys.argv[2], sys.argv[3]

def measure(name, command):
    subprocess.run(command, check=True, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)  # warm the page cache
    times = []
    for _ in range(runs):
        start = time.perf_counter()
        subprocess.run(command, check=True, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
        times.append((time.perf_counter() - start) * 1000)
    times.sort()
    median = statistics.median(times)
    p90 = times[int(0.9 * (len(times) - 1))]
    print(f"{name:<60} median {median:8.1f} ms   p90 {p90:8.1f} ms   min {times[0]:8.1f} ms   ({runs} runs)")
    return median

print(f"machine: {os.cpu_count()} cores; whole-process wall time")
ours = measure("infracost compare --tokens 2B (whole catalog, table)", [binary, "compare", "--tokens", "2B"])
measure("infracost compare --tokens 2B --format json", [binary, "compare", "--tokens", "2B", "--format", "json"])
sweep = measure("infracost sweep: 10,000 volumes x whole catalog, CSV", [binary, "sweep", "--from", "1M", "--to", "1T", "--steps", "10000", "--format", "csv"])
print(f"sweep target: under 500 ms -> {'met' if sweep < 500 else 'MISSED'}")
if venv:
    theirs = measure("genai-prices calc -i 1.5e9 -o 5e8 openai:gpt-4o (one model)",
                     [os.path.join(venv, "bin", "genai-prices"), "-p", "calc", "-i", "1500000000", "-o", "500000000", "openai:gpt-4o"])
    print(f"infracost is {theirs / ours:.0f}x faster than genai-prices (target: at least 20x; median under 20 ms)")
else:
    print("genai-prices skipped")
PY
