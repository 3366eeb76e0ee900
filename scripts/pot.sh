#!/bin/sh
# pot.sh OUT — extract every message sofgen shows from src/ into the template OUT (GNU
# xgettext; `make pot` writes po/sofgen.pot, tests/po-check.sh a fresh copy to compare).
# The English text is the msgid. Besides _(), N_() and P_() (src/util/i18n.h), a message
# is the format argument of sg_error, sg_warning and sg_diag_add (translated in
# src/util/diag.c), or the argument of a function that hands its text to them; a few
# files name such functions (or the arguments) their own way and get a pass of their own.
set -eu
out=$1
cd "$(dirname "$0")/.."
common="--from-code=UTF-8 --language=C --add-comments=TRANSLATORS: --sort-by-file --package-name=sofgen
 --package-version=$(cat VERSION) --msgid-bugs-address=sofgen@example.se --copyright-holder=
 -k_ -kN_ -kP_:1,2 -ksg_diag_add:6 -ksg_diags_move_as_warnings:3
 -ksg_fields_check_keys:4 -ksg_fields_item_map:4 -ksg_field_name_visible:4 -ksg_field_text:5"
diag="-ksg_error:5 -ksg_warning:5"
# files with keywords of their own:
#   model/fields.c       sg_error(AT(v), "…"): AT(v) is one argument to xgettext, four to C
#   read/yaml_load.c     error_at(L, line, col, "format", arg) or error_at(…, "%s", "text")
#   template/mustache_parse.c  error_at(P, off, "format", …)
#   model/refs.c         not_found("what", …)
#   util/address.c       email_fail(why, why_len, "problem", …)
special="src/model/fields.c src/read/yaml_load.c src/template/mustache_parse.c"
files=$(find src -name '*.c' | sort | grep -v -x -F -e src/model/fields.c -e src/read/yaml_load.c \
	-e src/template/mustache_parse.c)
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
# shellcheck disable=SC2086
xgettext $common $diag -knot_found:1 -kemail_fail:3 -o "$tmp/all.pot" $files
# shellcheck disable=SC2086
xgettext $common -ksg_error:2 -ksg_warning:2 -o "$tmp/fields.pot" src/model/fields.c
# shellcheck disable=SC2086
xgettext $common $diag -kerror_at:4 -o "$tmp/yaml4.pot" src/read/yaml_load.c
# shellcheck disable=SC2086
xgettext $common $diag -kerror_at:5 -o "$tmp/yaml5.pot" src/read/yaml_load.c
# shellcheck disable=SC2086
xgettext $common $diag -kerror_at:3 -o "$tmp/mustache.pot" src/template/mustache_parse.c
# "%s" alone is a format that only passes a message on (translated where it was made)
msgcat --use-first --sort-by-file -o "$tmp/joined.pot" "$tmp/all.pot" "$tmp/fields.pot" "$tmp/yaml4.pot" \
	"$tmp/yaml5.pot" "$tmp/mustache.pot"
msggrep --invert-match --msgid -E -e '^%s$' -o "$out" "$tmp/joined.pot"
