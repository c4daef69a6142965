"""Which files of ``resources/`` the installers carry: all of them except the README's screenshots.

Used by ``packaging/voicerecorder.spec`` (its ``datas``) and by ``tests/packaging/test_bundled_resources.py``.
"""

from __future__ import annotations

from pathlib import Path, PurePosixPath

LEFT_OUT = ("screenshots",)
"""Top-level folders of ``resources/`` that only the repository needs (the README's pictures)."""


def is_bundled(relative: PurePosixPath) -> bool:
    """Whether the file at ``relative`` (inside ``resources/``) goes into the bundle."""
    return relative.parts[0] not in LEFT_OUT and "__pycache__" not in relative.parts


def bundled_resources(root: Path) -> list[tuple[str, str]]:
    """PyInstaller ``datas`` entries ``(source file, folder in the bundle)`` for ``root/resources``."""
    resources = root / "resources"
    entries = []
    for path in sorted(resources.rglob("*")):
        relative = PurePosixPath(path.relative_to(resources).as_posix())
        if path.is_file() and is_bundled(relative):
            entries.append((str(path), str(PurePosixPath("resources") / relative.parent)))
    return entries
