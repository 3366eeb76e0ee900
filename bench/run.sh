#!/bin/sh
# run.sh — sofgen against Hugo on the shared synthetic catalogue, side by side in one
# run (these machines are noisy: only ratios measured together mean much).
#
#   bench/run.sh [RUNS]          N = 1 000 and 10 000 insatser (BENCH_LARGE=1 adds 100 000)
#   BENCH_N="1000 5000" bench/run.sh 3
#
# For each N: generates the site with bench/gen.py (sofgen's side adapted:
# gen.py writes no forms, so bench/remiss.yaml is copied in), then RUNS times each:
# a full sofgen build, a full Hugo build, and `cp -a` of sofgen's output (the I/O
# floor), recording wall time and peak RSS (/usr/bin/time). Output trees are removed
# before each run, untimed. Then a one-file rebuild in `sofgen serve` if the binary
# has it. Writes bench/results.md (a Markdown table: median and min–max) and
# bench/results.svg (build time against N), and prints the table.
set -eu
HERE=$(cd "$(dirname "$0")" && pwd)
ROOT=$(dirname "$HERE")
GEN=${GEN:-$ROOT/bench/gen.py}
SOFGEN=${SOFGEN:-$ROOT/sofgen}
RUNS=${1:-3}
WORK=${BENCH_DIR:-/tmp/sofgen-bench}
N_LIST=${BENCH_N:-"1000 10000"}
[ "${BENCH_LARGE:-0}" = 1 ] && N_LIST="$N_LIST 100000"

missing=""
command -v hugo >/dev/null 2>&1 || missing="$missing hugo"
[ -x /usr/bin/time ] || missing="$missing time"
command -v python3 >/dev/null 2>&1 || missing="$missing python3"
if [ -n "$missing" ]; then
	if [ "$(id -u)" = 0 ]; then
		export DEBIAN_FRONTEND=noninteractive
		apt-get update -qq >/dev/null
		apt-get install -y -qq $missing >/dev/null
	else
		echo "bench: missing:$missing; run: sudo apt-get install -y$missing" >&2
		exit 1
	fi
fi
[ -x "$SOFGEN" ] || { echo "bench: build sofgen first (make)" >&2; exit 1; }
[ -f "$GEN" ] || { echo "bench: $GEN not found (the benchmark's catalogue generator)" >&2; exit 1; }
mkdir -p "$WORK"
RAW=$WORK/raw.tsv
printf 'n\ttool\trun\tseconds\tpeak_kib\tfiles\n' > "$RAW"

measure() { # label n run command... → a line in RAW
	label=$1 n=$2 run=$3 files=$4
	shift 4
	sync
	/usr/bin/time -f '%e %M' -o "$WORK/time.txt" "$@" >/dev/null 2>"$WORK/stderr.txt" || {
		echo "bench: $label failed:" >&2
		cat "$WORK/stderr.txt" >&2
		exit 1
	}
	read -r secs kib < "$WORK/time.txt"
	printf '%s\t%s\t%s\t%s\t%s\t%s\n' "$n" "$label" "$run" "$secs" "$kib" "$files" >> "$RAW"
	echo "  $label run $run: ${secs} s, $((kib / 1024)) MiB"
}

for n in $N_LIST; do
	dir=$WORK/n$n
	if [ ! -d "$dir/sofgen/content" ]; then
		echo "generating $n insatser…"
		python3 "$GEN" --insatser "$n" --out "$dir" --force >/dev/null
	fi
	mkdir -p "$dir/sofgen/content/blanketter"
	cp "$HERE/remiss.yaml" "$dir/sofgen/content/blanketter/remiss.yaml"
	echo "N = $n"
	for run in $(seq 1 "$RUNS"); do
		rm -rf "$dir/out-sofgen" "$dir/out-hugo" "$dir/out-copy"
		measure sofgen "$n" "$run" 0 "$SOFGEN" build --content "$dir/sofgen/content" --templates "$ROOT/templates" \
			--assets "$ROOT/assets" --out "$dir/out-sofgen" --now 2026-11-01
		files=$(find "$dir/out-sofgen" -type f | wc -l)
		sed -i "\$s/\t0\$/\t$files/" "$RAW"
		measure hugo "$n" "$run" 0 hugo --quiet -s "$dir/hugo" -d "$dir/out-hugo"
		files=$(find "$dir/out-hugo" -type f | wc -l)
		sed -i "\$s/\t0\$/\t$files/" "$RAW"
		measure copy "$n" "$run" 0 cp -a "$dir/out-sofgen" "$dir/out-copy"
	done
	# the page set both must write is a subset of sofgen's output
	missing=$( (cd "$dir/out-sofgen" && find . -type f | sed 's|^\./||' | LC_ALL=C sort) |
		LC_ALL=C comm -13 - "$dir/expected-files.txt" | wc -l)
	echo "  pages of the common page set missing from sofgen's output: $missing"
	[ "$missing" = 0 ] || exit 1
	# one changed insats in `sofgen serve`, if this sofgen has it
	if "$SOFGEN" --help 2>&1 | grep -q "sofgen serve"; then
		python3 "$HERE/serve_rebuild.py" "$SOFGEN" "$dir" "$ROOT" "$RUNS" >> "$RAW" || echo "  (serve rebuild not measured)"
	fi
	rm -rf "$dir/out-sofgen" "$dir/out-hugo" "$dir/out-copy"
done

python3 "$HERE/report.py" "$RAW" "$HERE/results.md" "$HERE/results.svg"
cat "$HERE/results.md"
