#!/usr/bin/env bash
# Prepares a source checkout: installs the Debian/Ubuntu packages it needs (as root or
# with sudo), creates .venv and installs voicerecorder into it in editable mode.
# Usage: source packaging/dev/bootstrap.sh [EXTRA]   (EXTRA: e.g. "test")
set -euo pipefail
repo=$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)
extra=${1:-}

missing=()
while read -r pkg; do
  [[ -z "$pkg" || "$pkg" == \#* ]] && continue
  dpkg-query -W -f='${Status}' "$pkg" 2>/dev/null | grep -q "install ok installed" || missing+=("$pkg")
done < "$repo/packaging/dev/system-packages.txt"
if ((${#missing[@]})); then
  sudo=""
  [[ $(id -u) -eq 0 ]] || sudo="sudo"
  echo "Installing system packages: ${missing[*]}" >&2
  $sudo apt-get update -qq
  DEBIAN_FRONTEND=noninteractive $sudo apt-get install -y -qq --no-install-recommends "${missing[@]}" >&2
fi

python=${PYTHON:-python3}
if [[ ! -x "$repo/.venv/bin/python" ]]; then
  "$python" -m venv "$repo/.venv"
fi
spec="$repo"
[[ -n "$extra" ]] && spec="${repo}[$extra]"
"$repo/.venv/bin/python" -m pip install -q --disable-pip-version-check -e "$spec" >&2
export PATH="$repo/.venv/bin:$PATH"
