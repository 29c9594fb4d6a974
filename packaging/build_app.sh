#!/usr/bin/env bash
# Build the standalone one-folder app with PyInstaller: OUTDIR/jargonfree/jargonfree.
#   packaging/build_app.sh [OUTDIR]          (default: dist/app)
# PYTHON names a Python that has jargonfree's dependencies and pyinstaller installed
# (default: python3). The built-in rules are compiled first, as the wheel's build hook does,
# and shipped inside the app.
set -euo pipefail
root="$(cd "$(dirname "$0")/.." && pwd)"
out="$(mkdir -p "${1:-$root/dist/app}" && cd "${1:-$root/dist/app}" && pwd)"
python="${PYTHON:-python3}"
work="$(mktemp -d)"
trap 'rm -rf "$work"' EXIT

cd "$root"
"$python" - "$work/compiled" <<'PY'
import sys
from pathlib import Path

sys.path.insert(0, ".")
from jargonfree.core.rule_cache import write_shipped

print("compiled the built-in rules:", write_shipped(Path(sys.argv[1])))
PY
JARGONFREE_COMPILED="$work/compiled" "$python" -m PyInstaller --noconfirm --clean \
    --log-level WARN --distpath "$out" --workpath "$work/build" packaging/jargonfree.spec
app="$out/jargonfree"
echo "built $app/jargonfree: $(du -sh "$app" | cut -f1) unpacked"

# Smoke test, as a new user on a machine without Python would start it: from a folder
# outside the source tree, a fresh home, nothing on PATH, no inherited environment.
try="$(mktemp -d)"
mkdir -p "$try/home" "$try/empty-path"
cp resources/samples/sample.txt "$try/"
cd "$try"
TIMEFORMAT="%R s"
echo "--version: $(env -i HOME="$try/home" PATH="$try/empty-path" "$app/jargonfree" --version)"
echo "score of the sample, first start:"
time env -i HOME="$try/home" PATH="$try/empty-path" "$app/jargonfree" score sample.txt
if [ -n "$(find "$try/home" -type f)" ]; then
    echo "the first start wrote files under HOME:" >&2
    find "$try/home" -type f >&2
fi
cd / && rm -rf "$try"
