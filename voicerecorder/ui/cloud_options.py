"""Preferences of the cloud side (sandbox switch, data folder) and opening the MetaStudio they name.

These options live in QSettings through :class:`voicerecorder.ui.settings.Settings`; the
credentials themselves never do (they are in the OS keyring, see ``voicerecorder.cloud.config``).
"""

from __future__ import annotations

import contextlib
import os
from collections.abc import Iterator

from voicerecorder.ui.settings import Option, Settings
from voicerecorder.workflow.target import CloudTarget, open_target

USE_SANDBOX: Option[bool] = Option("cloud/use_sandbox", bool, False)
"""Always use the local sandbox, even when cloud credentials are saved."""
DATA_FOLDER: Option[str] = Option("paths/data_folder", str, "")
"""Where sessions and the sandbox's jobs are kept; empty for the platform's default."""
DATA_DIR_VARIABLE = "VOICERECORDER_DATA_DIR"


def apply_data_folder(settings: Settings) -> None:
    """Make a chosen data folder the app's data folder (call once at start, before sessions are listed)."""
    folder = settings.get(DATA_FOLDER)
    if folder:
        os.environ[DATA_DIR_VARIABLE] = folder


@contextlib.contextmanager
def cloud_target(settings: Settings) -> Iterator[CloudTarget]:
    """The MetaStudio to talk to: the sandbox when switched on or without credentials, else Huawei Cloud.

    Blocks on the keyring and (for the sandbox) on starting a local server: worker threads only.
    """
    with open_target(sandbox=settings.get(USE_SANDBOX)) as target:
        yield target
