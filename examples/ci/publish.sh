#!/bin/sh
# publish.sh — the build-and-deploy step of a förbund's site, shared by the GitLab CI and
# GitHub Actions pipelines beside it (and usable by hand). Run it from the site's folder
# (the one that holds content/).
#   1. sofgen check: any error in the content stops here, and nothing is published;
#   2. sofgen build --incremental: the new site in site/ (unchanged files kept);
#   3. when DEPLOY_TARGET is set (rsync's form: user@host:/var/www/site/ or a local
#      folder), the site is copied there with rsync over SSH; files that are gone from
#      the site are deleted, and new files are put in place only at the end
#      (--delay-updates), so visitors rarely see a half-copied site.
# Environment: SOFGEN (the program, default: sofgen on PATH), DEPLOY_TARGET, RSYNC_RSH
# (e.g. "ssh -i key -o StrictHostKeyChecking=yes"), SOFGEN_NOW (a fixed --now, for tests).
set -eu
sofgen=${SOFGEN:-sofgen}
now=""
[ -n "${SOFGEN_NOW:-}" ] && now="--now $SOFGEN_NOW"
# shellcheck disable=SC2086
"$sofgen" check $now
# shellcheck disable=SC2086
"$sofgen" build --incremental $now
if [ -n "${DEPLOY_TARGET:-}" ]; then
	rsync -a --delete --delay-updates --checksum site/ "$DEPLOY_TARGET"
	echo "publish: site/ copied to $DEPLOY_TARGET"
else
	echo "publish: DEPLOY_TARGET is not set; the site is in site/ and was not copied anywhere"
fi
