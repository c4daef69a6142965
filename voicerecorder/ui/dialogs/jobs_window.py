"""The Jobs window: every voice-training job of the account, its state in plain words with the
review's reasons when it was rejected, filter, refresh and delete."""

from __future__ import annotations

from collections.abc import Callable, Mapping
from contextlib import AbstractContextManager
from dataclasses import dataclass, field

from PySide6.QtCore import QDateTime, Qt
from PySide6.QtGui import QColor
from PySide6.QtWidgets import (
    QAbstractItemView,
    QComboBox,
    QDialog,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QMessageBox,
    QPushButton,
    QTableWidget,
    QVBoxLayout,
    QWidget,
)

from voicerecorder.cloud.client import MetaStudioClient
from voicerecorder.cloud.models import ListJobsQuery, TrainingJob
from voicerecorder.cloud.states import JOB_STATES, describe_state, needs_action
from voicerecorder.text import Bilingual
from voicerecorder.ui import i18n
from voicerecorder.ui.cloud_options import cloud_target
from voicerecorder.ui.retranslating import Retranslating
from voicerecorder.ui.services import Services
from voicerecorder.ui.settings import Settings
from voicerecorder.ui.table_cells import cell
from voicerecorder.ui.widgets.banner import Banner
from voicerecorder.ui.workers import TaskRunner
from voicerecorder.workflow.delete import delete_job, deletion_refusal
from voicerecorder.workflow.review import ReviewReason, rejection_reasons
from voicerecorder.workflow.target import CloudTarget

PAGE_SIZE = 100
MEANING_WIDTH = 300
COLUMNS = ("voice", "state", "meaning", "created", "updated", "job", "asset")

TargetOpener = Callable[[Settings], AbstractContextManager[CloudTarget]]


@dataclass(frozen=True)
class JobListing:
    """The jobs in ``states`` (all when empty), and the sandbox label when they come from the sandbox;
    ``reasons`` holds the last rejection's reasons of each rejected job, by job id."""

    states: tuple[str, ...]
    jobs: tuple[TrainingJob, ...]
    label: Bilingual | None
    endpoint: str = ""
    reasons: Mapping[str, tuple[ReviewReason, ...]] = field(default_factory=dict)


def all_jobs(client: MetaStudioClient, states: tuple[str, ...] = ()) -> tuple[TrainingJob, ...]:
    """Every job (page by page, newest first) in one of ``states`` (all when empty). Worker thread."""
    jobs: list[TrainingJob] = []
    while True:
        query = ListJobsQuery(
            offset=len(jobs), limit=PAGE_SIZE, state=states, sort_key="create_time", sort_dir="desc"
        )
        page = client.list_voice_training_jobs(query)
        jobs.extend(page.jobs)
        if not page.jobs or len(jobs) >= page.count:
            return tuple(jobs)


def fetch_listing(
    settings: Settings, states: tuple[str, ...], opener: TargetOpener = cloud_target
) -> JobListing:
    """The job listing from the configured MetaStudio (or the sandbox). Worker thread."""
    with opener(settings) as target:
        client = target.client
        jobs = all_jobs(client, states)
        given = {job.job_id: tuple(rejection_reasons(client, job.job_id, job.state)) for job in jobs}
        reasons = {job_id: found for job_id, found in given.items() if found}
        return JobListing(states, jobs, target.label, client.config.endpoint, reasons)


def remove_job(settings: Settings, job_id: str, opener: TargetOpener = cloud_target) -> TrainingJob:
    """Delete the job ``job_id`` (refused while MetaStudio works on it, see ``delete_job``); the
    job as it was. Worker thread."""
    with opener(settings) as target:
        return delete_job(target.client, job_id)


def _time_text(millis: int | None) -> str:
    if not millis:
        return ""
    return QDateTime.fromMSecsSinceEpoch(millis).toString("yyyy-MM-dd HH:mm")


class JobsWindow(Retranslating, QDialog):
    """A non-modal window listing the account's training jobs; the list is fetched in a worker."""

    def __init__(
        self, services: Services, parent: QWidget | None = None, opener: TargetOpener = cloud_target
    ) -> None:
        super().__init__(parent)
        self.settings = services.settings
        self.opener = opener
        self.runner = TaskRunner(self)
        self.listing: JobListing | None = None
        self.banner = Banner()
        self.where = QLabel()
        self.filter_label, self.state_filter = QLabel(), QComboBox()
        self.state_filter.addItem("", "")
        for state in JOB_STATES:
            self.state_filter.addItem(state, state)
        self.filter_label.setBuddy(self.state_filter)
        self.refresh_button, self.close_button = QPushButton(), QPushButton()
        self.delete_button = QPushButton()
        self.deleted: str | None = None
        self.status = QLabel()
        self.table = QTableWidget(0, len(COLUMNS))
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setWordWrap(True)
        self.table.verticalHeader().hide()
        header = self.table.horizontalHeader()
        header.setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
        header.setSectionResizeMode(COLUMNS.index("meaning"), QHeaderView.ResizeMode.Interactive)
        header.resizeSection(COLUMNS.index("meaning"), MEANING_WIDTH)
        header.setStretchLastSection(True)
        self._layout()
        self.state_filter.currentIndexChanged.connect(self.refresh)
        self.refresh_button.clicked.connect(self.refresh)
        self.close_button.clicked.connect(self.close)
        self.delete_button.clicked.connect(self.delete_selected)
        self.table.itemSelectionChanged.connect(self.update_delete)
        self.resize(1320, 560)  # room for both 32-character ids next to the explanation
        self.retranslate()

    def _layout(self) -> None:
        bar = QHBoxLayout()
        bar.addWidget(self.filter_label)
        bar.addWidget(self.state_filter)
        bar.addWidget(self.refresh_button)
        bar.addWidget(self.delete_button)
        bar.addStretch(1)
        bar.addWidget(self.where)
        bottom = QHBoxLayout()
        bottom.addWidget(self.status, 1)
        bottom.addWidget(self.close_button)
        layout = QVBoxLayout(self)
        layout.addWidget(self.banner)
        layout.addLayout(bar)
        layout.addWidget(self.table, 1)
        layout.addLayout(bottom)

    def retranslate(self) -> None:
        self.setWindowTitle(self.tr("Training jobs"))
        self.filter_label.setText(self.tr("Show &state:"))
        self.state_filter.setItemText(0, self.tr("All states"))
        self.state_filter.setAccessibleName(self.tr("Show jobs in this state"))
        self.refresh_button.setText(self.tr("&Refresh"))
        self.close_button.setText(self.tr("&Close"))
        self.delete_button.setText(self.tr("&Delete job…"))
        self.table.setAccessibleName(self.tr("Training jobs"))
        self.table.setHorizontalHeaderLabels(
            [self.tr("Voice"), self.tr("State"), self.tr("What it means"), self.tr("Created"),
             self.tr("Updated"), self.tr("Job ID"), self.tr("Voice asset ID")]
        )  # fmt: skip
        if self.listing is not None:
            self.show_listing(self.listing)
        self.update_delete()

    def showEvent(self, event: object) -> None:
        if self.listing is None and not self.runner.busy:
            self.refresh()
        super().showEvent(event)  # type: ignore[arg-type]

    def selected_states(self) -> tuple[str, ...]:
        """The state the filter shows, or () for all."""
        state = self.state_filter.currentData()
        return (state,) if state else ()

    def refresh(self) -> None:
        """Fetch the list again in a worker (ignored while a fetch is running)."""
        if self.runner.busy:
            return
        states, settings, opener = self.selected_states(), self.settings, self.opener
        self.refresh_button.setEnabled(False)
        self.delete_button.setEnabled(False)
        self.status.setText(self.tr("Loading the jobs…"))
        self.runner.start(lambda: fetch_listing(settings, states, opener), self._loaded, self._failed)

    def _loaded(self, listing: JobListing) -> None:
        self.refresh_button.setEnabled(True)
        self.banner.hide()
        self.listing = listing
        self.show_listing(listing)
        if self.deleted:
            self.banner.show_message(self.tr("Deleted job %1.").replace("%1", self.deleted))
            self.deleted = None
        if listing.states != self.selected_states():
            self.refresh()

    def show_listing(self, listing: JobListing) -> None:
        """Fill the table from ``listing``."""
        self.where.setText(
            i18n.pick(listing.label)
            if listing.label
            else self.tr("Huawei Cloud: %1").replace("%1", listing.endpoint)
        )
        self.table.setRowCount(len(listing.jobs))
        for row, job in enumerate(listing.jobs):
            self._fill_row(row, job, listing.reasons.get(job.job_id, ()))
        self.table.resizeRowsToContents()
        self.status.setText(self.tr("%n job(s)", "", len(listing.jobs)))
        self.update_delete()

    def _fill_row(self, row: int, job: TrainingJob, reasons: tuple[ReviewReason, ...]) -> None:
        texts = (describe_state(job.state), *(reason.line() for reason in reasons))
        meaning = "\n".join(i18n.pick(text) for text in texts)
        values = {
            "voice": job.voice_name or "", "state": job.state, "meaning": meaning,
            "created": _time_text(job.create_time), "updated": _time_text(job.lastupdate_time),
            "job": job.job_id, "asset": job.asset_id or "",
        }  # fmt: skip
        for column, name in enumerate(COLUMNS):
            item = cell(self.table, row, column, values[name])
            flagged = name == "state" and needs_action(job.state)
            item.setData(Qt.ItemDataRole.ForegroundRole, QColor(Qt.GlobalColor.darkRed) if flagged else None)
            item.setToolTip(self.tr("Needs your action") if flagged else "")

    def selected_job(self) -> TrainingJob | None:
        """The job of the selected row, or None."""
        rows = {index.row() for index in self.table.selectionModel().selectedRows()}
        if self.listing is None or len(rows) != 1:
            return None
        row = rows.pop()
        return self.listing.jobs[row] if row < len(self.listing.jobs) else None

    def update_delete(self) -> None:
        """Delete is enabled for one selected job MetaStudio is not working on; otherwise its
        tooltip says why not."""
        job = self.selected_job()
        refusal = deletion_refusal(job) if job is not None else None
        self.delete_button.setEnabled(job is not None and refusal is None and not self.runner.busy)
        if job is None:
            tip = self.tr("Select a job to delete it.")
        else:
            tip = i18n.pick(refusal) if refusal else self.tr("Delete the selected job.")
        self.delete_button.setToolTip(tip)

    def delete_selected(self) -> None:
        """Ask, then delete the selected job in a worker and list the jobs again."""
        job = self.selected_job()
        if job is None or deletion_refusal(job) is not None or self.runner.busy:
            return
        name = f"{job.voice_name} ({job.job_id})" if job.voice_name else job.job_id
        answer = QMessageBox.question(
            self,
            self.tr("Delete the job?"),
            self.tr("Delete the training job %1 from MetaStudio? This cannot be undone.").replace("%1", name),
            QMessageBox.StandardButton.Yes | QMessageBox.StandardButton.No,
            QMessageBox.StandardButton.No,
        )
        if answer != QMessageBox.StandardButton.Yes:
            return
        settings, opener, job_id = self.settings, self.opener, job.job_id
        self.refresh_button.setEnabled(False)
        self.delete_button.setEnabled(False)
        self.status.setText(self.tr("Deleting job %1…").replace("%1", job_id))
        self.runner.start(lambda: remove_job(settings, job_id, opener), self._deleted, self._failed)

    def _deleted(self, job: TrainingJob) -> None:
        self.deleted = job.job_id
        self.refresh_button.setEnabled(True)
        self.refresh()

    def _failed(self, error: Exception) -> None:
        self.refresh_button.setEnabled(True)
        self.update_delete()
        self.status.setText("")
        self.banner.show_error(error)
