#!/bin/sh
# deps.sh build|test|e2e|fuzz|deb — install the Debian packages sofgen needs, if missing.
# As root it runs apt-get; otherwise it prints the exact command and fails.
set -eu
build="gcc make pkg-config gettext libcmark-gfm-dev libcmark-gfm-extensions-dev libyaml-dev libjansson-dev libmicrohttpd-dev libicu-dev libvips-dev"
test="$build libcriterion-dev valgrind poppler-utils libxml2-utils python3-rdflib python3-pyld python3-jsonschema python3-yaml rsync"
e2e="chromium default-jre-headless"
fuzz="$build clang libclang-rt-14-dev"
deb="$build debhelper dpkg-dev fakeroot lintian man-db"
case "${1:-build}" in
build) want=$build ;;
test) want=$test ;;
e2e) want=$e2e
	# Node.js and npm run the browser tests; Debian's packages if the machine has none
	command -v node >/dev/null 2>&1 || want="$want nodejs"
	command -v npm >/dev/null 2>&1 || want="$want npm" ;;
fuzz) want=$fuzz ;;
deb) want=$deb ;;
*) echo "usage: $0 build|test|e2e|fuzz|deb" >&2; exit 2 ;;
esac
missing=""
for p in $want; do
	dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q "install ok installed" || missing="$missing $p"
done
[ -z "$missing" ] && exit 0
if [ "$(id -u)" = 0 ]; then
	echo "deps: installing$missing"
	export DEBIAN_FRONTEND=noninteractive
	apt-get update -qq >/dev/null
	apt-get install -y -qq --no-install-recommends $missing >/dev/null
else
	echo "deps: missing Debian packages:$missing" >&2
	echo "deps: run: sudo apt-get install -y$missing" >&2
	exit 1
fi
