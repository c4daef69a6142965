"""Every sentence of the session with a status icon; Enter or a click jumps to that sentence."""

from __future__ import annotations

from PySide6.QtCore import QSize, Qt, Signal
from PySide6.QtWidgets import QAbstractItemView, QListWidget, QListWidgetItem, QWidget

from voicerecorder.session.problems import verdict_of
from voicerecorder.session.store import Session
from voicerecorder.ui.retranslating import Retranslating
from voicerecorder.ui.widgets.status_icons import status_icon

STATUS_ROLE = Qt.ItemDataRole.UserRole + 1


def sentence_status(session: Session, index: int) -> str:
    """``pass``, ``warn``, ``fail``, ``unchecked`` (chosen take not checked) or ``missing`` (no take)."""
    if index in session.marked_for_rerecord:
        return "fail"
    take = session.chosen_take(index)
    return "missing" if take is None else verdict_of(take.check)


class TakeList(Retranslating, QListWidget):
    """The sentences of a session, one row each: "n. text" with its status icon."""

    sentence_activated = Signal(int)

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._session: Session | None = None
        self.setIconSize(QSize(18, 18))
        self.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.setUniformItemSizes(True)
        self.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        self.setTextElideMode(Qt.TextElideMode.ElideRight)
        self.itemActivated.connect(lambda item: self.sentence_activated.emit(self.row(item)))
        self.itemClicked.connect(lambda item: self.sentence_activated.emit(self.row(item)))
        self.retranslate()

    def set_session(self, session: Session | None) -> None:
        """Fill the list from ``session`` (None empties it)."""
        self._session = session
        self.clear()
        if session is None:
            return
        for index in range(session.sentence_count):
            self.addItem(QListWidgetItem())
            self.refresh(index)

    def refresh(self, index: int) -> None:
        """Re-read sentence ``index``'s status from the session."""
        if self._session is None:
            return
        status = sentence_status(self._session, index)
        item = self.item(index)
        text = self._session.sentence(index).text
        item.setText(f"{index + 1}. {text}")
        item.setIcon(status_icon(status))
        item.setData(STATUS_ROLE, status)
        item.setToolTip(self._status_text(status))
        item.setData(Qt.ItemDataRole.AccessibleTextRole, f"{index + 1}. {self._status_text(status)}. {text}")

    def status(self, index: int) -> str:
        return str(self.item(index).data(STATUS_ROLE))

    def select(self, index: int) -> None:
        """Highlight sentence ``index`` without emitting ``sentence_activated``."""
        self.setCurrentRow(index)
        self.scrollToItem(self.item(index), QAbstractItemView.ScrollHint.EnsureVisible)

    def _status_text(self, status: str) -> str:
        return {
            "pass": self.tr("Passed"),
            "warn": self.tr("Passed with warnings"),
            "fail": self.tr("Must be recorded again"),
            "unchecked": self.tr("Not checked yet"),
        }.get(status, self.tr("Not recorded yet"))

    def retranslate(self) -> None:
        self.setAccessibleName(self.tr("Sentences and their takes"))
        if self._session is not None:
            for index in range(self.count()):
                self.refresh(index)
