"""Page 5, Review: every sentence with its verdict, duration and loudness; filter to problems; play; fix."""

from __future__ import annotations

from PySide6.QtCore import QEvent, QObject, Qt
from PySide6.QtGui import QKeyEvent
from PySide6.QtWidgets import (
    QAbstractItemView,
    QCheckBox,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QPushButton,
    QTableWidget,
    QVBoxLayout,
)

from voicerecorder.quality.report import TakeReport
from voicerecorder.session.problems import messages_at
from voicerecorder.session.store import Session
from voicerecorder.ui.i18n import fill, pick
from voicerecorder.ui.live_input import LiveInput
from voicerecorder.ui.pages.base import WizardPage
from voicerecorder.ui.services import Services, SessionHolder
from voicerecorder.ui.table_cells import cell
from voicerecorder.ui.take_recorder import TakeRecorder
from voicerecorder.ui.widgets.status_icons import status_icon
from voicerecorder.ui.widgets.take_list import sentence_status

COLUMNS = ("number", "verdict", "duration", "loudness", "sentence", "advice")
LISTED_NUMBERS = 8
BLOCKING_KINDS = ("no_take", "failing", "rerecord", "unchecked")
PROBLEM_STATUSES = frozenset({"fail", "warn", "missing", "unchecked"})
INDEX_ROLE = Qt.ItemDataRole.UserRole + 2


def sentence_numbers(indices: list[int], more: str) -> str:
    """1-based numbers of the sorted ``indices``, the first :data:`LISTED_NUMBERS`, then ``more``
    (a translated "and %1 more") when there are others."""
    shown = ", ".join(str(index + 1) for index in indices[:LISTED_NUMBERS])
    hidden = len(indices) - LISTED_NUMBERS
    return shown if hidden <= 0 else f"{shown} {fill(more, hidden)}"


def loudness_of(check: dict | None) -> float | None:
    """The take's speech loudness in dBFS from its stored report, or None when unknown."""
    if check is None:
        return None
    try:
        value = TakeReport.from_dict(check).finding("loudness").value
    except KeyError:
        return None
    return float(value) if isinstance(value, (int, float)) else None


class ReviewPage(WizardPage):
    """All takes at a glance. Enter on a row (or "Re-record") goes back to the Record page there."""

    def __init__(self, services: Services, holder: SessionHolder, live: LiveInput) -> None:
        super().__init__(services, holder, live)
        self.player = TakeRecorder(services.player, self)
        self.summary = QLabel()
        self.summary.setWordWrap(True)
        self.checks_note = QLabel()
        self.checks_note.setWordWrap(True)
        self.only_problems = QCheckBox()
        self.table = QTableWidget(0, len(COLUMNS))
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.table.setWordWrap(True)
        self.table.verticalHeader().hide()
        header = self.table.horizontalHeader()
        header.setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
        header.setSectionResizeMode(COLUMNS.index("sentence"), QHeaderView.ResizeMode.Stretch)
        header.setSectionResizeMode(COLUMNS.index("advice"), QHeaderView.ResizeMode.Stretch)
        self.play_button, self.rerecord_button = QPushButton(), QPushButton()
        self._layout()
        self.only_problems.toggled.connect(self._apply_filter)
        self.play_button.clicked.connect(self.play_selected)
        self.rerecord_button.clicked.connect(lambda: self.rerecord(self.selected_index()))
        self.table.itemDoubleClicked.connect(lambda item: self.rerecord(item.data(INDEX_ROLE)))
        self.table.installEventFilter(self)
        self.table.itemSelectionChanged.connect(self._update_buttons)
        self.player.failed.connect(self.show_error)
        self.retranslate()

    def _layout(self) -> None:
        bar = QHBoxLayout()
        bar.addWidget(self.only_problems)
        bar.addStretch(1)
        bar.addWidget(self.play_button)
        bar.addWidget(self.rerecord_button)
        layout = QVBoxLayout(self.body)
        layout.addWidget(self.banner)
        layout.addWidget(self.summary)
        layout.addWidget(self.checks_note)
        layout.addLayout(bar)
        layout.addWidget(self.table, 1)

    def retranslate(self) -> None:
        self.setTitle(self.tr("Review"))
        self.setSubTitle(
            self.tr("Check every sentence before sending. Press Enter on a sentence to record it again.")
        )
        self.only_problems.setText(self.tr("Show only sentences that need &attention"))
        self.play_button.setText(self.tr("▶ &Play take"))
        self.play_button.setAccessibleName(self.tr("Play the selected take"))
        self.rerecord_button.setText(self.tr("⟲ &Re-record this sentence"))
        self.rerecord_button.setAccessibleName(self.tr("Go back and record the selected sentence again"))
        self.table.setAccessibleName(self.tr("Sentences with their verdict, duration and loudness"))
        self.table.setHorizontalHeaderLabels(
            [
                self.tr("#"),
                self.tr("Verdict"),
                self.tr("Duration"),
                self.tr("Loudness"),
                self.tr("Sentence"),
                self.tr("Advice"),
            ]
        )
        self.refresh()

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        """Enter on the table re-records the selected sentence (and does not reach the wizard's Next)."""
        keys = (Qt.Key.Key_Return, Qt.Key.Key_Enter)
        if (
            watched is self.table
            and isinstance(event, QKeyEvent)
            and event.type() == QEvent.Type.KeyPress
            and event.key() in keys
        ):
            self.rerecord(self.selected_index())
            return True
        return super().eventFilter(watched, event)

    def initializePage(self) -> None:
        self.refresh()
        self.table.setFocus()
        if self.table.rowCount():
            self.table.selectRow(self._first_visible_row())

    def isComplete(self) -> bool:
        session = self.holder.session
        return session is not None and not session.problems()

    # Filling

    def _status_text(self, status: str) -> str:
        return {
            "pass": self.tr("Good"),
            "warn": self.tr("Usable (warnings)"),
            "fail": self.tr("Record again"),
            "unchecked": self.tr("Not checked yet"),
        }.get(status, self.tr("Not recorded"))

    def refresh(self) -> None:
        """Re-read every sentence from the session (in memory; no disk access)."""
        session = self.holder.session
        self.table.setRowCount(0 if session is None else session.sentence_count)
        if session is None:
            return
        counts = {"pass": 0, "warn": 0, "fail": 0, "missing": 0, "unchecked": 0}
        for index in range(session.sentence_count):
            status = sentence_status(session, index)
            counts[status] = counts.get(status, 0) + 1
            self._fill_row(session, index, status)
        self.table.resizeRowsToContents()
        self.summary.setText(
            self.tr("%1 good · %2 usable with warnings · %3 to record again · %4 not recorded yet")
            .replace("%1", str(counts["pass"])).replace("%2", str(counts["warn"]))
            .replace("%3", str(counts["fail"])).replace("%4", str(counts["missing"] + counts["unchecked"]))
        )  # fmt: skip
        self._apply_filter()
        self._show_blockers(session)
        skipped = session.microphone_check == "skipped"
        self.checks_note.setVisible(skipped)
        self.checks_note.setText(
            self.tr("ⓘ The microphone checks (room tone, loud line) were skipped for this session.")
        )
        self.completeChanged.emit()

    def _show_blockers(self, session: Session) -> None:
        """Say why Next is not available: which sentences, what to do, and a button to the first."""
        problems = session.problems()
        if not problems:
            self.banner.hide()
            return
        more = self.tr("and %1 more")
        advice = {
            "no_take": self.tr("Not recorded yet: sentences %1. Record them."),
            "failing": self.tr(
                "Failed the check: sentences %1. Record them again, or choose a passing take "
                "in the take list of the Record page."
            ),
            "rerecord": self.tr("Rejected by the MetaStudio review: sentences %1. Record them again."),
            "unchecked": self.tr(
                "Not checked yet: sentences %1. Record them again or choose a checked take."
            ),
        }
        lines = [self.tr("You cannot go on yet:")]
        for kind in BLOCKING_KINDS:
            indices = sorted({problem.index for problem in problems if problem.kind == kind})
            if indices:
                lines.append("• " + fill(advice[kind], sentence_numbers(indices, more)))
        first = min(problem.index for problem in problems)
        self.banner.show_message(
            "\n".join(lines),
            "warn",
            fill(self.tr("&Go to sentence %1"), first + 1),
            lambda: self.rerecord(first),
        )

    def _fill_row(self, session: Session, index: int, status: str) -> None:
        take = session.chosen_take(index)
        loudness = loudness_of(take.check) if take else None
        values = {
            "number": str(index + 1),
            "verdict": self._status_text(status),
            "duration": self.tr("%1 s").replace("%1", f"{take.duration_s:.1f}") if take else "",
            "loudness": self.tr("%1 dBFS").replace("%1", f"{loudness:.1f}") if loudness is not None else "",
            "sentence": session.sentence(index).text,
            "advice": self._advice(session, index, take.check if take else None),
        }
        for column, name in enumerate(COLUMNS):
            item = cell(self.table, index, column, values[name].split("\n")[0])
            item.setToolTip(values[name])
            item.setData(INDEX_ROLE, index)
            if name == "verdict":
                item.setIcon(status_icon(status))
                item.setData(Qt.ItemDataRole.UserRole, status)

    def _advice(self, session: Session, index: int, check: dict | None) -> str:
        if index in session.marked_for_rerecord:
            return self.tr("The MetaStudio review rejected this sentence.")
        messages = messages_at(check, "fail") or messages_at(check, "warn")
        return "\n".join(pick(message) for message in messages)

    def status(self, index: int) -> str:
        """The status shown for sentence ``index`` (pass, warn, fail, missing, unchecked)."""
        return str(self.table.item(index, COLUMNS.index("verdict")).data(Qt.ItemDataRole.UserRole))

    def visible_sentences(self) -> list[int]:
        """The sentence indices the table shows with the current filter."""
        return [row for row in range(self.table.rowCount()) if not self.table.isRowHidden(row)]

    def _apply_filter(self) -> None:
        only = self.only_problems.isChecked()
        for row in range(self.table.rowCount()):
            self.table.setRowHidden(row, only and self.status(row) not in PROBLEM_STATUSES)
        self._update_buttons()

    def _first_visible_row(self) -> int:
        visible = self.visible_sentences()
        return visible[0] if visible else 0

    # Actions

    def selected_index(self) -> int | None:
        """The selected sentence, or None."""
        rows = self.table.selectionModel().selectedRows()
        return rows[0].row() if rows and not self.table.isRowHidden(rows[0].row()) else None

    def _update_buttons(self) -> None:
        index, session = self.selected_index(), self.holder.session
        self.rerecord_button.setEnabled(index is not None and session is not None and session.writable)
        self.play_button.setEnabled(
            index is not None and session is not None and session.chosen_take(index) is not None
        )

    def play_selected(self) -> None:
        """Play the selected sentence's chosen take (read and played in a worker)."""
        index, session = self.selected_index(), self.holder.session
        if index is not None and session is not None:
            self.player.play(session, index)

    def rerecord(self, index: int | None) -> None:
        """Go back to the Record page, showing sentence ``index`` (which saves it as the current one)."""
        navigator = self.navigator()
        if index is not None and self.holder.session is not None and navigator is not None:
            navigator.rerecord([index])
