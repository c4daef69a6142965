"""Safe, unique folder names for sessions and sentences on Windows, macOS and Linux."""

from __future__ import annotations

import datetime as dt
import re
import unicodedata
from pathlib import Path

# Names Windows reserves for devices, with or without an extension (CON, CON.txt, COM1 …).
_RESERVED = {"CON", "PRN", "AUX", "NUL", "CONIN$", "CONOUT$"} | {
    f"{stem}{digit}" for stem in ("COM", "LPT") for digit in "0123456789¹²³"
}
_UNSAFE = re.compile(r"[^\w]+")
_EDGE = " .-_"
SLUG_MAX_CHARS = 40


def is_reserved_name(name: str) -> bool:
    """True when Windows treats ``name`` (or its part before the first dot) as a device."""
    return name.split(".", 1)[0].strip(" ").upper() in _RESERVED


def safe_component(text: str, fallback: str, max_chars: int = SLUG_MAX_CHARS) -> str:
    """One lower-case path component made of letters, digits and dashes, never empty or reserved.

    Letters of any script survive (NFC-normalised); everything else becomes ``-``. Leading
    and trailing dots, spaces and dashes are removed, the length is limited to ``max_chars``
    and a Windows device name gets a ``_`` appended.
    """
    normalised = unicodedata.normalize("NFKC", text).lower()
    slug = _UNSAFE.sub("-", normalised).replace("_", "-")
    slug = re.sub("-{2,}", "-", slug).strip(_EDGE)[:max_chars].strip(_EDGE)
    if not slug:
        slug = fallback
    if is_reserved_name(slug):
        slug += "_"
    return slug


def unique_name(base: str, taken: set[str]) -> str:
    """``base``, or ``base-2``, ``base-3`` … whichever is not in ``taken`` (compared case-insensitively)."""
    lowered = {name.casefold() for name in taken}
    candidate, number = base, 1
    while candidate.casefold() in lowered:
        number += 1
        candidate = f"{base}-{number}"
    return candidate


def session_folder_name(voice_name: str, root: Path, day: dt.date | None = None) -> str:
    """A new folder name under ``root``: ``<slug of voice_name>-<YYYYMMDD>``, unique in ``root``."""
    day = day or dt.date.today()
    base = f"{safe_component(voice_name, 'voice')}-{day:%Y%m%d}"
    taken = {entry.name for entry in root.iterdir()} if root.is_dir() else set()
    return unique_name(base, taken)


def sentence_folder_names(sentence_ids: list[str]) -> list[str]:
    """One unique, safe folder name per sentence id, in order (``takes/<name>/``)."""
    names: list[str] = []
    for number, sentence_id in enumerate(sentence_ids, start=1):
        names.append(unique_name(safe_component(sentence_id, f"sentence-{number}"), set(names)))
    return names
