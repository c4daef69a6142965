"""Page 7, Submit: where the recordings go, the credentials, an optional authorization letter, the upload."""

from __future__ import annotations

import threading
from pathlib import Path

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QFileDialog,
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPushButton,
    QVBoxLayout,
)

from voicerecorder.cloud.client import MetaStudioClient
from voicerecorder.cloud.states import JobState
from voicerecorder.session.problems import sentence_label
from voicerecorder.session.store import Session
from voicerecorder.ui.dialogs.settings_dialog import SettingsDialog
from voicerecorder.ui.i18n import pick
from voicerecorder.ui.live_input import LiveInput
from voicerecorder.ui.pages.base import CloudJobPage
from voicerecorder.ui.segment_uploader import uploader_of
from voicerecorder.ui.services import Services, SessionHolder
from voicerecorder.workflow import records
from voicerecorder.workflow.events import Reporter
from voicerecorder.workflow.segments import CONFIRMED, SegmentState, segment_states
from voicerecorder.workflow.submission import SubmitOutcome
from voicerecorder.workflow.submit import submit


def _segment_states(session: Session) -> list[SegmentState]:
    """Worker thread: the SEGMENT session's states as its record says."""
    return segment_states(session, records.latest(session, records.TRAINING))


class SubmitPage(CloudJobPage):
    """Creates the training job, uploads the package (and letter) and commits, all in a worker."""

    def __init__(self, services: Services, holder: SessionHolder, live: LiveInput) -> None:
        super().__init__(services, holder, live)
        self.where, self.credentials, self.job, self.segments = QLabel(), QLabel(), QLabel(), QLabel()
        self.uploads = uploader_of(holder, services.settings)
        self.segment_states: list[SegmentState] = []
        for label in (self.where, self.credentials, self.job, self.segments):
            label.setWordWrap(True)
        self.job.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.job.setStyleSheet("font-size:13pt; font-weight:600;")
        self.settings_button = QPushButton()
        self.letter_label, self.letter = QLabel(), QLineEdit()
        self.letter_label.setBuddy(self.letter)
        self.browse, self.clear = QPushButton(), QPushButton()
        self.submit_button = QPushButton()
        self._layout()
        self.settings_button.clicked.connect(self.open_settings)
        self.browse.clicked.connect(self._browse)
        self.clear.clicked.connect(self.letter.clear)
        self.submit_button.clicked.connect(self.start_submit)
        self.retranslate()

    def _layout(self) -> None:
        credentials = QHBoxLayout()
        credentials.addWidget(self.credentials, 1)
        credentials.addWidget(self.settings_button)
        letter = QHBoxLayout()
        letter.addWidget(self.letter, 1)
        letter.addWidget(self.browse)
        letter.addWidget(self.clear)
        form = QFormLayout()
        form.addRow(self.where)
        form.addRow(credentials)
        form.addRow(self.letter_label, letter)
        layout = QVBoxLayout(self.body)
        layout.addWidget(self.banner)
        layout.addLayout(form)
        layout.addWidget(self.segments)
        layout.addWidget(self.submit_button)
        layout.addWidget(self.progress)
        layout.addWidget(self.job)
        layout.addStretch(1)
        self.progress.hide()

    def retranslate(self) -> None:
        self.setTitle(self.tr("Submit"))
        self.setSubTitle(self.tr("Send the recordings to MetaStudio to train the voice."))
        self.settings_button.setText(self.tr("Cloud &settings…"))
        self.letter_label.setText(self.tr("Authorization &letter (optional):"))
        self.letter.setPlaceholderText(self.tr("A signed letter as PDF, JPG or PNG"))
        self.letter.setAccessibleName(self.tr("Authorization letter file"))
        self.browse.setText(self.tr("Bro&wse…"))
        self.clear.setText(self.tr("Clea&r"))
        self.clear.setAccessibleName(self.tr("Remove the authorization letter"))
        self.submit_button.setText(self.tr("U&pload and submit"))
        self.show_target()
        self._show_record()
        self._show_segments()

    def initializePage(self) -> None:
        self.refresh_target()
        self._show_record()
        self._load_segments()

    def _load_segments(self) -> None:
        """SEGMENT sessions: read where each sentence stands (in a worker), then say what is pending."""
        session = self.holder.session
        if session is None or session.create_type != "SEGMENT":
            self._segments_known([])
            return
        self.tasks.start(lambda: _segment_states(session), self._segments_known, self.show_error)

    def _segments_known(self, states: list[SegmentState]) -> None:
        self.segment_states = states
        self._show_segments()

    def _show_segments(self) -> None:
        states = self.segment_states
        pending = [sentence_label(state.index) for state in states if state.state != CONFIRMED]
        if not states:
            text = ""
        elif pending:
            text = (
                self.tr(
                    "Sentence by sentence: %1 of %2 confirmed by MetaStudio. Not confirmed yet: %3. "
                    "Submit sends what is waiting, then submits the job; a rejected sentence must be "
                    "recorded again first."
                )
                .replace("%1", str(len(states) - len(pending)))
                .replace("%2", str(len(states)))
                .replace("%3", ", ".join(pick(label) for label in pending))
            )
        else:
            text = self.tr(
                "Sentence by sentence: all %1 sentences are confirmed by MetaStudio. Submit "
                "submits the job with the voice details."
            ).replace("%1", str(len(states)))
        self.segments.setText(text)
        self.segments.setAccessibleName(text)

    def isComplete(self) -> bool:
        return not self.runner.busy and self.submitted_job_id() is not None

    def submitted_job_id(self) -> str | None:
        """The session's committed training job, or None."""
        view = records.training_view(self.holder.session)
        return view.job_id if view is not None and view.submitted else None

    # Target and credentials

    def show_target(self) -> None:
        target = self.target
        if target is None:
            self.where.setText(self.tr("Finding out where the recordings go…"))
            self.credentials.setText("")
            return
        self.where.setText(self.tr("Destination: %1").replace("%1", pick(target.label)))
        if target.configured:
            self.credentials.setText(self.tr("✔ Huawei Cloud credentials are set."))
        else:
            self.credentials.setText(
                self.tr(
                    "No Huawei Cloud credentials are set, so the sandbox is used. "
                    "Add them in the cloud settings."
                )
            )

    def open_settings(self) -> None:
        """The Settings dialog; the destination is looked up again when it closes."""
        dialog = SettingsDialog(self.services, self)
        dialog.finished.connect(lambda _result: self.refresh_target())
        dialog.open()

    def _browse(self) -> None:
        path, _ = QFileDialog.getOpenFileName(
            self,
            self.tr("Choose the authorization letter"),
            "",
            self.tr("Letters (*.pdf *.jpg *.jpeg *.png)"),
        )
        if path:
            self.letter.setText(path)

    # Submitting

    def start_submit(self) -> None:
        """Submit (or continue or resubmit) in a worker; progress and the job id arrive as signals."""
        session = self.holder.session
        letter = Path(self.letter.text().strip()) if self.letter.text().strip() else None
        uploads = self.uploads

        def work(client: MetaStudioClient, reporter: Reporter, cancel: threading.Event) -> SubmitOutcome:
            """Worker thread: the Record page's uploads stop first, so one writer owns the job."""
            uploads.halt()
            return submit(session, client, letter=letter, reporter=reporter, cancel=cancel)

        self.run_job(work, self.submit_button)

    def job_finished(self, result: object) -> None:
        self._show_record()
        self._load_segments()

    def _show_record(self) -> None:
        view = records.training_view(self.holder.session)
        job_id = view.job_id if view is not None and view.submitted else None
        if view is not None and job_id and view.state == JobState.FAILED:
            text = self.tr(
                "Job %1 failed: %2. A failed job cannot be resumed: press Submit to create a new job "
                "with the same recordings."
            )
            text = text.replace("%1", job_id).replace("%2", view.failure_reason)
        else:
            text = self.tr("Submitted. Job ID: %1").replace("%1", job_id) if job_id else ""
        self.job.setText(text)
        self.job.setAccessibleName(text)
