"""A coloured message strip above a page's content, with an optional action button and a close button."""

from __future__ import annotations

import logging
from collections.abc import Callable

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QFrame, QHBoxLayout, QLabel, QPushButton, QVBoxLayout, QWidget

from voicerecorder.errors import UserFacingError
from voicerecorder.ui.error_message import error_details, error_text
from voicerecorder.ui.retranslating import Retranslating

log = logging.getLogger(__name__)

Action = tuple[str, Callable[[], None]]

STYLES = {
    "info": "background:#e3f2fd; color:#0d2f57; border:1px solid #64b5f6;",
    "warn": "background:#fff3e0; color:#4e2600; border:1px solid #ffb74d;",
    "error": "background:#ffebee; color:#5f0b0b; border:1px solid #e57373;",
}


class Banner(Retranslating, QFrame):
    """Hidden until :meth:`show_message`; the close button hides it again."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.kind = "info"
        self.label = QLabel()
        self.label.setWordWrap(True)
        self.label.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.details = QLabel()
        self.details.setWordWrap(True)
        self.details.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.details.setStyleSheet("font-size:9pt;")
        self.details.hide()
        self.action = QPushButton()
        self.action.hide()
        self.close_button = QPushButton("✕")
        self.close_button.setFixedWidth(32)
        self.close_button.clicked.connect(self.hide)
        layout = QHBoxLayout(self)
        layout.setContentsMargins(10, 6, 6, 6)
        texts = QVBoxLayout()
        texts.addWidget(self.label)
        texts.addWidget(self.details)
        layout.addLayout(texts, 1)
        layout.addWidget(self.action)
        layout.addWidget(self.close_button)
        self._callback: Callable[[], None] | None = None
        self.action.clicked.connect(self._run_action)
        self.retranslate()
        self.hide()

    @property
    def text(self) -> str:
        return self.label.text()

    @property
    def details_text(self) -> str:
        return self.details.text()

    def show_message(
        self,
        text: str,
        kind: str = "info",
        action: str | None = None,
        callback: Callable[[], None] | None = None,
        details: str = "",
    ) -> None:
        """Show ``text`` styled as ``kind`` (info, warn, error), with an action button when given and
        ``details`` (an exception's own text) in smaller print below it."""
        self.kind = kind
        self.setStyleSheet(
            f"Banner {{{STYLES[kind]} border-radius:4px;}} QLabel {{border:none; background:transparent;}}"
        )
        self.label.setText(text)
        self.details.setText(details)
        self.details.setVisible(bool(details))
        self.setAccessibleName(text)
        self.action.setVisible(action is not None)
        self.action.setText(action or "")
        self.action.setAccessibleName(action or "")
        self._callback = callback
        self.show()

    def show_error(self, error: BaseException, action: Action | None = None, prefix: str = "") -> None:
        """The one way an error is shown: the actionable message (or, for an unexpected error, a
        generic one pointing at the log, which gets the traceback) after ``prefix``; the exception's
        own text, secrets masked, only as the details. ``action`` is (label, callback)."""
        if not isinstance(error, UserFacingError):
            log.error("unexpected error shown to the user", exc_info=error)
        label, callback = action if action is not None else (None, None)
        self.show_message(prefix + error_text(error), "error", label, callback, details=error_details(error))

    def _run_action(self) -> None:
        if self._callback is not None:
            self._callback()

    def retranslate(self) -> None:
        self.close_button.setToolTip(self.tr("Hide this message"))
        self.close_button.setAccessibleName(self.tr("Hide this message"))
