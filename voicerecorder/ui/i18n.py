"""The UI language: which Qt translator is installed, and how bilingual messages are shown.

Strings written in the UI go through ``tr()`` and the compiled ``resources/i18n/*.qm`` files;
messages produced below the UI (Bilingual) are picked in the same language. Changing the
language at runtime makes Qt send ``QEvent.LanguageChange`` to every widget; pages and widgets
re-set their texts in ``changeEvent``.
"""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QCoreApplication, QLibraryInfo, QLocale, QTranslator

from voicerecorder.paths import resources_dir
from voicerecorder.text import Bilingual

LANGUAGES: tuple[str, ...] = ("en", "zh_CN")
CATALOG = "voicerecorder"
_state: dict[str, object] = {"language": "en", "translators": []}


def translations_dir() -> Path:
    """Where the compiled ``voicerecorder_<lang>.qm`` files are."""
    return resources_dir() / "i18n"


def normalise(language: str | None) -> str:
    """``zh_CN`` for any Chinese code (zh, zh-CN, zh_Hans...), ``en`` for everything else."""
    return "zh_CN" if (language or "").lower().replace("-", "_").startswith("zh") else "en"


def system_language() -> str:
    """The system locale's UI language as one of LANGUAGES."""
    languages = QLocale.system().uiLanguages()
    return normalise(languages[0] if languages else QLocale.system().name())


def current_language() -> str:
    """The language the UI shows now (``en`` or ``zh_CN``)."""
    return str(_state["language"])


def set_language(language: str) -> str:
    """Install the translators for ``language`` (normalised) and return it.

    Called on the GUI thread; every widget then receives QEvent.LanguageChange.
    """
    app = QCoreApplication.instance()
    language = normalise(language)
    translators: list[QTranslator] = _state["translators"]  # type: ignore[assignment]
    for translator in translators:
        app.removeTranslator(translator)
    translators.clear()
    if language != "en":
        qt_dir = QLibraryInfo.path(QLibraryInfo.LibraryPath.TranslationsPath)
        for name, folder in (
            (f"qtbase_{language}", qt_dir),
            (f"{CATALOG}_{language}", str(translations_dir())),
        ):
            translator = QTranslator(app)
            if translator.load(name, folder):
                app.installTranslator(translator)
                translators.append(translator)
    _state["language"] = language
    return language


def pick(message: Bilingual) -> str:
    """A bilingual message in the current UI language."""
    return message.pick(current_language())


def fill(template: str, *values: object) -> str:
    """Put ``values`` into a translated text's ``%1``, ``%2``... placeholders."""
    for number, value in reversed(list(enumerate(values, 1))):
        template = template.replace(f"%{number}", str(value))
    return template
