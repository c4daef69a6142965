"""Where resources are read from and where user data is written."""

from __future__ import annotations

import os
import sys
from pathlib import Path

import platformdirs

APP_NAME = "voicerecorder"


def resources_dir() -> Path:
    """The ``resources/`` folder: inside a frozen bundle, or beside the package in a checkout."""
    bundle = getattr(sys, "_MEIPASS", None)
    if bundle:
        return Path(bundle) / "resources"
    return Path(__file__).resolve().parent.parent / "resources"


def data_dir() -> Path:
    """The user-data root; ``VOICERECORDER_DATA_DIR`` overrides the platform's default."""
    override = os.environ.get("VOICERECORDER_DATA_DIR")
    if override:
        return Path(override).expanduser()
    return Path(platformdirs.user_data_dir(APP_NAME, appauthor=False))


def sessions_dir() -> Path:
    """The folder that holds one sub-folder per recording session."""
    return data_dir() / "sessions"


def log_dir() -> Path:
    """The folder for the application log (per-session logs live in each session)."""
    return Path(platformdirs.user_log_dir(APP_NAME, appauthor=False))
