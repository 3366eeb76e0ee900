#!/bin/sh
# po-check.sh LANG… — every message sofgen shows has its translation (part of `make unit`).
# The messages are extracted from src/ again (scripts/pot.sh); the check fails when one of
# them is missing from po/<lang>.po, untranslated or fuzzy (msgcmp), when a translation's
# format differs from its msgid's (msgfmt --check), or when po/sofgen.pot is not the
# template of today's src/ (run `make pot`, then `make po-update` and translate).
set -u
cd "$(dirname "$0")/.."
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
passed=0 failed=0
ok() { passed=$((passed + 1)); }
bad() { failed=$((failed + 1)); echo "po-check: $1" >&2; }
# msgcmp's complaints ("FILE:LINE: this message is used but not defined"), each with the
# msgid of the entry whose msgstr is at that line of FILE
show() {
	sed -n 's/^\([^:]*\.pot\?\):\([0-9]*\): .*/\1 \2/p' "$tmp/err" | while read -r file line; do
		# LINE is the msgstr's: show the msgid (and msgid_plural) lines before it
		awk -v end="$line" 'NR < end { if (/^msgid /) { n = 0 } buf[n++] = $0 } NR == end { for (i = 0; i < n; i++) print "  " buf[i]; exit }' "$file"
	done | awk '!seen[$0]++' >&2
}
if ! scripts/pot.sh "$tmp/sofgen.pot"; then
	echo "po-check: 0 passed, 1 failed (xgettext)"
	exit 1
fi
# the committed template holds exactly today's messages (either way round)
if msgcmp --use-untranslated po/sofgen.pot "$tmp/sofgen.pot" 2>"$tmp/err" &&
	msgcmp --use-untranslated "$tmp/sofgen.pot" po/sofgen.pot 2>>"$tmp/err"; then ok; else
	bad "po/sofgen.pot is not the template of src/ (run make pot); these messages differ:"
	show
fi
for lang in "$@"; do
	po=po/$lang.po
	if msgcmp "$po" "$tmp/sofgen.pot" 2>"$tmp/err"; then ok; else
		bad "$po lacks a translation (or has a fuzzy one) of these messages (make po-update, then translate):"
		show
	fi
	if msgfmt --check --output-file=/dev/null "$po" 2>"$tmp/err"; then ok; else
		bad "$po does not compile, or a translation's format differs from its msgid's:"
		sed 's/^/  /' "$tmp/err" >&2
	fi
done
echo "po-check: $passed passed, $failed failed"
[ "$failed" -eq 0 ]
