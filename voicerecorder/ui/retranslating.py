"""The one ``changeEvent``: widgets that show translated text mix in :class:`Retranslating`.

Put the mixin first (``class Banner(Retranslating, QFrame)``) and write ``retranslate()``, which
sets every visible text; the mixin calls it on ``QEvent.LanguageChange`` (the language is switched
at run time by :func:`voicerecorder.ui.i18n.set_language`). Call ``retranslate()`` once at the end
of ``__init__`` too.
"""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import QEvent


class Retranslating:
    """Calls ``self.retranslate()`` when the UI language changes (on the GUI thread)."""

    retranslate: Callable[[], None]

    def changeEvent(self, event: QEvent) -> None:
        if event.type() == QEvent.Type.LanguageChange:
            self.retranslate()
        super().changeEvent(event)  # type: ignore[misc]
