"""The signed authorization letter: which files are accepted and how they are uploaded.

MetaStudio documents no Content-Type for the letter's upload URL, and OBS refuses any type
but the one the URL was signed for (SignatureDoesNotMatch, nothing stored). The letter is
sent with its own file's type first (``application/pdf``, ``image/jpeg``, ``image/png``),
then with the other letter types and ``application/octet-stream`` until one is accepted. The
format is checked here, by the file's first bytes, so a wrong file is refused before
anything is sent.
"""

from __future__ import annotations

import hashlib
from pathlib import Path

from voicerecorder.errors import EXIT_USAGE, UserFacingError
from voicerecorder.text import Bilingual

SIGNATURE_MISMATCH = "SignatureDoesNotMatch"
_TYPES = {".pdf": "application/pdf", ".jpg": "image/jpeg", ".jpeg": "image/jpeg", ".png": "image/png"}
_FALLBACK_TYPE = "application/octet-stream"
MAX_LETTER_BYTES = 20 * 1024 * 1024
_SIGNATURES = {
    ".pdf": (b"%PDF-",),
    ".png": (b"\x89PNG\r\n\x1a\n",),
    ".jpg": (b"\xff\xd8\xff",),
    ".jpeg": (b"\xff\xd8\xff",),
}
LETTER_SUFFIXES = tuple(_SIGNATURES)
"""The file name endings a letter may have (for a file dialog's filter)."""


def _refuse(en: str, zh: str) -> UserFacingError:
    return UserFacingError(Bilingual(en, zh), exit_code=EXIT_USAGE)


def check_letter(path: Path) -> str:
    """The letter's sha256 once ``path`` is a readable PDF, JPG or PNG of at most 20 MB."""
    suffix = path.suffix.lower()
    if suffix not in _SIGNATURES:
        raise _refuse(
            f"The authorization letter {path.name} must be a PDF, JPG or PNG file (a scan or photo "
            "of the signed letter).",
            f"授权书 {path.name} 必须是 PDF、JPG 或 PNG 文件（签字授权书的扫描件或照片）。",
        )
    try:
        data = path.read_bytes()
    except OSError as error:
        raise _refuse(
            f"Cannot read the authorization letter {path} ({error.strerror}). Check the path.",
            f"无法读取授权书 {path}（{error.strerror}）。请检查路径。",
        ) from None
    if len(data) > MAX_LETTER_BYTES:
        raise _refuse(
            f"The authorization letter {path.name} is {len(data) / 1e6:.0f} MB; scan it at a lower "
            "resolution (at most 20 MB).",
            f"授权书 {path.name} 有 {len(data) / 1e6:.0f} MB；请用较低分辨率重新扫描（最多 20 MB）。",
        )
    if not data.startswith(_SIGNATURES[suffix]):
        raise _refuse(
            f"{path.name} is not really a {suffix[1:].upper()} file (it may be damaged or renamed). "
            "Export the scan again as PDF, JPG or PNG.",
            f"{path.name} 并不是真正的 {suffix[1:].upper()} 文件（可能已损坏或被改名）。"
            "请重新导出为 PDF、JPG 或 PNG。",
        )
    return hashlib.sha256(data).hexdigest()


def letter_content_types(path: Path) -> tuple[str, ...]:
    """The Content-Types to try for the letter ``path``: its own type first, then the others."""
    own = _TYPES[path.suffix.lower()]
    others = sorted(set(_TYPES.values()) - {own})
    return (own, *others, _FALLBACK_TYPE)
