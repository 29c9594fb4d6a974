#!/usr/bin/env bash
# Run an installed jargonfree as a new user would: from a folder outside the source tree,
# with a fresh home and an empty cache folder. Prints the version, the first check's time,
# and the scores of the bundled sample. .ci/run calls it inside the no-network namespace.
#   packaging/smoke_installed.sh PATH/TO/jargonfree [SAMPLE]
set -euo pipefail
exe="$1"
sample="${2:-$(cd "$(dirname "$0")/.." && pwd)/resources/samples/sample.txt}"
work="$(mktemp -d)"
trap 'rm -rf "$work"' EXIT
cp "$sample" "$work/sample.txt"
cd "$work"
export HOME="$work/home" XDG_CONFIG_HOME="$work/config" XDG_DATA_HOME="$work/data" \
    XDG_STATE_HOME="$work/state" XDG_CACHE_HOME="$work/cache"
mkdir -p "$HOME" "$XDG_CACHE_HOME"
"$exe" --version
TIMEFORMAT="first 'jargonfree check' after install, empty cache folder: %R s (%U s user, %S s system)"
set +e
time "$exe" check sample.txt > check.out
rc=$?
set -e
# check exits 0 (nothing found) or 1 (findings); 2 or more is a failure
[ "$rc" -le 1 ] || { cat check.out; echo "check failed with $rc" >&2; exit 1; }
echo "$(wc -l < check.out) findings on the sample"
grep -q "wordy\|jargon" check.out || { echo "no findings: the rules did not load" >&2; exit 1; }
if [ -n "$(ls -A "$XDG_CACHE_HOME")" ]; then
    echo "the first check wrote a cache: the shipped compiled rules were not used" >&2
    find "$XDG_CACHE_HOME" >&2
    exit 1
fi
"$exe" score sample.txt
