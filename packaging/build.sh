#!/usr/bin/env bash
# Builds the Linux bundle and its archive, then runs the bundle's self-test:
#   dist/voicerecorder/                                    the one-folder bundle
#   dist/voicerecorder-<version>-linux-<arch>.tar.gz       bundle + .desktop + icons + install.sh
#
# Python: $VOICERECORDER_BUILD_PYTHON if set (it needs voicerecorder's dependencies and
# PyInstaller, e.g. `pip install -e .[package]`); otherwise the checkout's .venv, prepared by
# packaging/dev/bootstrap.sh with the "package" extra (this also installs libportaudio2,
# which the bundle carries, and the compilers and icupkg used below).
#
# The bundle is built from its own environment, build/bundle-venv: the same packages at the
# same versions as that Python's, except NumPy, which is compiled there from its source
# without BLAS/LAPACK (the app needs neither; OpenBLAS alone is 25 MB). The wheel is compiled
# once per NumPy version and Python and kept in ~/.cache/voicerecorder-build/. After
# PyInstaller, packaging/trim_icu.py cuts Qt's ICU data down to what Qt asks ICU for.
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

# NumPy without BLAS: the same version as $python's, NumPy's default CPU dispatch.
numpy_version=$("$python" -c "import numpy; print(numpy.__version__)")
python_tag=$("$python" -c "import sys; print(f'cp{sys.version_info[0]}{sys.version_info[1]}')")
noblas=(-Csetup-args=-Dblas=none -Csetup-args=-Dlapack=none -Csetup-args=-Dallow-noblas=true)
wheels="${XDG_CACHE_HOME:-$HOME/.cache}/voicerecorder-build/numpy-$numpy_version-$python_tag-noblas"
if ! compgen -G "$wheels/numpy-*.whl" >/dev/null; then
  echo "Compiling NumPy $numpy_version without BLAS (once, kept in $wheels):"
  compiling=$(mktemp -d)
  compile_started=$SECONDS
  "$python" -m pip wheel -q --disable-pip-version-check --no-cache-dir --no-deps --no-binary numpy \
    -w "$compiling" "numpy==$numpy_version" "${noblas[@]}"
  mkdir -p "$(dirname "$wheels")"
  mv -T "$compiling" "$wheels" 2>/dev/null || rm -rf "$compiling" # another build got there first
  echo "NumPy compiled in $((SECONDS - compile_started)) s"
fi
numpy_wheel=$(compgen -G "$wheels/numpy-*.whl")

venv="$repo/build/bundle-venv"
[[ -x "$venv/bin/python" ]] || "$python" -m venv "$venv"
constraints="$repo/build/bundle-constraints.txt"
"$python" -m pip freeze --exclude-editable | grep '==' | grep -vi '^numpy==' >"$constraints"
"$venv/bin/python" -m pip install -q --disable-pip-version-check -c "$constraints" \
  "$numpy_wheel" -e "${repo}[package]"

"$venv/bin/python" -m PyInstaller --noconfirm --log-level WARN \
  --distpath "$repo/dist" --workpath "$repo/build/pyinstaller" "$repo/packaging/voicerecorder.spec"

# Symbols off the bundle's shared libraries (Python's own carry over 20 MB of them), except the
# auditwheel-patched ones in <package>.libs/, which binutils' strip corrupts ("ELF load command
# address/offset not page-aligned"). The executable keeps its appended archive.
find "$repo/dist/voicerecorder/_internal" -type f \( -name '*.so' -o -name '*.so.*' \) -not -path '*.libs/*' \
  -exec strip --strip-unneeded {} +

icu=$("$python" "$repo/packaging/trim_icu.py" "$repo/dist/voicerecorder")

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
echo "$icu"
