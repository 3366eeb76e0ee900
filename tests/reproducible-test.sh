#!/bin/sh
# reproducible-test.sh SOFGEN — SOURCE_DATE_EPOCH is the default --now: two builds of the
# example content with the same value, at different times and in different time zones,
# are byte-identical; it decides what is upcoming as --now does; a bad value is refused.
set -eu
sofgen=$(realpath "$1")
root=$(cd "$(dirname "$0")/.." && pwd)
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
passed=0
failed=0
ok() { passed=$((passed + 1)); echo "ok   $1"; }
fail() { failed=$((failed + 1)); echo "FAIL $1"; }
cd "$root"
# 2020-06-01 12:00 Swedish summer time = 10:00 UTC
SOURCE_DATE_EPOCH=1591005600 TZ=America/New_York "$sofgen" build --out "$work/a" 2>/dev/null
sleep 1
SOURCE_DATE_EPOCH=1591005600 TZ=Asia/Tokyo "$sofgen" build --out "$work/b" 2>/dev/null
if diff -r "$work/a" "$work/b" >/dev/null; then ok "two builds with one SOURCE_DATE_EPOCH are identical"; else fail "two builds with one SOURCE_DATE_EPOCH differ"; fi
"$sofgen" build --now 2020-06-01T12:00 --out "$work/c" 2>/dev/null
if diff -r "$work/a" "$work/c" >/dev/null; then ok "SOURCE_DATE_EPOCH means the same as --now in Swedish time"; else fail "SOURCE_DATE_EPOCH and the same --now differ"; fi
SOURCE_DATE_EPOCH=1591005600 "$sofgen" build --now 2026-12-04 --out "$work/d" 2>/dev/null
if ! diff -r "$work/a" "$work/d" >/dev/null; then ok "--now wins over SOURCE_DATE_EPOCH"; else fail "--now must win over SOURCE_DATE_EPOCH"; fi
if SOURCE_DATE_EPOCH=12e3 "$sofgen" check >"$work/log" 2>&1; then
	fail "a malformed SOURCE_DATE_EPOCH must be refused"
elif grep -q "SOURCE_DATE_EPOCH must be a number of seconds" "$work/log"; then
	ok "a malformed SOURCE_DATE_EPOCH is refused with a message"
else
	fail "a malformed SOURCE_DATE_EPOCH: $(cat "$work/log")"
fi
echo "reproducible-test: $passed passed, $failed failed"
[ $failed -eq 0 ]
