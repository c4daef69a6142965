"""The Submit page against a sandbox over HTTP: destination, credentials, letter, upload, job id, errors."""

from __future__ import annotations

import pytest
from support.memory_keyring import memory_keyring  # noqa: F401 (fixtures)
from support.ui_cloud import cloud_sandbox, ready_session  # noqa: F401 (fixtures)
from support.workflow_rig import FAST_POLL, VOICE, client_of, training_jobs

from voicerecorder.cloud.waiting import waiting_message
from voicerecorder.sandbox import SANDBOX_LABEL
from voicerecorder.sandbox.training import TRAINING_FAILED, TRAINING_FAILED_REASON
from voicerecorder.text import Bilingual
from voicerecorder.ui import i18n
from voicerecorder.ui.page_ids import PageId
from voicerecorder.ui.pages.submit import SubmitPage
from voicerecorder.ui.workflow_progress import UploadRate, WorkflowProgress
from voicerecorder.workflow import records
from voicerecorder.workflow.events import WorkflowEvent, wait_listener
from voicerecorder.workflow.track import track

PNG = b"\x89PNG\r\n\x1a\n" + b"\x00" * 64


@pytest.fixture(autouse=True)
def english():
    i18n.set_language("en")
    yield
    i18n.set_language("en")


def submit_page(qtbot, wizard, open_page, session) -> SubmitPage:
    open_page(wizard, session, PageId.SUBMIT)
    page = wizard.page_of(PageId.SUBMIT)
    assert isinstance(page, SubmitPage)
    qtbot.waitUntil(lambda: page.target is not None, timeout=10000)
    return page


def run_submit(qtbot, page: SubmitPage) -> None:
    page.submit_button.click()
    assert page.runner.busy
    assert not page.isComplete()
    qtbot.waitUntil(lambda: not page.runner.busy, timeout=60000)


def test_submit_creates_uploads_and_commits_the_job(qtbot, wizard, open_page, ready_session, cloud_sandbox):  # noqa: F811
    server = cloud_sandbox()
    page = submit_page(qtbot, wizard, open_page, ready_session)
    assert server.base_url in page.where.text()
    assert page.credentials.text().startswith("✔")
    assert not page.isComplete()
    events: list[WorkflowEvent] = []
    page.runner.event.connect(events.append)
    run_submit(qtbot, page)
    assert not page.banner.isVisible(), page.banner.text
    jobs = training_jobs(client_of(server), VOICE)
    assert len(jobs) == 1
    assert page.job.text() == f"Submitted. Job ID: {jobs[0].job_id}"
    assert any(event.step == "upload" and event.sent == event.total for event in events)
    assert page.isComplete()
    assert wizard.button(wizard.WizardButton.NextButton).isEnabled()


def test_the_authorization_letter_is_uploaded(
    qtbot,
    wizard,
    open_page,
    ready_session,  # noqa: F811
    cloud_sandbox,  # noqa: F811
    tmp_path,
):
    cloud_sandbox()
    letter = tmp_path / "letter.png"
    letter.write_bytes(PNG)
    page = submit_page(qtbot, wizard, open_page, ready_session)
    page.letter.setText(str(letter))
    run_submit(qtbot, page)
    assert records.latest(ready_session, records.TRAINING)["letter"]["uploaded"] is True


def test_a_wrong_letter_file_is_refused_with_a_message(
    qtbot,
    wizard,
    open_page,
    ready_session,  # noqa: F811
    cloud_sandbox,  # noqa: F811
    tmp_path,
):
    cloud_sandbox()
    letter = tmp_path / "letter.png"
    letter.write_bytes(b"not a picture")
    page = submit_page(qtbot, wizard, open_page, ready_session)
    page.letter.setText(str(letter))
    run_submit(qtbot, page)
    assert page.banner.kind == "error"
    assert "letter.png" in page.banner.text
    assert not page.isComplete()
    assert page.submit_button.isEnabled()
    assert page.progress.bar.value() == 0


def test_cancel_during_the_upload(qtbot, wizard, open_page, ready_session, cloud_sandbox):  # noqa: F811
    cloud_sandbox("latency=0.3")
    page = submit_page(qtbot, wizard, open_page, ready_session)
    page.submit_button.click()
    qtbot.waitUntil(lambda: page.progress.step.text() != "", timeout=20000)
    page.progress.cancel.click()
    qtbot.waitUntil(lambda: not page.runner.busy, timeout=30000)
    assert "Cancelled" in page.banner.text
    assert not page.isComplete()


def test_without_credentials_the_sandbox_is_named(
    qtbot,
    wizard,
    open_page,
    ready_session,  # noqa: F811
    memory_keyring,  # noqa: F811
):
    page = submit_page(qtbot, wizard, open_page, ready_session)
    assert SANDBOX_LABEL.en in page.where.text()
    assert "sandbox is used" in page.credentials.text()


def test_progress_shows_share_speed_and_time_left(qtbot):
    progress = WorkflowProgress()
    qtbot.addWidget(progress)
    what = Bilingual("Uploading", "正在上传")
    progress.set_running(True)
    progress.rate_meter = UploadRate(iter([0.0, 2.0]).__next__)
    progress.show_event(WorkflowEvent("upload", what, sent=0, total=4 * 1024 * 1024))
    assert progress.rate.text() == "0 B of 4.0 MB"
    progress.show_event(WorkflowEvent("upload", what, sent=2 * 1024 * 1024, total=4 * 1024 * 1024))
    assert progress.bar.value() == progress.bar.maximum() // 2
    assert progress.rate.text() == "2.0 MB of 4.0 MB · 1.0 MB/s · about 2 s left"
    assert progress.step.text() == "Uploading"


def test_a_failed_job_is_named_and_resubmitted(qtbot, wizard, open_page, ready_session, cloud_sandbox):  # noqa: F811
    server = cloud_sandbox("fail=1x")
    page = submit_page(qtbot, wizard, open_page, ready_session)
    run_submit(qtbot, page)
    [failed] = training_jobs(client_of(server), VOICE)
    assert track(ready_session, client_of(server), policy=FAST_POLL).state == "FAILED"
    page.initializePage()
    reason = f"{TRAINING_FAILED} {TRAINING_FAILED_REASON}"
    assert page.job.text().startswith(f"Job {failed.job_id} failed: {reason}.")
    assert "press Submit to create a new job" in page.job.text()
    run_submit(qtbot, page)
    assert not page.banner.isVisible(), page.banner.text
    [new] = [job for job in training_jobs(client_of(server), VOICE) if job.job_id != failed.job_id]
    assert page.job.text() == f"Submitted. Job ID: {new.job_id}"


def test_a_wait_notice_replaces_the_step_line_until_the_upload_moves_again(qtbot):
    progress = WorkflowProgress()
    qtbot.addWidget(progress)
    what = Bilingual("Uploading", "正在上传")
    progress.set_running(True)
    progress.show_event(WorkflowEvent("upload", what, sent=1024, total=4096))
    notice = waiting_message(
        "metastudio.example.com", "upload of data.zip", 1_700_000_000.0, 1_700_000_007.0, 120
    )
    progress.show_event(wait_listener_event(notice))
    assert progress.step.text() == notice.en
    assert progress.step.text().startswith(
        "Still waiting for metastudio.example.com (upload of data.zip) since"
    )
    assert progress.bar.maximum() == 0
    progress.show_event(WorkflowEvent("upload", what, sent=2048, total=4096))
    assert progress.step.text() == "Uploading"


def wait_listener_event(notice: Bilingual) -> WorkflowEvent:
    events: list[WorkflowEvent] = []
    wait_listener(events.append, "job-1")(notice)
    [event] = events
    assert (event.step, event.job_id) == ("wait", "job-1")
    return event
