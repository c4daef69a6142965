"""The ``--sandbox`` option and how cloud commands get a MetaStudio client (real or sandbox).

The choice itself lives in :mod:`voicerecorder.workflow.target`, shared with the app.
"""

from __future__ import annotations

import argparse
import contextlib
import sys
from collections.abc import Iterator

from voicerecorder.cli.form_options import add_app_user_argument
from voicerecorder.cli.progress import print_wait
from voicerecorder.cloud.client import MetaStudioClient
from voicerecorder.text import current_language
from voicerecorder.workflow.target import open_target, sandbox_config, sandbox_data_dir

__all__ = ["add_cloud_arguments", "open_client", "sandbox_config", "sandbox_data_dir"]


def add_cloud_arguments(parser: argparse.ArgumentParser) -> None:
    """Add ``--sandbox`` and ``--app-user-id`` to a command that talks to MetaStudio."""
    parser.add_argument(
        "--sandbox",
        action="store_true",
        help="use the local MetaStudio sandbox (nothing leaves this computer) instead of Huawei Cloud",
    )
    add_app_user_argument(parser)


@contextlib.contextmanager
def open_client(args: argparse.Namespace) -> Iterator[MetaStudioClient]:
    """A client for the configured cloud, or for an in-process sandbox when ``--sandbox`` is given;
    a call that waits more than a few seconds says so on stderr."""
    sandbox, app_user_id = getattr(args, "sandbox", False), getattr(args, "app_user_id", None)
    with open_target(sandbox=sandbox, fallback_to_sandbox=False, app_user_id=app_user_id) as target:
        if target.label is not None:
            print(target.label.pick(current_language()), file=sys.stderr)
        with target.client.reporting_waits(print_wait):
            yield target.client
