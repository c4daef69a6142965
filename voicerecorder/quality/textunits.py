"""How much there is to read in a sentence: characters for Chinese, words for English."""

from __future__ import annotations

import re

# Typical read-aloud pace of a voice talent reading a prompt (units per second).
# CN: 25-60 characters read in 5-13 s; EN: 12-30 words read in 5-13 s (spec/quality-rules.md).
READING_RATE = {"CN": 4.6, "EN": 2.3}

_CJK = re.compile(r"[\u3400-\u4dbf\u4e00-\u9fff\uf900-\ufaff]")
_WORD = re.compile(r"[A-Za-z0-9]+(?:['’-][A-Za-z0-9]+)*")


def speaking_units(text: str, language: str) -> int:
    """Count CJK characters (plus any Latin words) for CN, words for EN."""
    if language.upper() == "CN":
        return len(_CJK.findall(text)) + len(_WORD.findall(_CJK.sub(" ", text)))
    return len(_WORD.findall(text))


def estimated_reading_seconds(text: str, language: str) -> float:
    """The expected reading time of ``text`` at a typical prompt-reading pace."""
    return speaking_units(text, language) / READING_RATE[language.upper()]
