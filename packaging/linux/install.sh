#!/usr/bin/env bash
# Installs voicerecorder for the current user (no administrator rights needed):
#   the program  -> ~/.local/lib/voicerecorder/
#   the command  -> ~/.local/bin/voicerecorder
#   menu entry   -> ~/.local/share/applications/voicerecorder.desktop (with its icons)
# Run it from the unpacked archive:  ./install.sh      Remove again:  ./install.sh --uninstall
# Recordings are never touched: they stay in ~/.local/share/voicerecorder/.
set -euo pipefail
here=$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)
prefix=${XDG_DATA_HOME:-$HOME/.local/share}
lib="$HOME/.local/lib/voicerecorder"
bin="$HOME/.local/bin"
apps="$prefix/applications"
icons="$prefix/icons/hicolor"

# The Exec= value: the program's path quoted as the Desktop Entry Specification asks. Inside the
# double quotes a backslash, double quote, backquote or dollar sign is escaped with a backslash;
# the file's string rules then double every backslash, and a percent sign is written %%.
desktop_exec() {
  local path=$1
  path=${path//\\/\\\\}
  path=${path//\"/\\\"}
  path=${path//\`/\\\`}
  path=${path//\$/\\\$}
  path=${path//\\/\\\\}
  path=${path//%/%%}
  printf 'Exec="%s"' "$path"
}

uninstall() {
  rm -rf "$lib"
  rm -f "$bin/voicerecorder" "$apps/voicerecorder.desktop"
  find "$icons" -path "*/apps/voicerecorder.png" -delete 2>/dev/null || true
}

if [[ "${1:-}" == "--uninstall" ]]; then
  uninstall
  echo "voicerecorder removed. Your recordings are still in $prefix/voicerecorder/."
  exit 0
fi

uninstall
mkdir -p "$lib" "$bin" "$apps"
cp -a "$here/voicerecorder/." "$lib/"
ln -sf "$lib/voicerecorder" "$bin/voicerecorder"
for png in "$here"/icons/voicerecorder-*.png; do
  size=${png##*-}
  size=${size%.png}
  mkdir -p "$icons/${size}x${size}/apps"
  cp "$png" "$icons/${size}x${size}/apps/voicerecorder.png"
done
exec_line=$(desktop_exec "$lib/voicerecorder")
while IFS= read -r line; do
  if [[ $line == Exec=* ]]; then line=$exec_line; fi
  printf '%s\n' "$line"
done < "$here/voicerecorder.desktop" > "$apps/voicerecorder.desktop"
if command -v update-desktop-database >/dev/null; then
  update-desktop-database -q "$apps" || true
fi
echo "voicerecorder installed. Start it from the applications menu, or run: $bin/voicerecorder"
case ":$PATH:" in
  *":$bin:"*) ;;
  *)
    echo
    echo "$bin is not on your PATH, so typing just 'voicerecorder' in a terminal will not find it."
    echo "Use the applications menu or the full path above, or add this line to ~/.profile and log in again:"
    echo "  export PATH=\"\$HOME/.local/bin:\$PATH\""
    ;;
esac
