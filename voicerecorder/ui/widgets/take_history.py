"""Every take of one sentence: number, time, length, verdict and source; play, stop and choose one."""

from __future__ import annotations

import datetime as dt

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import (
    QAbstractItemView,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QPushButton,
    QTreeWidget,
    QTreeWidgetItem,
    QVBoxLayout,
    QWidget,
)

from voicerecorder.session.history import TakeRow, take_rows
from voicerecorder.session.store import Session
from voicerecorder.ui.i18n import fill
from voicerecorder.ui.retranslating import Retranslating
from voicerecorder.ui.widgets.status_icons import status_icon

FILE_ROLE = Qt.ItemDataRole.UserRole + 3
IMPORTED = "imported:"


def local_time(created: str) -> str:
    """An ISO time stamp as the local wall-clock time ``HH:MM`` (the text itself when unreadable)."""
    try:
        return dt.datetime.fromisoformat(created).astimezone().strftime("%H:%M")
    except ValueError:
        return created


class TakeHistory(Retranslating, QWidget):
    """The takes of the sentence shown, oldest first, the chosen one marked; a take being played
    is marked "playing". Signals: ``play_requested(str)`` and ``use_requested(str)`` with the
    take's file, ``stop_requested()``. GUI thread only."""

    play_requested = Signal(str)
    stop_requested = Signal()
    use_requested = Signal(str)

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.rows: list[TakeRow] = []
        self.playing: str | None = None
        self.title = QLabel()
        self.table = QTreeWidget()
        self.table.setRootIsDecorated(False)
        self.table.setColumnCount(5)
        self.table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.table.setUniformRowHeights(True)
        self.table.header().setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
        self.table.header().setStretchLastSection(False)
        self.play_button, self.use_button = QPushButton(), QPushButton()
        buttons = QHBoxLayout()
        buttons.addWidget(self.play_button)
        buttons.addWidget(self.use_button)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.title)
        # The buttons above the list, so that they stay in view when a small screen squeezes it.
        layout.addLayout(buttons)
        layout.addWidget(self.table, 1)
        self.title.setBuddy(self.table)
        self.play_button.clicked.connect(self.toggle_play)
        self.use_button.clicked.connect(self._use)
        self.table.itemSelectionChanged.connect(self._update_buttons)
        self.retranslate()

    def set_takes(self, session: Session | None, index: int) -> None:
        """Show the takes of sentence ``index`` and select the chosen one."""
        chosen = session.chosen_take(index) if session is not None else None
        self.rows = take_rows(session.takes(index), chosen.file if chosen else None) if session else []
        self._fill()
        selected = next((row for row in self.rows if row.chosen), self.rows[-1] if self.rows else None)
        if selected is not None:
            self.table.setCurrentItem(self.table.topLevelItem(selected.number - 1))
        self._update_buttons()

    def selected(self) -> TakeRow | None:
        """The take selected in the list, or None."""
        position = self.table.indexOfTopLevelItem(self.table.currentItem())
        return self.rows[position] if 0 <= position < len(self.rows) else None

    def set_playing(self, file: str | None) -> None:
        """Mark the take ``file`` as playing (None: nothing plays)."""
        self.playing = file
        self._fill_texts()
        self._update_buttons()

    def toggle_play(self) -> None:
        """Stop what plays, else ask to play the selected take."""
        if self.playing is not None:
            self.stop_requested.emit()
        elif (row := self.selected()) is not None:
            self.play_requested.emit(row.file)

    def _use(self) -> None:
        row = self.selected()
        if row is not None and not row.chosen:
            self.use_requested.emit(row.file)

    def _fill(self) -> None:
        self.table.clear()
        for row in self.rows:
            item = QTreeWidgetItem()
            item.setData(0, FILE_ROLE, row.file)
            item.setIcon(3, status_icon(row.verdict))
            self.table.addTopLevelItem(item)
        self._fill_texts()

    def _fill_texts(self) -> None:
        for number, row in enumerate(self.rows):
            item = self.table.topLevelItem(number)
            marks = [self.tr("chosen")] if row.chosen else []
            marks += [self.tr("playing")] if row.file == self.playing else []
            texts = (
                f"{row.number}" + (f" ({', '.join(marks)})" if marks else ""),
                local_time(row.created),
                fill(self.tr("%1 s"), f"{row.duration_s:.1f}"),
                self._verdict_text(row.verdict),
                self._source_text(row.source),
            )
            for column, text in enumerate(texts):
                item.setText(column, text)
                item.setToolTip(column, text)
            font = item.font(0)
            font.setBold(row.chosen)
            for column in range(len(texts)):
                item.setFont(column, font)
            item.setData(0, Qt.ItemDataRole.AccessibleTextRole, ", ".join(texts))

    def _verdict_text(self, verdict: str) -> str:
        return {
            "pass": self.tr("Good"),
            "warn": self.tr("Usable"),
            "fail": self.tr("Record again"),
        }.get(verdict, self.tr("Not checked"))

    def _source_text(self, source: str) -> str:
        if source.startswith(IMPORTED):
            return fill(self.tr("Imported (%1)"), source[len(IMPORTED) :])
        return self.tr("Recovered") if source == "recovered" else self.tr("Recorded")

    def _update_buttons(self) -> None:
        row = self.selected()
        playing = self.playing is not None
        self.play_button.setText(self.tr("■ Stop (P)") if playing else self.tr("▶ Play take (P)"))
        self.play_button.setAccessibleName(self.play_button.text())
        self.play_button.setEnabled(playing or row is not None)
        self.use_button.setEnabled(row is not None and not row.chosen)

    def retranslate(self) -> None:
        self.title.setText(self.tr("Takes of this sentence:"))
        self.table.setAccessibleName(self.tr("Takes of this sentence"))
        self.table.setHeaderLabels(
            [self.tr("#"), self.tr("Time"), self.tr("Length"), self.tr("Verdict"), self.tr("Source")]
        )
        self.use_button.setText(self.tr("Use this ta&ke"))
        self.use_button.setAccessibleName(self.tr("Use the selected take for this sentence"))
        self._fill_texts()
        self._update_buttons()
