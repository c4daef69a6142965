#!/usr/bin/env bash
# Runs voicerecorder from this checkout, installing what it needs first.
# Any arguments are passed on, e.g.: bash packaging/run-from-source.sh record take.wav
set -euo pipefail
here=$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)
# shellcheck source=packaging/dev/bootstrap.sh
source "$here/dev/bootstrap.sh"
exec voicerecorder "$@"
