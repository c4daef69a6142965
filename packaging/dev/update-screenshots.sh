#!/bin/sh
# Render the wizard's pages and dialogs with demo data, in English and in Chinese, into
# resources/screenshots/<language>/ (the pictures README.md shows; the installers leave them out).
# Usage: packaging/dev/update-screenshots.sh   (run from anywhere)
#   Python: $VOICERECORDER_PYTHON, else the checkout's .venv, else python3 (voicerecorder installed).
#   The PNGs are made smaller with pngquant and optipng when they are installed
#   (Debian/Ubuntu: apt-get install pngquant optipng); without them they stay as Qt writes them.
# The app runs with a fresh, empty home folder (/tmp/voicerecorder-demo/home/emma), so no path or
# setting of yours shows in the pictures.
set -eu
root="$(cd "$(dirname "$0")/../.." && pwd)"
python="${VOICERECORDER_PYTHON:-$root/.venv/bin/python}"
[ -x "$python" ] || python=python3
demo=/tmp/voicerecorder-demo
home="$demo/home/emma"
rm -rf "$demo"
mkdir -p "$home"
trap 'rm -rf "$demo"' EXIT
for language in en zh_CN; do
    out="$root/resources/screenshots/$language"
    rm -rf "$out"
    env -u VOICERECORDER_DATA_DIR -u XDG_DATA_HOME -u XDG_STATE_HOME -u XDG_CONFIG_HOME \
        HOME="$home" QT_QPA_PLATFORM=offscreen VOICERECORDER_LANG="$language" \
        "$python" -m voicerecorder --screenshots "$out" --lang "$language" >/dev/null
    if command -v pngquant >/dev/null; then
        pngquant --force --skip-if-larger --strip --quality 85-98 --ext .png "$out"/*.png || true
    fi
    if command -v optipng >/dev/null; then
        optipng -quiet -o2 -strip all "$out"/*.png
    fi
done
du -sh "$root/resources/screenshots"/*
