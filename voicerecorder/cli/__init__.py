"""The ``voicerecorder`` command line.

Each command lives in its own module of this package and exposes
``register(subparsers) -> None``, which adds its parser(s) and sets ``func`` to a
``run(args) -> int`` callable. Exit codes are listed in README ("Exit codes").
"""

from __future__ import annotations

import argparse
import importlib
import sys
from collections.abc import Sequence

from voicerecorder import __version__
from voicerecorder.cli import screenshots, selftest
from voicerecorder.errors import UserFacingError
from voicerecorder.text import current_language

COMMAND_MODULES: tuple[str, ...] = (
    "voicerecorder.cli.devices",
    "voicerecorder.cli.record",
    "voicerecorder.cli.script",
    "voicerecorder.cli.new",
    "voicerecorder.cli.importer",
    "voicerecorder.cli.check",
    "voicerecorder.cli.pack",
    "voicerecorder.cli.cloud_status",
    "voicerecorder.cli.sandbox",
    "voicerecorder.cli.assess",
    "voicerecorder.cli.submit",
)

EXIT_OK = 0
EXIT_FAILED = 1
EXIT_USAGE = 2
EXIT_INTERRUPTED = 130


def build_parser() -> argparse.ArgumentParser:
    """The full argument parser with every registered command."""
    parser = argparse.ArgumentParser(
        prog="voicerecorder",
        description="Record, check and submit voice-training takes to Huawei Cloud MetaStudio.",
    )
    parser.add_argument("--version", action="version", version=f"voicerecorder {__version__}")
    selftest.add_flag(parser)
    screenshots.add_flag(parser)
    subparsers = parser.add_subparsers(dest="command", metavar="COMMAND")
    for name in COMMAND_MODULES:
        importlib.import_module(name).register(subparsers)
    return parser


def main(argv: Sequence[str] | None = None) -> int:
    """Parse ``argv``, run the chosen command and return its exit code."""
    parser = build_parser()
    args = parser.parse_args(argv)
    if args.self_test:
        return selftest.run()
    if args.screenshots:
        return screenshots.run(args)
    if not getattr(args, "func", None):
        parser.print_help()
        return EXIT_USAGE
    try:
        return int(args.func(args))
    except UserFacingError as error:
        print(f"voicerecorder: {error.message.pick(current_language())}", file=sys.stderr)
        return error.exit_code
    except KeyboardInterrupt:
        return EXIT_INTERRUPTED
