"""What MetaStudio's review said and what to do next, for a job that waits for the person or
cannot go on: the reasons from the operation log and the next step for the job's state, with
the buttons that take it (a new authorization letter, back to recording, a new job)."""

from __future__ import annotations

from collections.abc import Sequence

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QHBoxLayout, QLabel, QPushButton, QVBoxLayout, QWidget

from voicerecorder.cloud.states import JobState
from voicerecorder.ui.i18n import pick
from voicerecorder.ui.retranslating import Retranslating
from voicerecorder.workflow.review import ReviewReason

CONSOLE_URL = "https://console.huaweicloud.com/metastudio/"


class ReviewPanel(Retranslating, QWidget):
    """Shows a job's review reasons and next step (GUI thread); hidden when there is neither.

    The page connects ``letter_button``, ``record_button`` and ``new_job_button``; ``show_job``
    decides which of them apply.
    """

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.state: str | None = None
        self.job_id = ""
        self.reasons: tuple[ReviewReason, ...] = ()
        self.letter_only = False
        self.reasons_title, self.reasons_text, self.next_step = QLabel(), QLabel(), QLabel()
        self.reasons_title.setStyleSheet("font-weight:600;")
        for label in (self.reasons_text, self.next_step):
            label.setWordWrap(True)
            label.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
            label.setTextFormat(Qt.TextFormat.PlainText)
        self.letter_button, self.record_button = QPushButton(), QPushButton()
        self.new_job_button = QPushButton()
        buttons = QHBoxLayout()
        for button in (self.letter_button, self.record_button, self.new_job_button):
            buttons.addWidget(button)
        buttons.addStretch(1)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.reasons_title)
        layout.addWidget(self.reasons_text)
        layout.addWidget(self.next_step)
        layout.addLayout(buttons)
        self.retranslate()

    def show_job(
        self, state: str | None, job_id: str, reasons: Sequence[ReviewReason], *, letter_only: bool
    ) -> None:
        """Show what the review of job ``job_id`` in ``state`` said and what to do about it;
        ``letter_only``: an AUDIT_FAILED that named no sentence."""
        self.state, self.job_id, self.reasons = state, job_id, tuple(reasons)
        self.letter_only = letter_only and state == JobState.AUDIT_FAILED
        self.retranslate()

    def headline(self) -> str:
        """A short line saying what happened, for the page's headline ("" when the state's own
        description says it)."""
        if self.state == JobState.AUDIT_FAILED and self.letter_only:
            return self.tr("MetaStudio's reviewer rejected the job without naming a recording.")
        if self.state == JobState.SPLIT_FAILED:
            return self.tr("The recording could not be cut into sentences.")
        if self.state == JobState.USER_REVIEW_REJECT:
            return self.tr("The trained voice was rejected in your review.")
        if self.state == JobState.USER_RESULT_REVIEW:
            return self.tr("The trained voice waits for your approval.")
        return ""

    def next_step_text(self) -> str:
        """The next step for the shown state ("" when the page's other parts say it)."""
        if self.state == JobState.AUDIT_FAILED and self.letter_only:
            return self.tr(
                "The reviewer named no sentence: the authorization letter is what must change. "
                "Choose a new signed letter (PDF, JPG or PNG). It is sent to the same job and the job "
                "is submitted again; the recordings are not sent again."
            )
        if self.state == JobState.SPLIT_FAILED:
            return self.tr(
                "MetaStudio could not cut the recording into sentences, and this job cannot go on. "
                "Record again with a clear pause of 2–3 seconds between sentences, then submit as a "
                "new job. The old job can be deleted in the Jobs window."
            )
        if self.state == JobState.USER_REVIEW_REJECT:
            return self.tr(
                "The trained voice was rejected in your review, and this job cannot be trained again. "
                "Record again the sentences that sounded wrong, then submit as a new job. The old job "
                "can be deleted in the Jobs window."
            )
        if self.state == JobState.USER_RESULT_REVIEW:
            return (
                self.tr(
                    "The trained voice waits for your approval, which only the MetaStudio console can "
                    "give. Sign in at %1, open MetaStudio, then Voice training, find job %2, listen to "
                    "the voice and accept or reject it there. Then press Check now."
                )
                .replace("%1", CONSOLE_URL)
                .replace("%2", self.job_id)
            )
        return ""

    def retranslate(self) -> None:
        self.reasons_title.setText(self.tr("What MetaStudio's review said:"))
        self.reasons_text.setText("\n".join(pick(reason.line()) for reason in self.reasons))
        self.reasons_text.setAccessibleName(self.tr("The review's reasons"))
        self.next_step.setText(self.next_step_text())
        self.next_step.setAccessibleName(self.tr("What to do next"))
        self.letter_button.setText(self.tr("Choose a new authorization &letter"))
        self.record_button.setText(self.tr("Back to &recording"))
        self.new_job_button.setText(self.tr("Submit as a ne&w job"))
        replaced = self.state in (JobState.SPLIT_FAILED, JobState.USER_REVIEW_REJECT)
        self.reasons_title.setVisible(bool(self.reasons))
        self.reasons_text.setVisible(bool(self.reasons))
        self.next_step.setVisible(bool(self.next_step.text()))
        self.letter_button.setVisible(self.letter_only)
        self.record_button.setVisible(replaced)
        self.new_job_button.setVisible(replaced)
        self.setVisible(bool(self.reasons) or bool(self.next_step.text()))
