"""How much there is to read in a sentence (characters for Chinese, words for English) and how fast
it was read (characters or syllables per second)."""

from __future__ import annotations

import re

from voicerecorder.quality.rules import limit
from voicerecorder.text import Bilingual

# Typical read-aloud pace of a voice talent reading a prompt (speaking units per second), for
# estimating reading times. CN: 25-60 characters read in 5-13 s; EN: 12-30 words read in 5-13 s
# (spec/quality-rules.md).
READING_RATE = {"CN": 4.6, "EN": 2.3}

# The language's typical speaking rate (rate units per second), what a take is compared with before
# the session knows the talent's own pace; values and sources in voicerecorder.quality.rules.
TYPICAL_RATE = {"CN": limit("speaking_rate.typical_cn"), "EN": limit("speaking_rate.typical_en")}

RATE_UNITS = {
    "CN": Bilingual("characters per second", "字/秒"),
    "EN": Bilingual("syllables per second", "音节/秒"),
}

_CJK = re.compile(r"[\u3400-\u4dbf\u4e00-\u9fff\uf900-\ufaff]")
_WORD = re.compile(r"[A-Za-z0-9]+(?:['’-][A-Za-z0-9]+)*")
_VOWELS = re.compile(r"[aeiouy]+")
_SILENT_E = re.compile(r"[^aeiouyl]e$|[^aeiouy]es$|[^aeiouyt]ed$")


def syllables(word: str) -> int:
    """An English word's syllables, counted as vowel groups less a silent final e ("please": 1).

    A spelling rule, not a dictionary: it is off by one on some words ("forecast": 3), which a
    rate judged with a tolerance of tens of percent does not notice. A word is at least 1.
    """
    lower = word.lower()
    groups = len(_VOWELS.findall(lower))
    if groups > 1 and _SILENT_E.search(lower):
        groups -= 1
    return max(groups, 1)


def speaking_units(text: str, language: str) -> int:
    """How long a sentence is: CJK characters (plus any Latin words) for CN, words for EN."""
    if language.upper() == "CN":
        return len(_CJK.findall(text)) + len(_WORD.findall(_CJK.sub(" ", text)))
    return len(_WORD.findall(text))


def rate_units(text: str, language: str) -> int:
    """What a speaking rate counts: CJK characters (plus any Latin words) for CN, syllables for EN."""
    if language.upper() == "CN":
        return speaking_units(text, language)
    return sum(syllables(word) for word in _WORD.findall(text))


def rate_unit(language: str) -> Bilingual:
    """What a speaking rate of ``language`` counts: "characters per second" or "syllables per second"."""
    return RATE_UNITS[language.upper()]


def estimated_reading_seconds(text: str, language: str) -> float:
    """The expected reading time of ``text`` at a typical prompt-reading pace."""
    return speaking_units(text, language) / READING_RATE[language.upper()]
