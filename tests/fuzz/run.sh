#!/bin/sh
# run.sh BUILD SECONDS NAME… — runs each libFuzzer harness BUILD/fuzz_NAME for SECONDS
# on a copy of tests/fuzz/corpus/NAME (the committed corpus never grows), with
# tests/fuzz/NAME.dict when there is one. A harness fails when libFuzzer stops on a
# crash, a sanitizer report, a leak, a timeout (-timeout=10) or running out of memory
# (-rss_limit_mb=2048); its log and the input that did it stay in BUILD/run/NAME/.
# Ends with the line "fuzz: N passed, N failed" and exits 1 if any failed.
# FUZZ_SEED (default 1) fixes libFuzzer's random seed, so a run (CI's) is repeatable;
# give another seed to explore further. A "slow unit" (over 10 s) counts as a failure.
# Run from the project root (the harnesses read templates/ and content/dokument/).
set -u
build=$1
seconds=$2
shift 2
passed=0
failed=0
for name in "$@"; do
	bin=$build/fuzz_$name
	work=$build/run/$name
	rm -rf "$work"
	mkdir -p "$work/corpus" "$work/artifacts"
	cp tests/fuzz/corpus/"$name"/* "$work/corpus/"
	dict=""
	[ -f "tests/fuzz/$name.dict" ] && dict="-dict=tests/fuzz/$name.dict"
	echo "fuzz_$name: ${seconds}s on $(ls "$work/corpus" | wc -l) seeds"
	ASAN_OPTIONS=${ASAN_OPTIONS:-detect_leaks=1} UBSAN_OPTIONS=${UBSAN_OPTIONS:-print_stacktrace=1:halt_on_error=1} \
		"$bin" $dict -seed="${FUZZ_SEED:-1}" -max_total_time="$seconds" -rss_limit_mb=2048 -timeout=10 \
		-print_final_stats=1 \
		-artifact_prefix="$work/artifacts/" "$work/corpus" >"$work/log" 2>&1
	rc=$?
	stats=$(grep -E '^#[0-9]+[[:space:]]+DONE' "$work/log" | tail -n 1)
	[ -n "$stats" ] || stats=$(grep -E '^#[0-9]+' "$work/log" | tail -n 1)
	if [ "$rc" -eq 0 ] && [ -z "$(ls "$work/artifacts")" ]; then
		passed=$((passed + 1))
		echo "fuzz_$name: ok: $stats"
	else
		failed=$((failed + 1))
		echo "fuzz_$name: FAILED (exit $rc): $stats"
		grep -E 'ERROR: |SUMMARY: |runtime error|contract broken|Test unit written to' "$work/log" | head -n 20
		echo "fuzz_$name: log in $work/log; inputs in $work/artifacts/"
	fi
done
echo "fuzz: $passed passed, $failed failed"
[ "$failed" -eq 0 ]
