"""Page 8, Track: the job's states as a timeline, polled in the background; the review's reasons and
the next step when the job waits for the person (re-record and resubmit, a new authorization
letter, a new job, the console); the voice asset id on SUCCEED."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QDateTime, Qt, QTimer
from PySide6.QtGui import QGuiApplication
from PySide6.QtWidgets import (
    QFileDialog,
    QHBoxLayout,
    QLabel,
    QListWidget,
    QListWidgetItem,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from voicerecorder.cloud.states import REPLACED_STATES, JobState, describe_state, is_terminal, needs_action
from voicerecorder.ui.i18n import pick
from voicerecorder.ui.live_input import LiveInput
from voicerecorder.ui.page_ids import PageId
from voicerecorder.ui.pages.base import Action, CloudJobPage
from voicerecorder.ui.services import Services, SessionHolder
from voicerecorder.ui.widgets.review_panel import ReviewPanel
from voicerecorder.ui.widgets.status_icons import status_icon
from voicerecorder.workflow import records
from voicerecorder.workflow.deleted import JobDeletedError
from voicerecorder.workflow.events import EventStep, WorkflowEvent
from voicerecorder.workflow.letter import LETTER_SUFFIXES
from voicerecorder.workflow.polling import PollPolicy
from voicerecorder.workflow.review import Followed, ReviewReason, follow
from voicerecorder.workflow.submission import SubmitOutcome
from voicerecorder.workflow.submit import submit

STATE_ROLE = Qt.ItemDataRole.UserRole + 3
ICON_ROLE = Qt.ItemDataRole.UserRole + 4


def state_icon(state: str) -> str:
    """The timeline's icon for ``state``: pass (SUCCEED), fail (the job cannot go on), warn (it
    waits for the person) or unchecked (MetaStudio works on it)."""
    if state == JobState.SUCCEED:
        return "pass"
    if is_terminal(state) or state in REPLACED_STATES:
        return "fail"
    return "warn" if needs_action(state) else "unchecked"


class TrackPage(CloudJobPage):
    """Polls the session's training job while shown (stops when left); Finish is enabled once submitted."""

    poll_policy = PollPolicy(first_s=5.0, max_s=120.0)
    shows_progress = False

    def __init__(self, services: Services, holder: SessionHolder, live: LiveInput) -> None:
        super().__init__(services, holder, live)
        self.job, self.state_text, self.asset = QLabel(), QLabel(), QLabel()
        for label in (self.job, self.state_text, self.asset):
            label.setWordWrap(True)
            label.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.state_text.setStyleSheet("font-size:13pt; font-weight:600;")
        self.asset.setStyleSheet("font-size:13pt; font-weight:600;")
        self.timeline = QListWidget()
        self.timeline.setWordWrap(True)
        self.copy_asset, self.refresh_button = QPushButton(), QPushButton()
        self.audit_box = QWidget()
        self.audit_intro = QLabel()
        self.audit_intro.setWordWrap(True)
        self.audit_list = QListWidget()
        self.rerecord_button, self.resubmit_button = QPushButton(), QPushButton()
        self.review = ReviewPanel()
        self.review.hide()
        self.reasons: tuple[ReviewReason, ...] = ()
        self._track_again = False
        self._layout()
        self.copy_asset.clicked.connect(self._copy_asset)
        self.refresh_button.clicked.connect(self.start_tracking)
        self.rerecord_button.clicked.connect(self.rerecord_rejected)
        self.resubmit_button.clicked.connect(self.resubmit)
        self.review.letter_button.clicked.connect(self.choose_letter)
        self.review.record_button.clicked.connect(self.record_again)
        self.review.new_job_button.clicked.connect(self.submit_new_job)
        self.runner.finished.connect(self._maybe_track_again)
        self.runner.failed.connect(self._maybe_track_again)
        self.runner.failed.connect(self._show_record)  # a failure may have noted the job's deletion
        self.retranslate()

    def _layout(self) -> None:
        audit = QVBoxLayout(self.audit_box)
        audit.setContentsMargins(0, 0, 0, 0)
        audit.addWidget(self.audit_intro)
        audit.addWidget(self.audit_list)
        buttons = QHBoxLayout()
        buttons.addWidget(self.rerecord_button)
        buttons.addWidget(self.resubmit_button)
        buttons.addStretch(1)
        audit.addLayout(buttons)
        self.audit_box.hide()
        asset = QHBoxLayout()
        asset.addWidget(self.asset, 1)
        asset.addWidget(self.copy_asset)
        self.copy_asset.hide()
        top = QHBoxLayout()
        top.addWidget(self.job, 1)
        top.addWidget(self.refresh_button)
        layout = QVBoxLayout(self.body)
        layout.addWidget(self.banner)
        layout.addLayout(top)
        layout.addWidget(self.state_text)
        layout.addWidget(self.timeline, 1)
        layout.addWidget(self.review)
        layout.addWidget(self.audit_box, 1)
        layout.addLayout(asset)

    def retranslate(self) -> None:
        self.setTitle(self.tr("Track"))
        self.setSubTitle(
            self.tr("Follow the review and training of your voice. You can close the app; the job continues.")
        )
        self.timeline.setAccessibleName(self.tr("Job states over time"))
        self.audit_list.setAccessibleName(self.tr("Sentences to record again"))
        self.refresh_button.setText(self.tr("&Check now"))
        self.copy_asset.setText(self.tr("Copy &asset ID"))
        self.rerecord_button.setText(self.tr("&Re-record these sentences"))
        self.resubmit_button.setText(self.tr("Re&submit"))
        self.audit_intro.setText(
            self.tr("The review rejected these sentences. Record them again, then resubmit:")
        )
        self._show_record()

    def initializePage(self) -> None:
        self.timeline.clear()
        self.reasons = ()
        self._show_record()
        # Work still running (a tracking cancelled when the page was left, ending): track once it ends.
        self._track_again = self.runner.busy
        self.start_tracking()

    def hideEvent(self, event: object) -> None:
        # The wizard also hides its current page for a moment while it lays out its buttons
        # (arriving here from Submit does): stop following the job only once the page stays hidden.
        QTimer.singleShot(0, self._stop_when_left)
        super().hideEvent(event)  # type: ignore[arg-type]

    def _stop_when_left(self) -> None:
        if not self.isVisible():
            self.runner.cancel()

    def isComplete(self) -> bool:
        view = self.record()
        return view is not None and bool(view.job_id)

    def record(self) -> records.TrainingView | None:
        """The session's newest training-job record, or None."""
        return records.training_view(self.holder.session)

    def current_state(self) -> str | None:
        view = self.record()
        return view.state if view is not None else None

    # Polling

    def start_tracking(self) -> None:
        """Poll the job in a worker until it finishes or waits for the person."""
        session, policy = self.holder.session, self.poll_policy
        if not self.isComplete():
            return
        self.run_job(
            lambda client, reporter, cancel: follow(
                session, client, reporter=reporter, cancel=cancel, policy=policy
            ),
            self.refresh_button,
        )

    def resubmit(self) -> None:
        """Upload the re-recorded package to the same job and commit it again, then keep tracking."""
        self.send(None, self.resubmit_button)

    def submit_new_job(self) -> None:
        """Submit the session again after the job ended so that it cannot go on: a new job."""
        self.send(None, self.review.new_job_button)

    def choose_letter(self) -> None:
        """Ask for a new authorization letter, then send it to the same job (see ``send``)."""
        patterns = " ".join(f"*{suffix}" for suffix in LETTER_SUFFIXES)
        path, _ = QFileDialog.getOpenFileName(
            self,
            self.tr("Choose the new authorization letter"),
            "",
            self.tr("Letters (%1)").replace("%1", patterns),
        )
        if path:
            self.send(Path(path), self.review.letter_button)

    def send(self, letter: Path | None, button: QPushButton) -> None:
        """Submit the session in a worker: after a letter-only rejection, with ``letter`` the
        letter alone goes to the same job and the job is committed again (as ``submit --letter``);
        then tracking goes on."""
        session = self.holder.session
        self.run_job(
            lambda client, reporter, cancel: submit(
                session, client, letter=letter, reporter=reporter, cancel=cancel
            ),
            button,
        )

    def _maybe_track_again(self, _result: object) -> None:
        track_again, self._track_again = self._track_again, False
        if track_again and self.isVisible():
            self.start_tracking()

    def job_event(self, event: WorkflowEvent) -> None:
        if event.step is EventStep.STATE and event.state:
            self.add_state(event.state)
        elif event.step is EventStep.UPLOAD and event.total:
            self.state_text.setText(f"{pick(event.message)} {100 * (event.sent or 0) // event.total}%")

    def add_state(self, state: str) -> None:
        """Append ``state`` to the timeline (with the time and its description) unless it is the last one."""
        last = self.timeline.item(self.timeline.count() - 1) if self.timeline.count() else None
        if last is not None and last.data(STATE_ROLE) == state:
            return
        when = QDateTime.currentDateTime().toString("HH:mm:ss")
        item = QListWidgetItem(
            status_icon(state_icon(state)), f"{when}  {state} — {pick(describe_state(state))}"
        )
        item.setData(STATE_ROLE, state)
        item.setData(ICON_ROLE, state_icon(state))
        self.timeline.addItem(item)
        self.timeline.scrollToItem(item)

    def job_finished(self, result: object) -> None:
        if isinstance(result, Followed):
            self.reasons = result.reasons
            self.add_state(result.job.state)
        if isinstance(result, SubmitOutcome):
            self.reasons = ()
            self.add_state(result.state)
            self.start_tracking()
        self._show_record()

    def failure_action(self, error: Exception) -> Action:
        if isinstance(error, JobDeletedError):
            return self.review.new_job_button.text(), self.submit_new_job
        return self.tr("&Try again"), self.start_tracking

    # Showing

    def _show_record(self) -> None:
        view = self.record()
        state = view.state if view is not None else None
        job_id = view.job_id if view is not None else None
        self.job.setText(
            self.tr("Job ID: %1").replace("%1", job_id) if job_id else self.tr("Nothing submitted yet.")
        )
        rejected = state == JobState.AUDIT_FAILED
        letter_only = rejected and view is not None and view.letter_only
        if state and not self.timeline.count():
            self.add_state(state)
        self.review.show_job(state, job_id or "", self.reasons, letter_only=letter_only)
        self.state_text.setText(self._headline(view))
        audit_failed = rejected and not letter_only
        self.audit_list.clear()
        for entry in view.audit if view is not None and audit_failed else ():
            self.audit_list.addItem(QListWidgetItem(status_icon("fail"), pick(entry.line())))
        self.audit_box.setVisible(audit_failed)
        asset_id = view.asset_id if view is not None and state == JobState.SUCCEED else None
        self.asset.setText(self.tr("Voice asset ID: %1").replace("%1", asset_id) if asset_id else "")
        self.copy_asset.setVisible(bool(self.asset.text()))
        if view is not None and state == JobState.FAILED and not view.deleted:
            self.banner.show_message(
                self.tr("The job failed: %1. Submit again to create a new job.").replace(
                    "%1", view.failure_reason
                ),
                "error",
            )

    def _headline(self, view: records.TrainingView | None) -> str:
        if view is not None and view.deleted:
            deleted = self.tr("This job was deleted (%1). Submit as a new job to go on.")
            return deleted.replace("%1", view.deleted)
        state = view.state if view is not None else None
        return self.review.headline() or (pick(describe_state(state)) if state else "")

    def rejected_sentences(self) -> list[int]:
        """The sentences the audit rejected (0-based), in order."""
        session = self.holder.session
        return sorted(session.marked_for_rerecord) if session is not None else []

    def record_again(self) -> None:
        """Back to the Record page (all sentences), to record again before a new job."""
        navigator = self.navigator()
        if navigator is None:
            return
        self.runner.cancel()
        navigator.go_to(PageId.RECORD)

    def rerecord_rejected(self) -> None:
        """Back to the Record page limited to the rejected sentences, at the first of them (saved as the
        current sentence by the Record page, in a worker)."""
        rejected, navigator = self.rejected_sentences(), self.navigator()
        if not rejected or navigator is None:
            return
        self.runner.cancel()
        navigator.rerecord(rejected, limit=True)

    def _copy_asset(self) -> None:
        view = self.record()
        QGuiApplication.clipboard().setText((view.asset_id if view is not None else None) or "")
