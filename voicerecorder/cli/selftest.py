"""The top-level ``--self-test`` flag: check that this copy of voicerecorder can run."""

from __future__ import annotations

import argparse

FLAG = "--self-test"


def add_flag(parser: argparse.ArgumentParser) -> None:
    """Add ``--self-test`` to the top-level parser."""
    parser.add_argument(
        FLAG,
        action="store_true",
        dest="self_test",
        help="check the installation (libraries, audio devices, WAV files, Qt, sandbox) and exit",
    )


def run() -> int:
    """Run the self-test; 0 when every check passed, 1 otherwise."""
    from voicerecorder import selftest

    return selftest.run()
