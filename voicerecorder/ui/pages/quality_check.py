"""Page 6, Quality check: MetaStudio's assessment of a sample of the takes, six metrics; can be skipped."""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import Qt
from PySide6.QtGui import QColor
from PySide6.QtWidgets import (
    QAbstractItemView,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QPushButton,
    QTableWidget,
    QVBoxLayout,
)

from voicerecorder.ui.i18n import current_language, pick
from voicerecorder.ui.live_input import LiveInput
from voicerecorder.ui.pages.base import CloudJobPage
from voicerecorder.ui.services import Services, SessionHolder
from voicerecorder.ui.table_cells import cell
from voicerecorder.workflow import records
from voicerecorder.workflow.assess import METRICS, AssessmentOutcome, run_assessment
from voicerecorder.workflow.polling import PollPolicy

COLUMNS = ("metric", "expected", "actual", "status", "advice")


def _value_text(value: Any) -> str:
    if isinstance(value, float):
        return f"{value:.2f}"
    return "" if value is None else str(value)


class QualityCheckPage(CloudJobPage):
    """Runs the cloud assessment in a worker and shows the six metrics; Next works with or without it."""

    poll_policy = PollPolicy(first_s=2.0, max_s=15.0)

    def __init__(self, services: Services, holder: SessionHolder, live: LiveInput) -> None:
        super().__init__(services, holder, live)
        self.intro, self.where, self.suggestion = QLabel(), QLabel(), QLabel()
        for label in (self.intro, self.suggestion):
            label.setWordWrap(True)
        self.start_button = QPushButton()
        self.table = QTableWidget(len(METRICS), len(COLUMNS))
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.table.setWordWrap(True)
        self.table.verticalHeader().hide()
        header = self.table.horizontalHeader()
        header.setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
        header.setSectionResizeMode(COLUMNS.index("advice"), QHeaderView.ResizeMode.Stretch)
        self._layout()
        self.start_button.clicked.connect(self.start_check)
        self.retranslate()

    def _layout(self) -> None:
        top = QHBoxLayout()
        top.addWidget(self.where, 1)
        top.addWidget(self.start_button)
        layout = QVBoxLayout(self.body)
        layout.addWidget(self.banner)
        layout.addWidget(self.intro)
        layout.addLayout(top)
        layout.addWidget(self.progress)
        layout.addWidget(self.table)
        layout.addWidget(self.suggestion)
        layout.addStretch(1)
        self.progress.hide()

    def _metric_names(self) -> dict[str, str]:
        return {
            "speed": self.tr("Speaking speed"),
            "sound": self.tr("Volume"),
            "snr": self.tr("Signal-to-noise ratio"),
            "reverb": self.tr("Reverberation"),
            "dnsmos_ovrl": self.tr("Overall quality (DNSMOS)"),
            "dnsmos_bak": self.tr("Background quietness (DNSMOS)"),
        }

    def retranslate(self) -> None:
        self.setTitle(self.tr("Cloud quality check"))
        self.setSubTitle(
            self.tr("Optional: MetaStudio measures a sample of your takes. You can skip this step.")
        )
        self.intro.setText(
            self.tr("The check uploads about a minute of your takes and takes a few minutes. "
                    "Metrics outside the expected range come with advice.")
        )  # fmt: skip
        self.start_button.setText(self.tr("&Start the quality check"))
        self.table.setAccessibleName(self.tr("Quality metrics: expected and measured values with advice"))
        self.table.setHorizontalHeaderLabels(
            [
                self.tr("Metric"),
                self.tr("Expected"),
                self.tr("Measured"),
                self.tr("Result"),
                self.tr("Advice"),
            ]
        )
        self.show_target()
        self._show_record()

    def initializePage(self) -> None:
        self.refresh_target()
        self._show_record()

    def isComplete(self) -> bool:
        return not self.runner.busy

    # Running

    def start_check(self) -> None:
        """Run (or continue) the assessment in a worker; progress and the result arrive as signals."""
        session, policy = self.holder.session, self.poll_policy
        self.run_job(
            lambda client, reporter, cancel: run_assessment(
                session, client, reporter=reporter, cancel=cancel, policy=policy
            ),
            self.start_button,
        )

    def job_finished(self, result: object) -> None:
        self._show_record()
        if isinstance(result, AssessmentOutcome) and result.state == "FAILED":
            reason = records.failure_reason(result.record)
            self.banner.show_message(self.tr("The quality check failed: %1").replace("%1", reason), "error")

    # Showing

    def show_target(self) -> None:
        if self.target is not None:
            self.where.setText(self.tr("Checked by: %1").replace("%1", pick(self.target.label)))

    def _show_record(self) -> None:
        self.show_result(records.assess_view(self.holder.session))

    def show_result(self, view: records.AssessView | None) -> None:
        """Fill the table from a quality-check record; empty cells until it has finished."""
        names, chinese = self._metric_names(), current_language() == "zh_CN"
        metrics = view.metrics if view is not None else {}
        for row, name in enumerate(METRICS):
            metric = metrics.get(name)
            self._fill_row(row, names[name], metric, chinese)
        self.table.resizeRowsToContents()
        height = self.table.horizontalHeader().height() + sum(
            self.table.rowHeight(row) for row in range(len(METRICS))
        )
        self.table.setFixedHeight(height + 2 * self.table.frameWidth())
        suggestion = view.suggestion if view is not None else None
        self.suggestion.setText(self.tr("Overall advice: %1").replace("%1", suggestion) if suggestion else "")

    def _fill_row(self, row: int, name: str, metric: records.MetricView | None, chinese: bool) -> None:
        status = ""
        if metric is not None:
            status = self.tr("✖ Out of range") if metric.out_of_range else self.tr("✔ In range")
        values = (
            name,
            _value_text(metric.expected if metric else None),
            _value_text(metric.actual if metric else None),
            status,
            metric.advice(chinese) if metric else "",
        )
        for column, text in enumerate(values):
            item = cell(self.table, row, column, text)
            warn = column == COLUMNS.index("status") and metric is not None and metric.out_of_range
            item.setData(Qt.ItemDataRole.ForegroundRole, QColor(Qt.GlobalColor.darkRed) if warn else None)

    def metric_row(self, metric: str) -> dict[str, str]:
        """The texts shown for ``metric`` (by column name)."""
        row = METRICS.index(metric)
        return {name: self.table.item(row, column).text() for column, name in enumerate(COLUMNS)}
