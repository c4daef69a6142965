"""The verdict on a take: one line saying what to do, the findings with their fixes, the speaking rate."""

from __future__ import annotations

from PySide6.QtWidgets import QLabel, QVBoxLayout, QWidget

from voicerecorder.quality.report import Level, TakeReport
from voicerecorder.ui.i18n import pick
from voicerecorder.ui.retranslating import Retranslating
from voicerecorder.ui.widgets.finding_list import FindingList


class VerdictPanel(Retranslating, QWidget):
    """Shows a TakeReport (or that a take is being recorded); re-set in the new language on LanguageChange."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.report: TakeReport | None = None
        self._recording = False
        self.verdict, self.rate = QLabel(), QLabel()
        self.verdict.setStyleSheet("font-size:13pt; font-weight:600;")
        self.rate.setWordWrap(True)
        self.findings = FindingList()
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.verdict)
        layout.addWidget(self.findings)
        layout.addWidget(self.rate)

    def set_report(self, report: TakeReport | None) -> None:
        """Show ``report`` (None: nothing to show)."""
        self.report, self._recording = report, False
        self.retranslate()

    def show_recording(self) -> None:
        """Say a take is being recorded and clear the previous verdict."""
        self.report, self._recording = None, True
        self.retranslate()

    def retranslate(self) -> None:
        self.findings.set_report(self.report)
        self.rate.setText("")
        if self.report is None:
            recording = self.tr("Recording… press Space when you have finished the sentence.")
            self.verdict.setText(recording if self._recording else "")
            return
        verdicts = {
            Level.PASS: self.tr("✔ Good take."),
            Level.WARN: self.tr("⚠ Usable, but see the advice below."),
            Level.FAIL: self.tr("✖ Record this sentence again — see why below."),
        }
        self.verdict.setText(verdicts[self.report.verdict])
        rate = next(
            (f for f in self.report.findings if f.id == "speaking_rate" and f.suppressed_by is None), None
        )
        if rate is not None:
            self.rate.setText(pick(rate.message))
