"""The findings of a take or room-tone check, worst first, each with its fix in the UI language."""

from __future__ import annotations

from PySide6.QtCore import QSize, Qt
from PySide6.QtWidgets import QListWidget, QListWidgetItem, QWidget

from voicerecorder.quality.report import Level, TakeReport
from voicerecorder.ui.i18n import pick
from voicerecorder.ui.retranslating import Retranslating
from voicerecorder.ui.widgets.status_icons import status_icon


class FindingList(Retranslating, QListWidget):
    """Shows a TakeReport's findings; passing ones only when ``show_passing`` is set."""

    def __init__(self, parent: QWidget | None = None, show_passing: bool = False) -> None:
        super().__init__(parent)
        self._report: TakeReport | None = None
        self._show_passing = show_passing
        self.setWordWrap(True)
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
        if self._report is None:
            return
        findings = sorted(self._report.findings, key=lambda finding: -finding.level.rank)
        shown = [f for f in findings if self._show_passing or f.level is not Level.PASS]
        for finding in shown:
            item = QListWidgetItem(status_icon(finding.level.value), pick(finding.message))
            self.addItem(item)
        if not shown:
            self.addItem(QListWidgetItem(status_icon("pass"), self.tr("Everything passed. Well done!")))

    def retranslate(self) -> None:
        self.setAccessibleName(self.tr("Check results"))
        self._fill()
