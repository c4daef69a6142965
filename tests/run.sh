#!/usr/bin/env bash
# Runs the whole test suite (lint, layers, unit, real-audio and end-to-end tests),
# installing what it needs first. Extra arguments go to pytest.
set -euo pipefail
repo=$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)
source "$repo/packaging/dev/bootstrap.sh" test
cd "$repo"
ruff check .
ruff format --check .
python -m pytest "$@"
