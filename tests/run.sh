#!/usr/bin/env bash
# Runs the whole test suite (lint, layers, unit, real-audio and end-to-end tests),
# installing what it needs first. Extra arguments go to pytest.
set -euo pipefail
repo=$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)
source "$repo/packaging/dev/bootstrap.sh" test
cd "$repo"
# PulseAudio is installed above, so the real-audio tests must run: a missing daemon fails them.
export VOICERECORDER_REQUIRE_REALAUDIO=1
# Every real-audio, packaging and reference-SDK test must run too: a skip or a filter fails the run
# (tests/support/required_tests.py); VOICERECORDER_PARTIAL_SUITE=1 lets a developer narrow it.
export VOICERECORDER_FULL_SUITE=1
ruff check .
ruff format --check .
python -m pytest "$@"
