#!/usr/bin/env bash
# Builds the Linux bundle and its archive, then runs the bundle's self-test:
#   dist/voicerecorder/                                    the one-folder bundle
#   dist/voicerecorder-<version>-linux-<arch>.tar.gz       bundle + .desktop + icons + install.sh
#
# Python: $VOICERECORDER_BUILD_PYTHON if set (it needs voicerecorder's dependencies and
# PyInstaller, e.g. `pip install -e .[package]`); otherwise the checkout's .venv, prepared by
# packaging/dev/bootstrap.sh with the "package" extra (this also installs libportaudio2,
# which the bundle carries).
set -euo pipefail
repo=$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)
cd "$repo"

if [[ -n "${VOICERECORDER_BUILD_PYTHON:-}" ]]; then
  python=$VOICERECORDER_BUILD_PYTHON
else
  source "$repo/packaging/dev/bootstrap.sh" package
  python="$repo/.venv/bin/python"
fi

version=$("$python" -c "import voicerecorder; print(voicerecorder.__version__)")
name="voicerecorder-$version-linux-$(uname -m)"
started=$SECONDS

"$python" -m PyInstaller --noconfirm --log-level WARN \
  --distpath "$repo/dist" --workpath "$repo/build/pyinstaller" "$repo/packaging/voicerecorder.spec"

# Symbols off the bundle's shared libraries (Python's own carry over 20 MB of them), except the
# auditwheel-patched ones in <package>.libs/, which binutils' strip corrupts (NumPy's OpenBLAS:
# "ELF load command address/offset not page-aligned"). The executable keeps its appended archive.
find "$repo/dist/voicerecorder/_internal" -type f \( -name '*.so' -o -name '*.so.*' \) -not -path '*.libs/*' \
  -exec strip --strip-unneeded {} +

stage="$repo/build/archive/$name"
rm -rf "$stage"
mkdir -p "$stage/icons"
cp -a "$repo/dist/voicerecorder" "$stage/voicerecorder"
cp "$repo/packaging/linux/voicerecorder.desktop" "$repo/packaging/linux/install.sh" "$stage/"
cp "$repo"/resources/icons/voicerecorder-*.png "$stage/icons/"
tar -C "$repo/build/archive" -czf "$repo/dist/$name.tar.gz" "$name"

echo "Running the bundle's self-test:"
QT_QPA_PLATFORM=${QT_QPA_PLATFORM:-offscreen} "$repo/dist/voicerecorder/voicerecorder" --self-test

echo "Built in $((SECONDS - started)) s:"
"$python" "$repo/packaging/size_table.py" "$repo/dist/voicerecorder" "$repo/dist/$name.tar.gz"
