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
sed "s|^Exec=.*|Exec=$lib/voicerecorder|" "$here/voicerecorder.desktop" > "$apps/voicerecorder.desktop"
if command -v update-desktop-database >/dev/null; then
  update-desktop-database -q "$apps" || true
fi
echo "voicerecorder installed. Start it from the applications menu, or run: $bin/voicerecorder"
