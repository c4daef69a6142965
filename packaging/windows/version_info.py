"""Fills in packaging/windows/version-info.txt, the version metadata of the Windows executables.

packaging/voicerecorder.spec writes the result next to its build files and passes that
path to ``EXE(version=...)``.
"""

from __future__ import annotations

import re
from pathlib import Path
from string import Template

TEMPLATE = Path(__file__).resolve().parent / "version-info.txt"


def numeric_version(version: str) -> tuple[int, int, int, int]:
    """The four numbers Windows shows for a version like "1.2.3" or "1.2.3rc1" (missing ones are 0)."""
    numbers = [int(part) for part in re.findall(r"\d+", version.split("+")[0])[:4]]
    if not numbers:
        raise ValueError(f"version {version!r} has no numbers")
    return (*numbers, *[0] * (4 - len(numbers)))  # type: ignore[return-value]


def render(version: str) -> str:
    """The version file's text for ``version``."""
    return Template(TEMPLATE.read_text("utf-8")).substitute(
        numbers=repr(numeric_version(version)), version=version
    )


def write(version: str, folder: Path) -> Path:
    """Write the version file for ``version`` into ``folder`` and return its path."""
    folder.mkdir(parents=True, exist_ok=True)
    path = folder / "version-info.txt"
    path.write_text(render(version), "utf-8")
    return path
