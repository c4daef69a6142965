"""The findings of a take or room-tone check in the order to fix them, each with its fix."""

from __future__ import annotations

from PySide6.QtCore import QSize, Qt
from PySide6.QtGui import QResizeEvent
from PySide6.QtWidgets import QAbstractItemView, QListWidget, QListWidgetItem, QSizePolicy, QWidget

from voicerecorder.quality.report import Level, TakeReport
from voicerecorder.quality.triage import suppression_note
from voicerecorder.ui.i18n import pick
from voicerecorder.ui.retranslating import Retranslating
from voicerecorder.ui.widgets.status_icons import status_icon

# How many findings are shown without scrolling: the most one take should ask a talent to fix.
VISIBLE_FINDINGS = 3


class FindingList(Retranslating, QListWidget):
    """Shows a TakeReport's problems in fix order (passing findings too when ``show_passing`` is
    set), then what was left unjudged because of them (never as passed). Its size hint fits three
    findings."""

    def __init__(self, parent: QWidget | None = None, show_passing: bool = False) -> None:
        super().__init__(parent)
        self._report: TakeReport | None = None
        self._show_passing = show_passing
        self.setWordWrap(True)
        self.setResizeMode(QListWidget.ResizeMode.Adjust)
        self.setVerticalScrollMode(QAbstractItemView.ScrollMode.ScrollPerPixel)
        self.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.MinimumExpanding)
        self.setIconSize(QSize(18, 18))
        self.setFocusPolicy(Qt.FocusPolicy.StrongFocus)
        self.retranslate()

    @property
    def report(self) -> TakeReport | None:
        return self._report

    def set_report(self, report: TakeReport | None) -> None:
        """Show ``report`` (None clears the list)."""
        self._report = report
        self._fill()

    def messages(self) -> list[str]:
        """The texts shown, top to bottom."""
        return [self.item(row).text() for row in range(self.count())]

    def _fill(self) -> None:
        self.clear()
        if self._report is not None:
            self._add_findings(self._report)
        self.updateGeometry()

    def _add_findings(self, report: TakeReport) -> None:
        shown = report.to_fix()
        if self._show_passing:
            shown += [f for f in report.findings if f.level is Level.PASS and f.suppressed_by is None]
        for finding in shown:
            self.addItem(QListWidgetItem(status_icon(finding.level.value), pick(finding.message)))
        note = suppression_note(report)
        if note is not None:
            self.addItem(QListWidgetItem(status_icon("unchecked"), pick(note)))
        if not shown:
            self.addItem(QListWidgetItem(status_icon("pass"), self.tr("Everything passed. Well done!")))

    def _rows_height(self, rows: int) -> int:
        """The height that shows the first ``rows`` items in full at the current width."""
        shown = [self.visualItemRect(self.item(row)) for row in range(min(rows, self.count()))]
        return (shown[-1].bottom() - shown[0].top() + 1 if shown else 0) + 2 * self.frameWidth()

    def sizeHint(self) -> QSize:
        """Wide as usual, tall enough for :data:`VISIBLE_FINDINGS` findings (one row when empty)."""
        height = max(self._rows_height(VISIBLE_FINDINGS), self.fontMetrics().height() * 2)
        return QSize(super().sizeHint().width(), height)

    def minimumSizeHint(self) -> QSize:
        return self.sizeHint()

    def resizeEvent(self, event: QResizeEvent) -> None:
        super().resizeEvent(event)
        if event.oldSize().width() != event.size().width():
            self.updateGeometry()

    def retranslate(self) -> None:
        self.setAccessibleName(self.tr("Check results"))
        self._fill()
