"""Where a SEGMENT session's sentences stand at MetaStudio, on the Record page: a summary line
("12 of 20 confirmed"), the state of the sentence shown (with the reason of a rejection) and a
"Re-record now" button that jumps to a rejected sentence. Words and symbols, never colour alone."""

from __future__ import annotations

from PySide6.QtCore import Signal
from PySide6.QtWidgets import QFrame, QHBoxLayout, QLabel, QPushButton, QVBoxLayout, QWidget

from voicerecorder.text import Bilingual
from voicerecorder.ui.i18n import fill, pick
from voicerecorder.ui.retranslating import Retranslating
from voicerecorder.workflow.segments import CONFIRMED, REJECTED, UPLOADING, WAITING, SegmentState


class SegmentStatesView(Retranslating, QFrame):
    """The per-sentence states of a SEGMENT session (GUI thread only); hidden for other sessions.

    ``rerecord_requested(index)`` asks the page to show a rejected sentence for a new take.
    """

    rerecord_requested = Signal(int)

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.states: list[SegmentState] = []
        self.index = 0
        self.notice_text: Bilingual | None = None
        self.summary, self.current, self.notice = QLabel(), QLabel(), QLabel()
        for label in (self.current, self.notice):
            label.setWordWrap(True)
        self.rerecord_button = QPushButton()
        self.rerecord_button.clicked.connect(self._rerecord)
        top = QHBoxLayout()
        top.setContentsMargins(0, 0, 0, 0)
        top.addWidget(self.summary, 1)
        top.addWidget(self.rerecord_button)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addLayout(top)
        layout.addWidget(self.current)
        layout.addWidget(self.notice)
        self.notice.hide()
        self.retranslate()

    def set_states(self, states: list[SegmentState]) -> None:
        """Show ``states`` (one per sentence, in order)."""
        self.states = list(states)
        self.retranslate()

    def show_sentence(self, index: int) -> None:
        """Say where sentence ``index`` (the one on screen) stands."""
        self.index = index
        self.retranslate()

    def set_notice(self, message: Bilingual | None) -> None:
        """A calm line about the connection (None hides it)."""
        self.notice_text = message
        self.retranslate()

    def rejected(self) -> list[int]:
        """The sentences MetaStudio rejected, in order."""
        return [state.index for state in self.states if state.state == REJECTED]

    def count(self, state: str) -> int:
        """How many sentences are in ``state``."""
        return sum(1 for item in self.states if item.state == state)

    def _rerecord(self) -> None:
        rejected = self.rejected()
        if rejected:
            later = [index for index in rejected if index > self.index]
            self.rerecord_requested.emit((later or rejected)[0])

    def retranslate(self) -> None:
        total = len(self.states)
        text = fill(self.tr("%1 of %2 confirmed by MetaStudio"), self.count(CONFIRMED), total)
        extra = [
            fill(self.tr("%1 uploading"), self.count(UPLOADING)) if self.count(UPLOADING) else "",
            fill(self.tr("%1 waiting"), self.count(WAITING)) if self.count(WAITING) else "",
            fill(self.tr("%1 rejected"), self.count(REJECTED)) if self.count(REJECTED) else "",
        ]
        self.summary.setText(" · ".join([text, *(part for part in extra if part)]))
        self.rerecord_button.setText(self.tr("Re-record n&ow"))
        self.rerecord_button.setVisible(bool(self.rejected()))
        self.current.setText(self._current_text())
        self.notice.setText(pick(self.notice_text) if self.notice_text else "")
        self.notice.setVisible(self.notice_text is not None)
        self.setAccessibleName(self.tr("Sentences at MetaStudio"))

    def _current_text(self) -> str:
        if not 0 <= self.index < len(self.states):
            return ""
        state = self.states[self.index]
        words = {
            WAITING: self.tr("… This sentence: waiting to be sent"),
            UPLOADING: self.tr("↑ This sentence: uploading"),
            CONFIRMED: self.tr("✔ This sentence: confirmed by MetaStudio"),
            REJECTED: self.tr("✖ This sentence: rejected by MetaStudio"),
        }
        text = words[state.state]
        return f"{text} — {pick(state.reason)}" if state.reason is not None else text
