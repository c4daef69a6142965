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
from voicerecorder.cli import screenshots

# Each command: the module that registers it, and its line in the top-level --help. Only the
# module of the command being run is imported, so --version and --help start at once.
COMMANDS: dict[str, tuple[str, str]] = {
    "devices": ("voicerecorder.cli.devices", "list input devices"),
    "record": ("voicerecorder.cli.record", "record from a microphone into a WAV file"),
    "script": ("voicerecorder.cli.script", "work with recording scripts"),
    "new": ("voicerecorder.cli.new", "create a recording session folder"),
    "import": ("voicerecorder.cli.importer", "attach existing recordings to the sentences in order"),
    "takes": ("voicerecorder.cli.takes", "list every take of a sentence"),
    "choose": ("voicerecorder.cli.takes", "make one take of a sentence the chosen one"),
    "check": ("voicerecorder.cli.check", "check WAV files or a session folder's chosen takes"),
    "pack": ("voicerecorder.cli.pack", "write the MetaStudio training zip of a session"),
    "status": ("voicerecorder.cli.cloud_status", "show a MetaStudio job's state"),
    "jobs": ("voicerecorder.cli.cloud_status", "list MetaStudio voice-training jobs"),
    "segments": ("voicerecorder.cli.segments", "list the per-sentence states of a SEGMENT session"),
    "delete": ("voicerecorder.cli.delete", "delete a MetaStudio voice-training job"),
    "sandbox": (
        "voicerecorder.cli.sandbox",
        "run a local MetaStudio + OBS emulator (nothing leaves this computer)",
    ),
    "assess": ("voicerecorder.cli.assess", "run MetaStudio's voice-quality check on a session"),
    "submit": (
        "voicerecorder.cli.submit",
        "submit a session for voice training (or send re-recorded sentences again)",
    ),
}


def build_parser(command: str | None = None) -> argparse.ArgumentParser:
    """The argument parser: with ``command``, that command's full parser (its module is imported);
    without, every command as a one-line entry that takes any arguments (nothing is imported)."""
    parser = argparse.ArgumentParser(
        prog="voicerecorder",
        description="Record, check and submit voice-training takes to Huawei Cloud MetaStudio.",
    )
    parser.add_argument("--version", action="version", version=f"voicerecorder {__version__}")
    parser.add_argument(
        "--self-test",
        action="store_true",
        dest="self_test",
        help="check the installation (libraries, audio devices, WAV files, Qt, sandbox) and exit",
    )
    screenshots.add_flag(parser)
    subparsers = parser.add_subparsers(dest="command", metavar="COMMAND")
    if command is None:
        for name, (_, summary) in COMMANDS.items():
            subparsers.add_parser(name, help=summary, add_help=False)
    else:
        importlib.import_module(COMMANDS[command][0]).register(subparsers)
    return parser


def parse(argv: Sequence[str] | None) -> argparse.Namespace:
    """Find the command with the light parser, then parse ``argv`` with that command's full one."""
    light = build_parser()
    command = light.parse_known_args(argv)[0].command
    return (light if command is None else build_parser(command)).parse_args(argv)


def main(argv: Sequence[str] | None = None) -> int:
    """Parse ``argv``, run the chosen command and return its exit code."""
    args = parse(argv)
    # Imported after parsing: --version and --help end in the parser and need neither.
    from voicerecorder.errors import EXIT_FAILED, EXIT_INTERRUPTED, UserFacingError, file_problem
    from voicerecorder.text import current_language

    if args.self_test:
        from voicerecorder.cli import selftest

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
    except OSError as error:
        # A file error no command named more precisely (each names the file where it can).
        print(f"voicerecorder: {file_problem(error).pick(current_language())}", file=sys.stderr)
        return EXIT_FAILED


def run_wizard(args: argparse.Namespace) -> int:
    """``voicerecorder`` with no command: open the wizard (Qt is imported only here)."""
    from voicerecorder.ui.app import run

    return run()
