"""Run a command where a folder is read-only, full, or not writable by the user: real errnos,
whether the tests run as root (CI) or as a developer.

- read-only (EROFS) and a full disk (ENOSPC, a small tmpfs) use a private mount namespace:
  ``unshare --mount`` as root, ``unshare --user --map-root-user --mount`` otherwise;
- a file size limit (``RLIMIT_FSIZE`` with SIGXFSZ ignored: EFBIG) works for anyone;
- no permission (EACCES): a developer's folder is made 0555; root ignores modes, so as root the
  command runs as ``nobody`` instead (via ``setpriv``) in a folder ``nobody`` may read.
"""

from __future__ import annotations

import contextlib
import os
import shutil
import subprocess
import sys
import tempfile
from collections.abc import Iterator
from pathlib import Path

import pytest

CLI = "import sys; from voicerecorder.cli import main; sys.exit(main(sys.argv[1:]))"
LIMITED_CLI = (
    "import resource, signal, sys; signal.signal(signal.SIGXFSZ, signal.SIG_IGN); "
    "limit = int(sys.argv[1]); resource.setrlimit(resource.RLIMIT_FSIZE, (limit, limit)); "
    "from voicerecorder.cli import main; sys.exit(main(sys.argv[2:]))"
)
NOBODY = 65534


def cli(*args: object) -> list[str]:
    """``voicerecorder ARGS`` as a command line."""
    return [sys.executable, "-c", CLI, *map(str, args)]


def run(command: list[str]) -> subprocess.CompletedProcess:
    environment = {**os.environ, "VOICERECORDER_LANG": "en"}
    return subprocess.run(command, capture_output=True, text=True, timeout=120, env=environment, check=False)


def _namespace() -> list[str]:
    if shutil.which("unshare") is None:
        pytest.skip("needs unshare (util-linux) for a private mount namespace")
    if os.geteuid() == 0:
        return ["unshare", "--mount"]
    probe = subprocess.run(["unshare", "--user", "--map-root-user", "--mount", "true"], check=False)
    if probe.returncode != 0:
        pytest.skip("unprivileged user namespaces are disabled on this machine")
    return ["unshare", "--user", "--map-root-user", "--mount"]


def read_only(folder: Path, command: list[str]) -> list[str]:
    """``command`` run while ``folder`` (which must exist) is mounted read-only over itself."""
    mount = 'mount --bind "$0" "$0" && mount -o remount,bind,ro "$0" && exec "$@"'
    return [*_namespace(), "sh", "-c", mount, str(folder), *command]


def small_tmpfs(folder: Path, command: list[str], size: str = "64k") -> list[str]:
    """``command`` run with an empty tmpfs of ``size`` mounted on ``folder`` (a full disk soon)."""
    mount = f'mount -t tmpfs -o size={size} tmpfs "$0" && exec "$@"'
    return [*_namespace(), "sh", "-c", mount, str(folder), *command]


def size_limited(limit: int, *args: object) -> list[str]:
    """``voicerecorder ARGS`` that cannot write a file beyond ``limit`` bytes (EFBIG)."""
    return [sys.executable, "-c", LIMITED_CLI, str(limit), *map(str, args)]


@contextlib.contextmanager
def reachable_folder() -> Iterator[Path]:
    """A new folder in the system's temporary folder that any user can reach (removed after)."""
    folder = Path(tempfile.mkdtemp(prefix="voicerecorder-test-"))
    folder.chmod(0o755)
    try:
        yield folder
    finally:
        for path in (folder, *folder.rglob("*")):
            if path.is_dir() and not path.is_symlink():
                path.chmod(0o755)
        shutil.rmtree(folder)


def without_permission(folder: Path, command: list[str]) -> list[str]:
    """``command`` run by a user who may read but not write ``folder`` (one from
    :func:`reachable_folder`) and what is in it."""
    for path in (folder, *folder.rglob("*")):
        path.chmod(0o555 if path.is_dir() else 0o444)
    if os.geteuid() == 0:
        return ["setpriv", f"--reuid={NOBODY}", f"--regid={NOBODY}", "--clear-groups", *command]
    return command
