"""How the cloud commands show workflow progress on the terminal (stderr) and pick the target."""

from __future__ import annotations

import argparse
import contextlib
import sys
from collections.abc import Iterator

from voicerecorder.cli.form_options import add_app_user_argument
from voicerecorder.errors import EXIT_USAGE, UserFacingError
from voicerecorder.text import Bilingual, current_language
from voicerecorder.workflow.events import EventStep, WorkflowEvent
from voicerecorder.workflow.polling import PollPolicy
from voicerecorder.workflow.target import CloudTarget, open_target

MIN_INTERVAL_S = 0.1
MAX_INTERVAL_S = 300.0


class TerminalReporter:
    """Prints each workflow event to stderr; an upload's progress at most every 10 percent."""

    def __init__(self) -> None:
        self.language = current_language()
        self._last_tenth = -1

    def __call__(self, event: WorkflowEvent) -> None:
        text = event.message.pick(self.language)
        if event.step is EventStep.UPLOAD and event.total:
            tenth = event.sent * 10 // event.total if event.sent is not None else 0
            if tenth == self._last_tenth:
                return
            self._last_tenth = tenth
            text = f"{text}: {tenth * 10}%"
        else:
            self._last_tenth = -1
        if event.state:
            text = f"{event.state} — {text}"
        print(text, file=sys.stderr, flush=True)


def add_workflow_arguments(parser: argparse.ArgumentParser) -> None:
    """``--wait``, ``--interval``, ``--sandbox`` and ``--app-user-id``."""
    parser.add_argument("--wait", action="store_true", help="follow the job until it finishes or needs you")
    parser.add_argument(
        "--interval", type=float, default=5.0, help="seconds before the first poll with --wait (5; grows)"
    )
    parser.add_argument(
        "--sandbox",
        action="store_true",
        help="use the local MetaStudio sandbox (nothing leaves this computer) even when credentials are set",
    )
    add_app_user_argument(parser)


def poll_policy(args: argparse.Namespace) -> PollPolicy:
    """The polling policy ``--interval`` asks for."""
    if not MIN_INTERVAL_S <= args.interval <= MAX_INTERVAL_S:
        raise UserFacingError(
            Bilingual(
                f"--interval must be between {MIN_INTERVAL_S} and {MAX_INTERVAL_S:.0f} seconds.",
                f"--interval 必须介于 {MIN_INTERVAL_S} 与 {MAX_INTERVAL_S:.0f} 秒之间。",
            ),
            exit_code=EXIT_USAGE,
        )
    return PollPolicy(first_s=args.interval, max_s=max(args.interval, 60.0))


@contextlib.contextmanager
def cloud_target(args: argparse.Namespace) -> Iterator[CloudTarget]:
    """Huawei Cloud when configured (unless ``--sandbox``), else the sandbox, announced on stderr;
    a call that waits more than a few seconds says so on stderr."""
    with open_target(sandbox=args.sandbox, fallback_to_sandbox=True, app_user_id=args.app_user_id) as target:
        if target.label is not None:
            print(target.label.pick(current_language()), file=sys.stderr, flush=True)
        with target.client.reporting_waits(print_wait):
            yield target


def print_wait(message: Bilingual) -> None:
    """Print a slow call's notice (what it waits for, since when) to stderr; any thread."""
    print(message.pick(current_language()), file=sys.stderr, flush=True)
