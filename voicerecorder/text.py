"""Bilingual (English / Chinese) text for messages produced below the UI layer."""

from __future__ import annotations

import locale
import os
from dataclasses import dataclass


@dataclass(frozen=True)
class Bilingual:
    """A message in English and Simplified Chinese; the UI or CLI picks one."""

    en: str
    zh: str

    def pick(self, language: str) -> str:
        """Return the Chinese text for any ``zh*`` language code, else the English text."""
        return self.zh if language.lower().startswith("zh") else self.en

    def format(self, **values: object) -> Bilingual:
        """Fill ``{name}`` placeholders in both texts."""
        return Bilingual(self.en.format(**values), self.zh.format(**values))

    def __str__(self) -> str:
        return self.en


def current_language() -> str:
    """The language for command-line output: ``VOICERECORDER_LANG``, else the locale ("zh_CN" or "en")."""
    chosen = os.environ.get("VOICERECORDER_LANG")
    if chosen:
        return chosen
    for name in ("LC_ALL", "LC_MESSAGES", "LANG"):
        value = os.environ.get(name)
        if value:
            return "zh_CN" if value.lower().startswith("zh") else "en"
    code = locale.getlocale()[0] or ""
    return "zh_CN" if code.lower().startswith("zh") else "en"
