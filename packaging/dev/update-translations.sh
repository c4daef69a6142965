#!/bin/sh
# Extract the UI's strings into resources/i18n/*.ts (keeping existing translations) and compile the .qm files.
# Usage: packaging/dev/update-translations.sh   (run from anywhere; uses the venv's pyside6 tools)
set -eu
root="$(cd "$(dirname "$0")/../.." && pwd)"
bin="${VENV_BIN:-$root/.venv/bin}"
[ -x "$bin/pyside6-lupdate" ] || bin="$(dirname "$(command -v pyside6-lupdate)")"
cd "$root"
sources="$(find voicerecorder/ui -name '*.py' | sort)"
languages="zh_CN"
for language in $languages; do
    # shellcheck disable=SC2086
    "$bin/pyside6-lupdate" -no-obsolete $sources -ts "resources/i18n/voicerecorder_$language.ts"
    "$bin/pyside6-lrelease" "resources/i18n/voicerecorder_$language.ts" -qm "resources/i18n/voicerecorder_$language.qm"
done
