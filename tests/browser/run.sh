#!/usr/bin/env bash
# tests/browser/run.sh: run every tests/browser/test_*.mjs against the
# running private stack. Called by tests/run.sh with BASE, VAR, BIN, ROOT
# and OUT (the kept test output directory; screenshots in OUT/screenshots).
# Installs the pinned npm packages (package-lock.json) with `npm ci` into
# tests/browser/node_modules when they are missing. Prints TAP lines; each
# test ends with its own plan (done() in lib.mjs).
set -u
DIR=$(cd "$(dirname "$0")" && pwd)
: "${BASE:?}" "${VAR:?}" "${OUT:?}"
CHROMIUM=${CHROMIUM:-/usr/bin/chromium}
# bail DESC: one failure, with its plan, and stop.
bail() {
	echo "not ok - $1"
	echo "1..1"
	exit 1
}

if ! command -v node > /dev/null 2>&1; then
	bail "node is installed (conf/deps.sh installs nodejs)"
fi
if [ ! -x "$CHROMIUM" ]; then
	bail "$CHROMIUM is installed (conf/deps.sh installs chromium)"
fi
if [ ! -f "$DIR/node_modules/playwright-core/package.json" ] ||
	[ ! -f "$DIR/node_modules/axe-core/axe.min.js" ]; then
	if ! (cd "$DIR" && npm ci --no-audit --no-fund --loglevel=error > "$OUT/npm-ci.log" 2>&1); then
		bail "npm ci in tests/browser (see $OUT/npm-ci.log)"
	fi
fi
mkdir -p "$OUT/screenshots"
rc=0
for t in "$DIR"/test_*.mjs; do
	[ -f "$t" ] || continue
	echo "-- ${t#"$DIR"/}"
	BASE=$BASE VAR=$VAR OUT=$OUT CHROMIUM=$CHROMIUM node "$t" || rc=1
done
exit $rc
