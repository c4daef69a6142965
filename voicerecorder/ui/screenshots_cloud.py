"""Demo data for the screenshots of pages 5-8 and of the Settings, Jobs and About dialogs."""

from __future__ import annotations

import time
from collections.abc import Callable
from pathlib import Path

from PySide6.QtCore import QCoreApplication
from PySide6.QtWidgets import QWidget

from voicerecorder.cloud.models import TrainingJob
from voicerecorder.sandbox.credentials import SANDBOX_LABEL
from voicerecorder.session.store import Session
from voicerecorder.text import Bilingual
from voicerecorder.ui.dialogs.diagnostics_dialog import DiagnosticsDialog
from voicerecorder.ui.dialogs.jobs_window import JobListing, JobsWindow
from voicerecorder.ui.dialogs.settings_dialog import SettingsDialog, connected_message
from voicerecorder.ui.i18n import pick
from voicerecorder.ui.page_ids import PageId
from voicerecorder.ui.pages.quality_check import QualityCheckPage
from voicerecorder.ui.pages.submit import SubmitPage
from voicerecorder.ui.pages.track import TrackPage
from voicerecorder.ui.services import Services
from voicerecorder.ui.wizard import RecordingWizard
from voicerecorder.ui.workflow_progress import UploadRate
from voicerecorder.workflow import records
from voicerecorder.workflow.events import WorkflowEvent

DEMO_JOB_ID = "8f0c2a61d4e94b7f9a3e5c1d2b6a7e90"
DEMO_ASSET_ID = "a1b2c3d4e5f60718293a4b5c6d7e8f90"
DAY_MS = 24 * 3600 * 1000
ZIP_BYTES = 48 * 1024 * 1024


def _settle(seconds: float, until: Callable[[], bool] = lambda: False) -> None:
    deadline = time.monotonic() + seconds
    while time.monotonic() < deadline and not until():
        QCoreApplication.processEvents()
        time.sleep(0.02)


def _metric(expected: str, actual: str, status: int, advice_en: str, advice_zh: str) -> dict:
    return {
        "expected": expected,
        "actual": actual,
        "status": status,
        "advice_en": advice_en,
        "advice_zh": advice_zh,
    }


def demo_assessment(language: str) -> dict:
    """A quality-check result as the session stores it: five metrics in range, reverberation not."""
    ok_en, ok_zh = "Fine.", "良好。"
    suggestion = Bilingual(
        "Reduce the room echo, then record the sample again.", "请减少房间回声，然后重新录制样本。"
    )
    return {
        "suggestion": suggestion.pick(language),
        "speed": _metric("3.5-5.5", "4.6", 0, ok_en, ok_zh),
        "sound": _metric("-30--15", "-21.4", 0, ok_en, ok_zh),
        "snr": _metric(">=35", "41.2", 0, ok_en, ok_zh),
        "reverb": _metric(
            "<=0.3",
            "0.42",
            1,
            "The room echoes. Hang blankets or record in a smaller room with soft furnishings.",
            "房间有回声。请挂上毯子，或在较小且有软装的房间录音。",
        ),
        "dnsmos_ovrl": _metric(">=3.0", "3.4", 0, ok_en, ok_zh),
        "dnsmos_bak": _metric(">=3.5", "3.9", 0, ok_en, ok_zh),
    }


def fill_quality(wizard: RecordingWizard, language: str) -> None:
    """The Quality check page after a finished check."""
    page = wizard.page_of(PageId.QUALITY)
    assert isinstance(page, QualityCheckPage)
    _settle(3.0, lambda: page.target is not None)
    page.show_result(
        records.AssessView.of({"step": records.Step.FINISHED, "result": demo_assessment(language)})
    )


def fill_submit(wizard: RecordingWizard, language: str) -> None:
    """The Submit page in the middle of the upload, a letter chosen."""
    page = wizard.page_of(PageId.SUBMIT)
    assert isinstance(page, SubmitPage)
    _settle(3.0, lambda: page.target is not None)
    page.letter.setText(
        str(Path.home() / ("授权书.pdf" if language == "zh_CN" else "authorization-letter.pdf"))
    )
    progress = page.progress
    progress.begin(page.submit_button)
    progress.rate_meter = UploadRate(iter([0.0, 9.0]).__next__)
    what = Bilingual("Uploading the recordings", "正在上传录音")
    for sent in (0, int(ZIP_BYTES * 0.62)):
        progress.show_event(WorkflowEvent("upload", what, sent=sent, total=ZIP_BYTES))


def _demo_training_record(session: Session) -> None:
    audit = [
        {"index": 2, "sentence_id": session.sentence(2).id, "take": "take-1.wav", "file": "2.wav",
         "code": "MSS.20020018", "message": "The audio does not match the text."},
        {"index": 4, "sentence_id": session.sentence(4).id, "take": "take-1.wav", "file": "4.wav",
         "code": "MSS.20020018", "message": "The audio does not match the text."},
    ]  # fmt: skip
    record = {
        "job_id": DEMO_JOB_ID,
        "step": "committed",
        "state": "AUDIT_FAILED",
        "commits": 1,
        "audit": audit,
    }
    records.save(session, records.TRAINING, record, new=True)


def fill_track(wizard: RecordingWizard, language: str) -> None:
    """The Track page after the audit rejected two sentences."""
    page = wizard.page_of(PageId.TRACK)
    assert isinstance(page, TrackPage)
    _demo_training_record(wizard.holder.require())
    page.banner.hide()
    page.timeline.clear()
    for state in ("CREATING", "SYSTEM_AUDITING", "AUDIT_FAILED"):
        page.add_state(state)
    page.retranslate()


CLOUD_PAGES: tuple[tuple[PageId, str, Callable[[RecordingWizard, str], None] | None], ...] = (
    (PageId.REVIEW, "review", None),
    (PageId.QUALITY, "quality-check", fill_quality),
    (PageId.SUBMIT, "submit", fill_submit),
    (PageId.TRACK, "track", fill_track),
)
"""Entries of ``voicerecorder.ui.screenshots.DEMO_PAGES`` for pages 5-8."""


def _settings_dialog(services: Services) -> QWidget:
    dialog = SettingsDialog(services)
    _settle(3.0, lambda: dialog.device.count() > 0 and not dialog.runner.busy)
    dialog.ak.setText("HPUAEXAMPLE0DEMO0001")
    dialog.sk.setText("not-a-real-secret-key")
    dialog.project.setText("0a1b2c3d4e5f60718293a4b5c6d7e8f9")
    where = "https://metastudio.cn-north-4.myhuaweicloud.com"
    dialog.banner.hide()
    dialog.test_result.show_message("✔ " + pick(connected_message(Bilingual(where, where), 2)), "info")
    dialog.adjustSize()
    return dialog


def _demo_jobs(voice: str) -> tuple[TrainingJob, ...]:
    now = int(time.time() * 1000)
    return (
        TrainingJob(DEMO_JOB_ID, "AUDIT_FAILED", voice_name=voice, create_time=now - DAY_MS,
                    lastupdate_time=now),
        TrainingJob("3c9e1f0a7b2d4c6e8f1a2b3c4d5e6f70", "PROCESSING", voice_name=voice,
                    create_time=now - 3 * DAY_MS, lastupdate_time=now - DAY_MS),
        TrainingJob("5d7f9b1c3e5a7c9e1b3d5f7a9c1e3b50", "SUCCEED", voice_name="Noah Park – news",
                    asset_id=DEMO_ASSET_ID, create_time=now - 20 * DAY_MS, lastupdate_time=now - 12 * DAY_MS),
    )  # fmt: skip


def _jobs_window(services: Services, voice: str) -> QWidget:
    window = JobsWindow(services)
    window.listing = JobListing((), _demo_jobs(voice), SANDBOX_LABEL)
    window.show_listing(window.listing)
    return window


def _diagnostics(services: Services) -> QWidget:
    dialog = DiagnosticsDialog(services)
    _settle(10.0, lambda: dialog.copy_button.isEnabled())
    return dialog


def render_dialogs(directory: Path, services: Services, session: Session, first_number: int) -> list[Path]:
    """Render the Settings, Jobs and About dialogs to ``directory/<nn>-<name>.png``."""
    makers: tuple[tuple[str, Callable[[], QWidget]], ...] = (
        ("settings", lambda: _settings_dialog(services)),
        ("jobs", lambda: _jobs_window(services, session.form.voice_name)),
        ("about", lambda: _diagnostics(services)),
    )
    written = []
    for number, (name, make) in enumerate(makers, first_number):
        widget = make()
        widget.show()
        _settle(0.5)
        path = directory / f"{number:02d}-{name}.png"
        widget.grab().save(str(path))
        widget.close()
        widget.deleteLater()
        written.append(path)
    return written
