#!/usr/bin/env bash
# Runs a bundle's --self-test on this machine with the system PortAudio made unavailable, so
# only the PortAudio inside the bundle can make it pass.
#   sudo bash packaging/linux/selftest-without-system-portaudio.sh dist/voicerecorder/voicerecorder [PYTHON]
#
# Needs root (for a private mount namespace; nothing outside this command changes). Inside
# the namespace every system libportaudio file is covered by an empty file, and the dynamic
# linker cache is rebuilt without it, exactly as on a machine where libportaudio2 was never
# installed. Before the self-test it proves the hiding works: ctypes' find_library('portaudio')
# must return None and, when PYTHON (an interpreter with sounddevice) is given, importing
# sounddevice there must fail.
set -euo pipefail
bundle=$(realpath "$1")
python=${2:-}

if [[ "${VOICERECORDER_IN_NAMESPACE:-}" != 1 ]]; then
  [[ $(id -u) -eq 0 ]] || { echo "Run as root: it needs a private mount namespace." >&2; exit 2; }
  export VOICERECORDER_IN_NAMESPACE=1
  exec unshare --mount --propagation private bash "$(realpath "${BASH_SOURCE[0]}")" "$bundle" "$python"
fi

scratch=$(mktemp -d)
: > "$scratch/empty"
hidden=0
while read -r library; do
  mount --bind "$scratch/empty" "$library"
  hidden=$((hidden + 1))
done < <(for path in /lib /usr/lib /lib64 /usr/lib64 /usr/local/lib; do
  [[ -d "$path" ]] && find -L "$path" -maxdepth 2 -name "libportaudio.so*" -type f -exec realpath {} \;
done | sort -u)
# -X: leave the real library links alone; -C: write the new cache into the scratch folder.
ldconfig -X -C "$scratch/ld.so.cache" 2>/dev/null
mount --bind "$scratch/ld.so.cache" /etc/ld.so.cache
echo "hidden: $hidden system PortAudio file(s); linker cache rebuilt without them"

python3 -c "import ctypes.util, sys; found = ctypes.util.find_library('portaudio'); print('find_library(portaudio):', found); sys.exit(found is not None)"
if [[ -n "$python" ]]; then
  if "$python" -c "import sounddevice" 2>"$scratch/import.err"; then
    echo "sounddevice still loads a system PortAudio; the hiding did not work" >&2
    exit 3
  fi
  echo "without the bundle: $(tail -n 1 "$scratch/import.err")"
fi
QT_QPA_PLATFORM=${QT_QPA_PLATFORM:-offscreen} "$bundle" --self-test
