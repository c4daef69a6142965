"""The Track page's review loop against a sandbox over HTTP: the reviewer's reasons, a letter-only
rejection fixed by a new letter alone, and the next step of every state that stops the job."""

from __future__ import annotations

import zipfile

import pytest
import requests
from PySide6.QtWidgets import QFileDialog
from support.memory_keyring import memory_keyring  # noqa: F401 (fixtures)
from support.metastudio_zip import speechlike, wav_bytes
from support.ui_cloud import cloud_sandbox, ready_session, walk_to  # noqa: F401 (fixtures)
from support.workflow_rig import FAST_POLL, client_of, training_jobs

from voicerecorder.cloud.models import CreateTrainingJobReq
from voicerecorder.sandbox import quotas
from voicerecorder.sandbox.obs import BUCKET
from voicerecorder.sandbox.store import JobStore, ObjectStore
from voicerecorder.sandbox.training import ADMIN_REJECT_REASON, data_key
from voicerecorder.session.store import Session
from voicerecorder.ui import i18n
from voicerecorder.ui.page_ids import PageId
from voicerecorder.ui.pages.track import ICON_ROLE, STATE_ROLE, TrackPage, state_icon
from voicerecorder.ui.widgets.review_panel import CONSOLE_URL
from voicerecorder.workflow import records
from voicerecorder.workflow.submit import submit


@pytest.fixture(autouse=True)
def fast(monkeypatch):
    monkeypatch.setattr(TrackPage, "poll_policy", FAST_POLL)
    i18n.set_language("en")
    yield
    i18n.set_language("en")


def letter(tmp_path, name: str, body: bytes):
    path = tmp_path / name
    path.write_bytes(b"%PDF-1.4\n" + body * 50)
    return path


def track_page(qtbot, wizard, open_page, session) -> TrackPage:
    open_page(wizard, session, PageId.TRACK)
    page = wizard.page_of(PageId.TRACK)
    qtbot.waitUntil(lambda: not page.runner.busy and page.current_state() is not None, timeout=60000)
    return page


def stored_data(server, job_id: str):
    """The sandbox's copy of the job's uploaded package: a new upload replaces the file."""
    stat = ObjectStore(server.data_dir).path(BUCKET, data_key(job_id)).stat()
    return stat.st_ino, stat.st_mtime_ns


def test_a_letter_only_rejection_shows_the_reason_and_a_new_letter_alone_resolves_it(
    qtbot,
    wizard,
    open_page,
    ready_session,  # noqa: F811
    cloud_sandbox,  # noqa: F811
    tmp_path,
    monkeypatch,
):
    server = cloud_sandbox("admin_reject=1x")
    client = client_of(server)
    job_id = submit(ready_session, client, letter=letter(tmp_path, "unsigned.pdf", b"unsigned")).job_id
    page = track_page(qtbot, wizard, open_page, ready_session)
    qtbot.waitUntil(lambda: page.review.letter_button.isVisible(), timeout=30000)
    assert page.current_state() == "AUDIT_FAILED"
    assert page.review.reasons_text.text() == f"MetaStudio's reviewer: {ADMIN_REJECT_REASON}"
    assert "named no sentence" in page.review.next_step.text()
    assert page.state_text.text() == "MetaStudio's reviewer rejected the job without naming a recording."
    assert not page.audit_box.isVisible()
    assert not page.review.new_job_button.isVisible()
    i18n.set_language("zh_CN")
    qtbot.waitUntil(lambda: page.review.reasons_text.text() == f"MetaStudio 审核人员：{ADMIN_REJECT_REASON}")
    assert "&L" in page.review.letter_button.text()
    i18n.set_language("en")
    qtbot.waitUntil(lambda: page.review.reasons_text.text().startswith("MetaStudio's reviewer"))

    package, exports = stored_data(server, job_id), len(ready_session.exports)
    signed = letter(tmp_path, "signed.pdf", b"signed by the talent")
    asked = []

    def chosen(*args):
        asked.append(args[3])
        return str(signed), ""

    monkeypatch.setattr(QFileDialog, "getOpenFileName", staticmethod(chosen))
    page.review.letter_button.click()
    qtbot.waitUntil(lambda: page.current_state() == "SUCCEED" and not page.runner.busy, timeout=90000)
    assert asked == ["Letters (*.pdf *.png *.jpg *.jpeg)"]
    assert [job.job_id for job in training_jobs(client)] == [job_id]
    assert len(JobStore(server.data_dir).get(job_id)["commits"]) == 2
    assert stored_data(server, job_id) == package
    stored = requests.get(client.show_voice_training_job(job_id).voice_authorization_url, timeout=10)
    assert stored.content == signed.read_bytes()
    assert len(Session.open(ready_session.folder).exports) == exports
    assert not page.review.isVisible()
    assert page.asset.text().startswith("Voice asset ID: ")


def test_the_same_letter_again_is_refused_with_what_to_do(
    qtbot,
    wizard,
    open_page,
    ready_session,  # noqa: F811
    cloud_sandbox,  # noqa: F811
    tmp_path,
    monkeypatch,
):
    first = letter(tmp_path, "unsigned.pdf", b"unsigned")
    submit(ready_session, client_of(cloud_sandbox("admin_reject=1x")), letter=first)
    page = track_page(qtbot, wizard, open_page, ready_session)
    qtbot.waitUntil(lambda: page.review.letter_button.isVisible(), timeout=30000)
    monkeypatch.setattr(QFileDialog, "getOpenFileName", staticmethod(lambda *args: (str(first), "")))
    page.review.letter_button.click()
    qtbot.waitUntil(lambda: page.banner.isVisible() and not page.runner.busy, timeout=30000)
    assert ADMIN_REJECT_REASON in page.banner.text
    assert page.current_state() == "AUDIT_FAILED"


def test_a_cancelled_file_dialog_sends_nothing(
    qtbot,
    wizard,
    open_page,
    ready_session,  # noqa: F811
    cloud_sandbox,  # noqa: F811
    tmp_path,
    monkeypatch,
):
    server = cloud_sandbox("admin_reject=1x")
    job_id = submit(ready_session, client_of(server), letter=letter(tmp_path, "a.pdf", b"a")).job_id
    page = track_page(qtbot, wizard, open_page, ready_session)
    qtbot.waitUntil(lambda: page.review.letter_button.isVisible(), timeout=30000)
    monkeypatch.setattr(QFileDialog, "getOpenFileName", staticmethod(lambda *args: ("", "")))
    page.review.letter_button.click()
    assert not page.runner.busy
    assert len(JobStore(server.data_dir).get(job_id)["commits"]) == 1


def test_a_sentence_rejection_shows_the_algorithms_reason_beside_the_sentences(
    qtbot,
    wizard,
    open_page,
    ready_session,  # noqa: F811
    cloud_sandbox,  # noqa: F811
):
    submit(ready_session, client_of(cloud_sandbox("reject=3")))
    page = track_page(qtbot, wizard, open_page, ready_session)
    qtbot.waitUntil(lambda: page.audit_box.isVisible() and page.review.isVisible(), timeout=30000)
    assert page.review.reasons_text.text().startswith("MetaStudio's automatic check: ")
    assert not page.review.letter_button.isVisible()
    assert page.rejected_sentences() == [3]


def wait_for_state(qtbot, page: TrackPage, state: str) -> None:
    """Press Check now whenever the page is idle until the job reaches ``state``."""

    def reached() -> bool:
        if page.current_state() != state and not page.runner.busy:
            page.refresh_button.click()
        return page.current_state() == state and not page.runner.busy

    qtbot.waitUntil(reached, timeout=60000)


def test_user_result_review_says_where_to_approve(qtbot, wizard, open_page, ready_session, cloud_sandbox):  # noqa: F811
    job_id = submit(ready_session, client_of(cloud_sandbox("user_review=1x"))).job_id
    page = track_page(qtbot, wizard, open_page, ready_session)
    wait_for_state(qtbot, page, "USER_RESULT_REVIEW")
    text = page.review.next_step.text()
    assert CONSOLE_URL in text
    assert job_id in text
    assert "accept or reject it there" in text
    assert page.state_text.text() == "The trained voice waits for your approval."
    assert page.review.isVisible()
    assert not page.review.new_job_button.isVisible()
    assert page.timeline.item(page.timeline.count() - 1).data(ICON_ROLE) == "warn"


def test_user_review_reject_offers_a_new_job(qtbot, wizard, open_page, ready_session, cloud_sandbox):  # noqa: F811
    cloud_sandbox("user_reject=1x")
    open_page(wizard, ready_session, PageId.RECORD)
    submit_page = walk_to(qtbot, wizard, PageId.SUBMIT)
    submit_page.submit_button.click()
    qtbot.waitUntil(lambda: submit_page.isComplete(), timeout=60000)
    first = records.latest(ready_session, records.TRAINING)["job_id"]
    page = walk_to(qtbot, wizard, PageId.TRACK)
    wait_for_state(qtbot, page, "USER_REVIEW_REJECT")
    assert "cannot be trained again" in page.review.next_step.text()
    assert page.state_text.text() == "The trained voice was rejected in your review."
    assert "Jobs window" in page.review.next_step.text()
    assert page.review.record_button.isVisible()
    assert page.review.new_job_button.isVisible()
    assert page.timeline.item(page.timeline.count() - 1).data(ICON_ROLE) == "fail"
    page.review.new_job_button.click()
    qtbot.waitUntil(lambda: page.record().job_id != first and not page.runner.busy, timeout=60000)
    assert records.latest(ready_session, records.TRAINING)["replaces"] == first
    page.review.record_button.click()
    assert wizard.currentId() == int(PageId.RECORD)


def test_split_failed_says_to_record_with_pauses(
    qtbot,
    wizard,
    open_page,
    session,
    cloud_sandbox,  # noqa: F811
    monkeypatch,
):
    monkeypatch.setitem(quotas.DURATION_LIMITS, "advance_min", 15)
    monkeypatch.setitem(quotas.DURATION_LIMITS, "advance_max", 30)
    client = client_of(cloud_sandbox("split_fail=1x"))
    created = client.create_training_job("ADVANCE", CreateTrainingJobReq(voice_name="Long voice"))
    archive_path = session.folder / "long.zip"
    with zipfile.ZipFile(archive_path, "w") as archive:
        archive.writestr("all.wav", wav_bytes(speechlike(20.0)))
    headers = {"Content-Type": "application/zip"}
    upload = requests.put(
        created.training_data_uploading_url, data=archive_path.read_bytes(), headers=headers, timeout=30
    )
    upload.raise_for_status()
    client.commit_voice_training_job(created.job_id)
    records.save(
        session,
        records.TRAINING,
        {"job_id": created.job_id, "step": "committed", "state": "SYSTEM_AUDITING"},
        new=True,
    )
    page = track_page(qtbot, wizard, open_page, session)
    wait_for_state(qtbot, page, "SPLIT_FAILED")
    assert "2–3 seconds between sentences" in page.review.next_step.text()
    assert page.state_text.text() == "The recording could not be cut into sentences."
    assert page.review.new_job_button.isVisible()
    assert page.timeline.item(page.timeline.count() - 1).data(ICON_ROLE) == "fail"


@pytest.mark.parametrize(
    ("state", "icon"),
    [
        ("SUCCEED", "pass"),
        ("FAILED", "fail"),
        ("SPLIT_FAILED", "fail"),
        ("USER_REVIEW_REJECT", "fail"),
        ("AUDIT_FAILED", "warn"),
        ("USER_RESULT_REVIEW", "warn"),
        ("PROCESSING", "unchecked"),
        ("SOMETHING_FAILED", "unchecked"),
    ],
)
def test_the_timeline_icon_follows_the_state_model(state, icon):
    assert state_icon(state) == icon


def test_states_in_the_timeline_keep_their_icon(qtbot, wizard, open_page, session):
    open_page(wizard, session, PageId.TRACK)
    page = wizard.page_of(PageId.TRACK)
    page.add_state("AUDIT_FAILED")
    item = page.timeline.item(page.timeline.count() - 1)
    assert (item.data(STATE_ROLE), item.data(ICON_ROLE)) == ("AUDIT_FAILED", "warn")


def test_coming_back_while_work_still_runs_tracks_once_it_ends(
    qtbot,
    wizard,
    open_page,
    ready_session,  # noqa: F811
    cloud_sandbox,  # noqa: F811
):
    submit(ready_session, client_of(cloud_sandbox("reject=3")))
    page = track_page(qtbot, wizard, open_page, ready_session)
    qtbot.waitUntil(lambda: page.review.isVisible(), timeout=30000)
    page.resubmit_button.click()
    assert page.runner.busy
    page.initializePage()
    assert page.reasons == ()
    qtbot.waitUntil(lambda: page.reasons != () and not page.runner.busy, timeout=30000)
    assert page.review.reasons_text.text().startswith("MetaStudio's automatic check: ")
