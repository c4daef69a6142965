"""The ``voicerecorder`` command line.

Each command lives in its own module of this package and exposes
``register(subparsers) -> None``, which adds its parser(s) and sets ``func`` to a
``run(args) -> int`` callable. Exit codes are listed in README ("Exit codes").
"""

from __future__ import annotations

import argparse
import importlib
import os
import sys
from collections.abc import Sequence

from voicerecorder import __version__
from voicerecorder.cli import screenshots, selftest
from voicerecorder.errors import EXIT_FAILED, EXIT_INTERRUPTED, UserFacingError
from voicerecorder.text import current_language

COMMAND_MODULES: tuple[str, ...] = (
    "voicerecorder.cli.devices",
    "voicerecorder.cli.record",
    "voicerecorder.cli.script",
    "voicerecorder.cli.new",
    "voicerecorder.cli.importer",
    "voicerecorder.cli.takes",
    "voicerecorder.cli.check",
    "voicerecorder.cli.pack",
    "voicerecorder.cli.cloud_status",
    "voicerecorder.cli.sandbox",
    "voicerecorder.cli.assess",
    "voicerecorder.cli.submit",
)


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
    command = getattr(args, "func", None) or run_wizard
    try:
        return int(command(args))
    except UserFacingError as error:
        print(f"voicerecorder: {error.message.pick(current_language())}", file=sys.stderr)
        return error.exit_code
    except KeyboardInterrupt:
        return EXIT_INTERRUPTED
    except BrokenPipeError:
        # The reader of our output went away (e.g. `| head`): stop quietly, like other tools.
        sys.stdout = open(os.devnull, "w")  # noqa: SIM115 (replaces a closed stdout until exit)
        return EXIT_FAILED


def run_wizard(args: argparse.Namespace) -> int:
    """``voicerecorder`` with no command: open the wizard (Qt is imported only here)."""
    from voicerecorder.ui.app import run

    return run()
