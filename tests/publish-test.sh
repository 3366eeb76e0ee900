#!/bin/sh
# publish-test.sh SOFGEN — the build step of the CI pipelines in examples/ci/ run as a
# script: publish.sh on a copy of the example content, deployed with rsync to a local
# folder; a removed page disappears from the target on the next run, and content with an
# error stops the script before anything is copied.
set -eu
sofgen=$(realpath "$1")
root=$(cd "$(dirname "$0")/.." && pwd)
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
passed=0
failed=0
ok() { passed=$((passed + 1)); echo "ok   $1"; }
fail() { failed=$((failed + 1)); echo "FAIL $1"; }
mkdir "$work/site-repo" "$work/www"
cp -r "$root/content" "$work/site-repo/content"
cp "$root/examples/ci/publish.sh" "$work/site-repo/"
cd "$work/site-repo"
export SOFGEN="$sofgen" SOFGEN_DATADIR="$root" SOFGEN_NOW=2020-06-01 DEPLOY_TARGET="$work/www/"
if sh publish.sh >log 2>&1 && [ -f "$work/www/index.html" ] && [ -f "$work/www/insats/alv-och-kust/agenda-2030/index.html" ]; then
	ok "publish.sh builds and deploys the site"
else
	fail "publish.sh builds and deploys the site: $(tail -5 log)"
fi
rm content/insatser/alv-och-kust/agenda-2030.md
if sh publish.sh >log 2>&1 && [ ! -e "$work/www/insats/alv-och-kust/agenda-2030/index.html" ] && grep -q "unchanged" log; then
	ok "an insats removed from the content is removed from the server; unchanged files are kept"
else
	fail "a removed insats: $(tail -5 log)"
fi
before=$(find "$work/www" -type f | sort | xargs md5sum | md5sum)
printf -- '---\ntitle: [\n---\n' > content/insatser/sjuharad/trasig.md
if sh publish.sh >log 2>&1; then
	fail "content with an error must fail the pipeline"
else
	after=$(find "$work/www" -type f | sort | xargs md5sum | md5sum)
	grep -q "trasig.md:" log && [ "$before" = "$after" ] &&
		ok "content with an error fails the pipeline and the server is not touched" ||
		fail "content with an error: $(tail -5 log)"
fi
echo "publish-test: $passed passed, $failed failed"
[ $failed -eq 0 ]
