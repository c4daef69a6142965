#!/usr/bin/env bash
# Proves the Windows installer on Linux, under wine: compiles packaging/windows/voicerecorder.iss
# with Inno Setup (the npm package "innosetup", pinned below) against the repository's resources
# and a stand-in payload laid out as PyInstaller's Windows output, installs it silently into a
# fresh Windows 10 prefix in Simplified Chinese (the project's ChineseSimplified.isl), checks the
# files, Start-menu shortcuts and the per-user uninstall key, uninstalls silently (the recordings
# stay), reinstalls in English, and uninstalls interactively on a virtual display answering "No"
# to keeping the recordings (they go).
#
# Usage: bash packaging/windows/check-installer.sh
# Installs the Debian packages it lacks (as root or with sudo). Prints one line per check,
# "ok - ..." or "FAILED - ...", and exits 1 when any check fails.
set -euo pipefail
repo=$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)

INNO_VERSION=6.4.1
INNO_INTEGRITY=sha512-Bh/dNlyyFsFKBGoTf19n1msPnm4Njfb0CWVirw2CV1MSJXYy0ajRI+xjo/Yr9DtZFLLafhnwm1ZsxTu309F8lQ==
APP_ID="{4E0F6C52-2B7A-4C1E-9E55-6A3B2F8D1C07}_is1"
UNINSTALL_KEY="HKCU\\Software\\Microsoft\\Windows\\CurrentVersion\\Uninstall\\$APP_ID"
DIALOG_SECONDS=60
cache=${XDG_CACHE_HOME:-$HOME/.cache}/voicerecorder/check-installer
failures=0
checks=0

if [[ $(uname -s) != Linux ]]; then
  echo "check-installer.sh runs on Linux (Debian or Ubuntu): it drives the installer under wine." >&2
  exit 2
fi

# Records one check: check DESCRIPTION COMMAND [ARG...]
check() {
  local description=$1
  shift
  checks=$((checks + 1))
  if "$@"; then
    echo "ok - $description"
  else
    echo "FAILED - $description"
    failures=$((failures + 1))
  fi
}

install_packages() {
  local wanted=(wine wine64 wine32:i386 xvfb xdotool) missing=() sudo=""
  command -v npm >/dev/null || wanted+=(npm)
  for pkg in "${wanted[@]}"; do
    dpkg-query -W -f='${Status}' "$pkg" 2>/dev/null | grep -q "install ok installed" || missing+=("$pkg")
  done
  ((${#missing[@]})) || return 0
  [[ $(id -u) -eq 0 ]] || sudo="sudo"
  echo "Installing system packages: ${missing[*]}" >&2
  dpkg --print-foreign-architectures | grep -qx i386 || $sudo dpkg --add-architecture i386
  $sudo apt-get update -qq
  DEBIAN_FRONTEND=noninteractive $sudo apt-get install -y -qq --no-install-recommends "${missing[@]}" >&2
}

# The npm tarball's integrity string, as the registry states it.
integrity_of() {
  "${PYTHON:-python3}" -c 'import base64, hashlib, sys
print("sha512-" + base64.b64encode(hashlib.sha512(open(sys.argv[1], "rb").read()).digest()).decode())' "$1"
}

# Unpacks the pinned Inno Setup into $work/inno, from the cache when the cached tarball is intact.
fetch_inno() {
  local tarball="$cache/innosetup-$INNO_VERSION.tgz"
  mkdir -p "$cache"
  if [[ ! -f "$tarball" || $(integrity_of "$tarball") != "$INNO_INTEGRITY" ]]; then
    local download
    download=$(mktemp -d "$cache/download.XXXXXX")
    npm pack --silent --pack-destination "$download" "innosetup@$INNO_VERSION" >/dev/null
    mv -f "$download/innosetup-$INNO_VERSION.tgz" "$tarball"
    rm -rf "$download"
  fi
  if [[ $(integrity_of "$tarball") != "$INNO_INTEGRITY" ]]; then
    echo "innosetup@$INNO_VERSION from npm does not match its pinned integrity." >&2
    exit 2
  fi
  mkdir -p "$work/inno"
  tar -xzf "$tarball" -C "$work/inno" --strip-components=1
}

# A virtual 24-bit display (the setup's windows need one); Xvfb picks a free number.
start_display() {
  Xvfb -displayfd 3 -screen 0 1024x768x24 -nolisten tcp 3>"$work/display" >"$work/xvfb.log" 2>&1 &
  xvfb_pid=$!
  local deadline=$((SECONDS + 30))
  until [[ -s "$work/display" ]] || ((SECONDS >= deadline)); do
    sleep 0.2
  done
  if [[ ! -s "$work/display" ]]; then
    echo "Xvfb did not start: $(cat "$work/xvfb.log")" >&2
    exit 2
  fi
  DISPLAY=":$(head -1 "$work/display")"
  export DISPLAY
}

cleanup() {
  if [[ -n "${WINEPREFIX:-}" && -d "$WINEPREFIX" ]]; then
    wineserver -k 2>/dev/null || true
  fi
  [[ -z "${xvfb_pid:-}" ]] || kill "$xvfb_pid" 2>/dev/null || true
  rm -rf "$work"
}

# A fresh 64-bit prefix that reports Windows 10 (the script's MinVersion=10.0).
make_prefix() {
  export WINEPREFIX="$work/prefix" WINEARCH=win64 WINEDEBUG=-all WINEDLLOVERRIDES="mscoree,mshtml="
  wineboot --init >/dev/null 2>&1
  wine winecfg -v win10 >/dev/null 2>&1
  wineserver -w
  local build
  build=$(wine reg query 'HKLM\Software\Microsoft\Windows NT\CurrentVersion' /v CurrentBuildNumber | tr -d '\r' |
    awk '/CurrentBuildNumber/ {print $3}')
  check "the wine prefix reports Windows 10 (build $build)" test "$build" -ge 10240
  local_appdata=$(winepath -u "$(wine cmd /c 'echo %LOCALAPPDATA%' | tr -d '\r')")
  appdata=$(winepath -u "$(wine cmd /c 'echo %APPDATA%' | tr -d '\r')")
  desktop=$(winepath -u "$(wine cmd /c 'echo %USERPROFILE%' | tr -d '\r')")/Desktop
}

# The repository's layout as the script sees it: the script, its icon, and dist/voicerecorder/
# laid out as PyInstaller's Windows output with wine's hostname.exe standing in for both programs.
stage_sources() {
  stage="$work/stage"
  payload="$stage/dist/voicerecorder"
  mkdir -p "$stage/packaging/windows" "$stage/resources/icons" "$payload/_internal"
  cp "$repo/packaging/windows/voicerecorder.iss" "$repo/packaging/windows/ChineseSimplified.isl" "$stage/packaging/windows/"
  cp "$repo/resources/icons/voicerecorder.ico" "$stage/resources/icons/"
  for program in voicerecorder.exe voicerecorder-cli.exe; do
    cp "$WINEPREFIX/drive_c/windows/system32/hostname.exe" "$payload/$program"
  done
  "${PYTHON:-python3}" - "$repo" "$payload/_internal" <<'EOF'
import shutil, sys
from pathlib import Path
root, internal = Path(sys.argv[1]), Path(sys.argv[2])
sys.path.insert(0, str(root / "packaging"))
from bundled_resources import bundled_resources
for source, folder in bundled_resources(root):
    (internal / folder).mkdir(parents=True, exist_ok=True)
    shutil.copy2(source, internal / folder)
EOF
}

# Compiles the script as build.yml does, with its English and Simplified Chinese messages.
compile_setup() {
  version=$(sed -n 's/^__version__ = "\(.*\)"$/\1/p' "$repo/voicerecorder/__init__.py")
  setup="$stage/dist/VoiceRecorder-$version-windows-x64-setup.exe"
  wine "$work/inno/bin/ISCC.exe" /Q "/DAppVersion=$version" \
    "$(winepath -w "$stage/packaging/windows/voicerecorder.iss")" >"$work/iscc.log" 2>&1 || cat "$work/iscc.log" >&2
  check "Inno Setup $INNO_VERSION compiles voicerecorder.iss into $(basename "$setup")" test -s "$setup"
}

# Installs silently in one of the script's languages: install_silently LANGUAGE
install_silently() {
  wine "$setup" /VERYSILENT /SUPPRESSMSGBOXES /CURRENTUSER "/LANG=$1" "/LOG=$(winepath -w "$work/setup.log")" &&
    wineserver -w
}

payload_installed() {
  local file
  while IFS= read -r -d '' file; do
    cmp -s "$payload/$file" "$app/$file" || return 1
  done < <(cd "$payload" && find . -type f -print0)
  test -f "$app/unins000.exe"
}

shortcut_starts() {
  test -f "$1" && grep -aq "$2" "$1"
}

key_value() {
  wine reg query "$UNINSTALL_KEY" /v "$1" 2>/dev/null | tr -d '\r' | sed -n "s/^ *$1 *REG_[A-Z_]* *//p"
}

key_is() {
  test "$(key_value "$1")" = "$2"
}

key_absent() {
  ! wine reg query "$UNINSTALL_KEY" >/dev/null 2>&1
}

# Checks an install whose uninstaller shortcut has the installed language's name: check_installed NAME
check_installed() {
  local uninstall_link=$1
  app="$local_appdata/Programs/VoiceRecorder"
  local menu="$appdata/Microsoft/Windows/Start Menu/Programs/VoiceRecorder"
  check "every file of the payload is in %LOCALAPPDATA%\\Programs\\VoiceRecorder, with unins000.exe" payload_installed
  check "the Start menu starts voicerecorder.exe" shortcut_starts "$menu/VoiceRecorder.lnk" 'VoiceRecorder\\voicerecorder.exe'
  check "the Start menu has the uninstaller, named \"$uninstall_link\"" shortcut_starts "$menu/$uninstall_link.lnk" \
    'VoiceRecorder\\unins000.exe'
  check "no desktop shortcut unless asked for" test ! -e "$desktop/VoiceRecorder.lnk"
  check "the HKCU uninstall key names VoiceRecorder $version" key_is DisplayVersion "$version"
  check "the uninstall key points at the install folder" key_is InstallLocation "$(winepath -w "$app")\\"
  check "the uninstall key has a quiet uninstall command" key_is QuietUninstallString "\"$(winepath -w "$app")\\unins000.exe\" /SILENT"
}

check_removed() {
  check "the program folder is gone" test ! -e "$app"
  check "the Start-menu entries are gone" test ! -e "$appdata/Microsoft/Windows/Start Menu/Programs/VoiceRecorder"
  check "the uninstall key is gone" key_absent
}

# Waits for a visible window titled exactly TITLE that was not answered before, presses KEY in it
# and waits until it closes: answer TITLE KEY
answer() {
  local title=$1 key=$2 window="" deadline=$((SECONDS + DIALOG_SECONDS))
  while [[ -z "$window" ]] && ((SECONDS < deadline)); do
    window=$(xdotool search --onlyvisible --name "^$title\$" 2>/dev/null | grep -vxF -f "$work/answered" | head -1 || true)
    [[ -n "$window" ]] || sleep 0.5
  done
  [[ -n "$window" ]] || return 1
  echo "$window" >>"$work/answered"
  xdotool key --window "$window" "$key" 2>/dev/null
  while xdotool search --onlyvisible --name "^$title\$" 2>/dev/null | grep -qxF "$window" && ((SECONDS < deadline)); do
    sleep 0.5
  done
  ((SECONDS < deadline))
}

uninstall_interactively() {
  : >"$work/answered"
  wine "$app/unins000.exe" >/dev/null 2>&1 &
  check "the uninstaller asks to confirm; answered Yes" answer "VoiceRecorder Uninstall" y
  check "the uninstaller asks about the recordings; answered No" answer "Uninstall" n
  check "the uninstaller reports success; answered OK" answer "VoiceRecorder Uninstall" Return
  timeout "$DIALOG_SECONDS" wineserver -w
}

main() {
  local started=$SECONDS
  install_packages
  work=$(mktemp -d)
  trap cleanup EXIT
  fetch_inno
  start_display
  make_prefix
  stage_sources
  compile_setup
  check "the setup installs silently for the current user, in Simplified Chinese" install_silently chinesesimplified
  check "the uninstall key records the Simplified Chinese language" key_is "Inno Setup: Language" chinesesimplified
  check_installed "卸载 VoiceRecorder"

  local recordings="$local_appdata/voicerecorder/sessions/demo"
  mkdir -p "$recordings"
  echo "take" >"$recordings/take-001.wav"
  check "the silent uninstaller finishes" timeout "$DIALOG_SECONDS" wine "$app/unins000.exe" /VERYSILENT /SUPPRESSMSGBOXES
  wineserver -w
  check_removed
  check "the silent uninstaller keeps %LOCALAPPDATA%\\voicerecorder" test -f "$recordings/take-001.wav"

  check "the setup installs again over the kept recordings, in English" install_silently english
  uninstall_interactively
  check_removed
  check "answering No deletes %LOCALAPPDATA%\\voicerecorder" test ! -e "$local_appdata/voicerecorder"

  echo "Windows installer: $checks checks, $failures failed, in $((SECONDS - started)) s"
  ((failures == 0))
}

main "$@"
