"""The ``--sandbox`` option and how cloud commands get a MetaStudio client (real or sandbox).

The choice itself lives in :mod:`voicerecorder.workflow.target`, shared with the app.
"""

from __future__ import annotations

import argparse
import contextlib
import sys
from collections.abc import Iterator

from voicerecorder.cli.progress import print_wait
from voicerecorder.cloud.client import MetaStudioClient
from voicerecorder.text import current_language
from voicerecorder.workflow.target import open_target, sandbox_config, sandbox_data_dir

__all__ = ["add_cloud_arguments", "open_client", "sandbox_config", "sandbox_data_dir"]


def add_cloud_arguments(parser: argparse.ArgumentParser) -> None:
    """Add ``--sandbox`` to a command that talks to MetaStudio."""
    parser.add_argument(
        "--sandbox",
        action="store_true",
        help="use the local MetaStudio sandbox (nothing leaves this computer) instead of Huawei Cloud",
    )


@contextlib.contextmanager
def open_client(args: argparse.Namespace) -> Iterator[MetaStudioClient]:
    """A client for the configured cloud, or for an in-process sandbox when ``--sandbox`` is given;
    a call that waits more than a few seconds says so on stderr."""
    with open_target(sandbox=getattr(args, "sandbox", False), fallback_to_sandbox=False) as target:
        if target.label is not None:
            print(target.label.pick(current_language()), file=sys.stderr)
        with target.client.reporting_waits(print_wait):
            yield target.client
