"""The Alt+letter mnemonics a window shows, and the ones two of its controls share."""

from __future__ import annotations

import re
from collections import defaultdict

from PySide6.QtWidgets import QAbstractButton, QGroupBox, QLabel, QWidget

MNEMONIC = re.compile(r"&([^&\s])")


def mnemonics(window: QWidget) -> dict[str, list[str]]:
    """The Alt+letter of every visible button, buddy label and group box in ``window``, with the
    texts that use it."""
    found: dict[str, list[str]] = defaultdict(list)
    for widget in window.findChildren(QWidget):
        if not widget.isVisible():
            continue
        if isinstance(widget, QAbstractButton) or (isinstance(widget, QLabel) and widget.buddy() is not None):
            text = widget.text()
        elif isinstance(widget, QGroupBox) and widget.isCheckable():
            text = widget.title()
        else:
            continue
        for match in MNEMONIC.findall(text.replace("&&", "")):
            found[match.lower()].append(text)
    return found


def clashes(window: QWidget) -> dict[str, list[str]]:
    return {key: texts for key, texts in mnemonics(window).items() if len(texts) > 1}
