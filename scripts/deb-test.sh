#!/bin/sh
# deb-test.sh DEB — the Debian package on its own: install it, create a new site with
# `sofgen init` in an empty folder with no checkout in sight, build it, and read the
# pages; the man page renders, the bash completion loads and the messages are in Swedish
# with LANGUAGE=sv.
# As root (CI, a fresh machine) the package is installed with apt-get, which also checks
# its Depends, and purged at the end; otherwise (or when sofgen is installed already) it
# is unpacked into a scratch root and SOFGEN_DATADIR (and SOFGEN_LOCALEDIR) point at its
# share folder.
set -eu
[ $# -eq 1 ] && [ -f "$1" ] || { echo "usage: $0 PACKAGE.deb" >&2; exit 2; }
deb=$(realpath "$1")
work=$(mktemp -d)
installed=no
cleanup() {
	[ $installed = yes ] && apt-get purge -y -qq sofgen >/dev/null 2>&1
	rm -rf "$work"
}
trap cleanup EXIT
if [ "$(id -u)" = 0 ] && ! dpkg -s sofgen >/dev/null 2>&1; then
	DEBIAN_FRONTEND=noninteractive apt-get install -y -qq "$deb" >/dev/null
	installed=yes
	prefix=/usr
	unset SOFGEN_DATADIR || true
else
	dpkg-deb -x "$deb" "$work/unpacked"
	prefix=$work/unpacked/usr
	export SOFGEN_DATADIR="$prefix/share/sofgen"
	export SOFGEN_LOCALEDIR="$prefix/share/locale"
fi
bin=$prefix/bin/sofgen
passed=0
failed=0
ok() { passed=$((passed + 1)); echo "ok   $1"; }
fail() { failed=$((failed + 1)); echo "FAIL $1"; }
has() { grep -q -- "$2" "$1" 2>/dev/null; }

mkdir "$work/home"
cd "$work/home"
# only the installed program: no PATH entry, template or asset of the checkout
if env -i PATH=/usr/bin:/bin HOME="$work/home" ${SOFGEN_DATADIR:+SOFGEN_DATADIR=$SOFGEN_DATADIR} \
	"$bin" init vaxjo --forbund "Samordningsförbundet Värend" --kommuner "Alvesta, Växjö" >init.log 2>&1; then
	ok "sofgen init creates a site"
else
	fail "sofgen init: $(cat init.log)"
fi
[ -f vaxjo/content/site.yaml ] && [ ! -e vaxjo/templates ] && [ ! -e vaxjo/assets ] &&
	ok "the new site holds content/ only" || fail "the new site holds content/ only"
cd vaxjo
if env -i PATH=/usr/bin:/bin HOME="$work/home" ${SOFGEN_DATADIR:+SOFGEN_DATADIR=$SOFGEN_DATADIR} \
	"$bin" build --now 2026-06-01 >build.log 2>&1; then
	ok "sofgen build with the installed templates and assets"
else
	fail "sofgen build: $(cat build.log)"
fi
has site/index.html 'lang="sv"' && has site/index.html 'Samordningsförbundet Värend' && ok "front page" || fail "front page"
has site/kommun/vaxjo/index.html 'Exempelinsats' || has site/kommun/alvesta/index.html 'Exempelinsats' &&
	ok "kommun pages list the example insats" || fail "kommun pages list the example insats"
[ -s site/style.css ] && ok "the default assets are copied" || fail "the default assets are copied"
cd content/insatser
if env -i PATH=/usr/bin:/bin HOME="$work/home" ${SOFGEN_DATADIR:+SOFGEN_DATADIR=$SOFGEN_DATADIR} \
	"$bin" check >"$work/check.log" 2>&1 && has "$work/check.log" "is valid"; then
	ok "sofgen check from inside content/ finds the site"
else
	fail "sofgen check from inside content/: $(cat "$work/check.log")"
fi
cd "$work/home"
# the Swedish messages: the catalogue is in the package and the installed sofgen finds it
if [ -f "$prefix/share/locale/sv/LC_MESSAGES/sofgen.mo" ] &&
	env -i PATH=/usr/bin:/bin LANGUAGE=sv LC_ALL=C.UTF-8 ${SOFGEN_LOCALEDIR:+SOFGEN_LOCALEDIR=$SOFGEN_LOCALEDIR} \
		"$bin" bygg 2>&1 | grep -q "^sofgen: okänt kommando 'bygg'"; then
	ok "messages in Swedish with LANGUAGE=sv"
else
	fail "messages in Swedish with LANGUAGE=sv"
fi
man=$prefix/share/man/man1/sofgen.1.gz
if [ -f "$man" ] && MANWIDTH=80 man -l "$man" 2>/dev/null | grep -q "sofgen init"; then
	ok "man -l sofgen.1 renders"
else
	fail "man -l sofgen.1 renders"
fi
if bash -c ". '$prefix/share/bash-completion/completions/sofgen' && complete -p sofgen" >/dev/null 2>&1; then
	ok "bash completion loads"
else
	fail "bash completion loads"
fi
echo "deb-test: $passed passed, $failed failed"
[ $failed -eq 0 ]
