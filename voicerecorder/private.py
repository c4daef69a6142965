"""Files and folders only their owner can read, and temporary names no two writers share.

On POSIX the data folder, session folders and everything in them are created 0700 (folders)
and 0600 (files), whatever the umask: a session holds the voice owner's name and phone
number. On Windows the modes are ignored; the user's profile folder is already private.
"""

from __future__ import annotations

import contextlib
import os
import secrets
from pathlib import Path

PRIVATE_DIR_MODE = 0o700
PRIVATE_FILE_MODE = 0o600


def make_private_dir(folder: Path) -> None:
    """Create ``folder`` (and missing parents) and make ``folder`` itself 0700."""
    folder.mkdir(parents=True, exist_ok=True, mode=PRIVATE_DIR_MODE)
    if os.name == "posix":
        os.chmod(folder, PRIVATE_DIR_MODE)


def create_private_file(path: Path) -> int:
    """Create ``path`` (it must not exist) as 0600 and return a write-only descriptor."""
    flags = os.O_WRONLY | os.O_CREAT | os.O_EXCL | getattr(os, "O_BINARY", 0)
    return os.open(path, flags, PRIVATE_FILE_MODE)


def make_private_file(path: Path) -> None:
    """Make an existing or new file ``path`` 0600 (created empty when absent)."""
    with contextlib.suppress(FileExistsError):
        os.close(create_private_file(path))
    if os.name == "posix":
        os.chmod(path, PRIVATE_FILE_MODE)


def unique_token() -> str:
    """``<pid>-<8 random hex digits>``: no other process, and no other call in this one, gets it."""
    return f"{os.getpid()}-{secrets.token_hex(4)}"


def unique_name(path: Path, suffix: str) -> str:
    """A hidden temporary name beside ``path``: ``.<name>.<pid>-<random><suffix>``."""
    return f".{path.name}.{unique_token()}{suffix}"
