"""A SEGMENT session in the wizard with the fake microphone, against the sandbox over HTTP: the job
is created when recording starts, takes go up in the background with their states on the Record
page, a rejection offers "Re-record now", a lost connection is waited out calmly, closing stops
the sending and reopening resumes without a second job or a second upload of confirmed sentences."""

from __future__ import annotations

import sys
from pathlib import Path

import pytest
from PySide6.QtCore import Qt
from support import segment_app
from support.killed_runs import killed_when, training_records_on_disk
from support.memory_keyring import memory_keyring  # noqa: F401 (fixtures)
from support.ui_cloud import cloud_sandbox  # noqa: F401 (fixtures)
from support.workflow_rig import (
    FAST_POLL,
    client_of,
    new_session,
    point_environment_at,
    training_jobs,
    write_take,
)

from voicerecorder.sandbox import SandboxServer
from voicerecorder.session.store import Session
from voicerecorder.ui.page_ids import PageId
from voicerecorder.ui.pages.track import TrackPage
from voicerecorder.ui.segment_uploader import SegmentUploader, uploader_of
from voicerecorder.ui.take_recorder import State
from voicerecorder.ui.widgets.take_list import sentence_status
from voicerecorder.workflow import records
from voicerecorder.workflow.segments import CONFIRMED, REJECTED, UPLOADING, WAITING

FIRST_TAKES = range(1, 20)


@pytest.fixture
def segment_session(tmp_path: Path, services) -> Session:
    """A SEGMENT session with a passing take for sentences 2–20; sentence 1 is recorded in the test."""
    session = new_session(services.sessions_root / "segments", create_type="SEGMENT")
    sources = tmp_path / "take-sources"
    sources.mkdir()
    for index in FIRST_TAKES:
        session.add_take(index, write_take(sources, index, seed=index))
    return session


@pytest.fixture(autouse=True)
def quick_retries(monkeypatch):
    monkeypatch.setattr(SegmentUploader, "backoff_s", (0.2,))


def open_record_page(qtbot, wizard, open_page, session):
    open_page(wizard, session, PageId.RECORD)
    page = wizard.page_of(PageId.RECORD)
    qtbot.waitUntil(lambda: wizard.live.engine is not None, timeout=5000)
    return page


def start_recording(qtbot, page, server) -> str:
    """Space on sentence 1: the job is created while the take records; Space again stops it."""
    qtbot.keyClick(page, Qt.Key.Key_Space)
    assert page.recorder.state is State.RECORDING
    client = client_of(server)
    qtbot.waitUntil(lambda: len(training_jobs(client)) == 1, timeout=15000)
    qtbot.keyClick(page, Qt.Key.Key_Space)
    qtbot.waitUntil(lambda: page.recorder.state is State.IDLE, timeout=15000)
    return training_jobs(client)[0].job_id


def passing(session: Session) -> list[int]:
    return [
        index
        for index in range(session.sentence_count)
        if sentence_status(session, index) in ("pass", "warn")
    ]


def settled(page, session: Session) -> bool:
    states = page.segments.states
    return bool(states) and sum(s.state in (CONFIRMED, REJECTED) for s in states) == len(passing(session))


def test_states_are_shown_and_a_rejected_sentence_is_replaced(
    qtbot,
    wizard,
    open_page,
    segment_session,
    cloud_sandbox,  # noqa: F811
):
    server = cloud_sandbox("segment_reject=3")
    session = segment_session
    page = open_record_page(qtbot, wizard, open_page, session)
    assert page.segments.isVisible()
    qtbot.waitUntil(lambda: len(page.segments.states) == 20, timeout=5000)
    assert page.segments.summary.text() == "0 of 20 confirmed by MetaStudio · 20 waiting"
    assert training_jobs(client_of(server)) == []
    job_id = start_recording(qtbot, page, server)
    qtbot.waitUntil(lambda: settled(page, session), timeout=60000)
    assert page.segments.rejected() == [3]
    confirmed = len(passing(session)) - 1
    assert page.segments.summary.text().startswith(f"{confirmed} of 20 confirmed by MetaStudio")
    assert "1 rejected" in page.segments.summary.text()
    assert page.take_list.status(3) == "fail"
    assert page.segments.rerecord_button.isVisible()

    qtbot.mouseClick(page.segments.rerecord_button, Qt.MouseButton.LeftButton)
    assert page.index == 3
    assert page.segments.current.text().startswith("✖ This sentence: rejected by MetaStudio")
    assert "MetaStudio heard something different from the text" in page.segments.current.text()
    replacement = session.add_take(3, write_take(session.folder.parent, 3, seed=1003)).file
    page.use_take(replacement)  # the take history's "Use this take" on a new take
    qtbot.waitUntil(lambda: page.segments.states[3].state == CONFIRMED, timeout=30000)
    assert page.segments.current.text() == "✔ This sentence: confirmed by MetaStudio"
    assert not page.segments.rerecord_button.isVisible()
    record = records.latest(session, records.TRAINING)
    assert record["segments"]["3"]["take"] == replacement
    assert [job.job_id for job in training_jobs(client_of(server))] == [job_id]


def confirmed_in(record: dict) -> set[int]:
    """The sentences a training record says MetaStudio confirmed."""
    return {int(key) for key, entry in record["segments"].items() if entry["state"] == CONFIRMED}


def resume(qtbot, wizard, services, open_page, session: Session):
    """Reopen ``session`` on the Record page of ``wizard`` and wait until every passing sentence
    is confirmed; the page and the sentences it sent again."""
    reopened = Session.open(session.folder, writer="tests")
    sent: set[int] = set()
    uploader_of(wizard.holder, services.settings).states_changed.connect(
        lambda states: sent.update(state.index for state in states if state.state == UPLOADING)
    )
    resumed = open_record_page(qtbot, wizard, open_page, reopened)
    wanted = len(passing(session))
    qtbot.waitUntil(lambda: resumed.segments.count(CONFIRMED) == wanted, timeout=60000)
    return resumed, sent


def test_closing_stops_the_sending_and_reopening_resumes_it(
    qtbot,
    services,
    make_wizard,
    open_page,
    segment_session,
    cloud_sandbox,  # noqa: F811
):
    server = cloud_sandbox("latency=0.1")
    session = segment_session
    wizard = make_wizard(services)
    page = open_record_page(qtbot, wizard, open_page, session)
    job_id = start_recording(qtbot, page, server)
    qtbot.waitUntil(lambda: page.segments.count(CONFIRMED) >= 4, timeout=60000)
    assert wizard.leave(ask=False)
    assert not page.uploads.running
    wanted = passing(session)
    before = records.latest(session, records.TRAINING)
    confirmed = confirmed_in(before)
    assert 4 <= len(confirmed) < len(wanted)
    puts = server.served("ObsPut")
    wizard.holder.close()

    resumed, sent = resume(qtbot, make_wizard(services), services, open_page, session)
    assert resumed.segments.summary.text().startswith(f"{len(wanted)} of 20 confirmed")
    assert sent == set(wanted) - confirmed
    # Audio and text of each sentence sent again; the PUT cancelled at closing may reach the
    # sandbox after it was counted.
    assert 0 <= server.served("ObsPut") - puts - 2 * len(sent) <= 1
    client = client_of(server)
    assert [job.job_id for job in training_jobs(client)] == [job_id]
    assert sorted(client.show_training_segment_info(job_id).confirmed_index) == wanted


def test_killing_the_app_mid_queue_and_reopening_resumes_without_a_second_job(
    qtbot,
    services,
    make_wizard,
    open_page,
    segment_session,
    cloud_sandbox,  # noqa: F811
    tmp_path,
):
    server = cloud_sandbox("latency=0.1")
    session = segment_session
    session.close()  # the app below takes the session's lock

    def four_confirmed() -> bool:
        segments = (training_records_on_disk(session) or [{}])[-1].get("segments") or {}
        return sum(entry["state"] == CONFIRMED for entry in segments.values()) >= 4

    app = [sys.executable, segment_app.__file__, str(session.folder), str(tmp_path / "app.ini")]
    stderr = killed_when(app, four_confirmed)
    killed = records.latest(Session.open(session.folder), records.TRAINING)
    assert killed is not None, stderr
    wanted = passing(session)
    confirmed = confirmed_in(killed)
    assert 4 <= len(confirmed) < len(wanted), stderr

    _, sent = resume(qtbot, make_wizard(services), services, open_page, session)
    # The sentence in flight when the app was killed is sent again unless MetaStudio had confirmed it.
    assert sent <= set(wanted) - confirmed
    assert len(set(wanted) - confirmed - sent) <= 1
    client = client_of(server)
    assert [job.job_id for job in training_jobs(client)] == [killed["job_id"]]
    assert sorted(client.show_training_segment_info(killed["job_id"]).confirmed_index) == wanted


def test_a_lost_connection_shows_a_calm_notice_and_the_sending_goes_on(
    qtbot,
    wizard,
    open_page,
    segment_session,
    monkeypatch,
    tmp_path,
    memory_keyring,  # noqa: F811
):
    server = SandboxServer(tmp_path / "sandbox", speed=400.0).start()
    try:
        point_environment_at(monkeypatch, server)
        session = segment_session
        page = open_record_page(qtbot, wizard, open_page, session)
        start_recording(qtbot, page, server)
        qtbot.waitUntil(lambda: page.segments.count(CONFIRMED) >= 2, timeout=60000)
        port = int(server.base_url.rsplit(":", 1)[1])
        server.stop()
        qtbot.waitUntil(lambda: page.segments.notice.isVisible(), timeout=60000)
        assert page.segments.notice.text().startswith(
            "MetaStudio cannot be reached right now. Keep recording"
        )
        assert not page.banner.isVisible()
        assert page.recorder.state is State.IDLE
        server = SandboxServer(tmp_path / "sandbox", port=port, speed=400.0).start()
        qtbot.waitUntil(lambda: settled(page, session), timeout=60000)
        assert not page.segments.notice.isVisible()
        assert page.segments.count(WAITING) == 20 - len(passing(session))
    finally:
        server.stop()


def test_submit_sends_what_is_pending_commits_and_track_follows(
    qtbot,
    wizard,
    open_page,
    segment_session,
    tmp_path,
    monkeypatch,
    cloud_sandbox,  # noqa: F811
):
    monkeypatch.setattr(TrackPage, "poll_policy", FAST_POLL)
    server = cloud_sandbox()
    session = segment_session
    session.add_take(0, write_take(tmp_path / "take-sources", 0, seed=0))
    open_page(wizard, session, PageId.SUBMIT)
    submit = wizard.page_of(PageId.SUBMIT)
    qtbot.waitUntil(lambda: submit.segments.text() != "", timeout=10000)
    assert submit.segments.text().startswith("Sentence by sentence: 0 of 20 confirmed by MetaStudio.")
    assert "Not confirmed yet: Sentence 1 (file 0.wav), Sentence 2 (file 1.wav)" in submit.segments.text()
    qtbot.waitUntil(lambda: submit.target is not None, timeout=10000)
    qtbot.mouseClick(submit.submit_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: not submit.runner.busy, timeout=60000)
    assert not submit.banner.isVisible(), submit.banner.text
    qtbot.waitUntil(lambda: "all 20 sentences are confirmed" in submit.segments.text(), timeout=10000)
    job_id = submit.submitted_job_id()
    assert submit.job.text() == f"Submitted. Job ID: {job_id}"
    wizard.next()
    track = wizard.page_of(PageId.TRACK)
    qtbot.waitUntil(lambda: track.current_state() == "SUCCEED", timeout=90000)
    client = client_of(server)
    assert [job.job_id for job in training_jobs(client)] == [job_id]
    assert sorted(client.show_training_segment_info(job_id).confirmed_index) == list(range(20))


def test_without_cloud_settings_nothing_is_sent_until_they_are_complete(
    qtbot,
    wizard,
    open_page,
    segment_session,
    monkeypatch,
    tmp_path,
    memory_keyring,  # noqa: F811
):
    for name in ("CLOUD_SDK_AK", "CLOUD_SDK_SK", "METASTUDIO_ENDPOINT", "METASTUDIO_PROJECT_ID"):
        monkeypatch.delenv(name, raising=False)
    server = SandboxServer(tmp_path / "sandbox", speed=400.0).start()
    try:
        session = segment_session
        page = open_record_page(qtbot, wizard, open_page, session)
        qtbot.keyClick(page, Qt.Key.Key_Space)
        qtbot.waitUntil(lambda: page.segments.notice.isVisible(), timeout=15000)
        assert page.segments.notice.text().startswith("The cloud settings are not complete")
        qtbot.keyClick(page, Qt.Key.Key_Space)
        qtbot.waitUntil(lambda: page.recorder.state is State.IDLE, timeout=15000)
        assert records.latest(session, records.TRAINING) is None
        assert training_jobs(client_of(server)) == []

        point_environment_at(monkeypatch, server)
        page.go(1)
        page.use_take(session.chosen_take(1).file)
        qtbot.waitUntil(lambda: settled(page, session), timeout=60000)
        assert not page.segments.notice.isVisible()
        assert len(training_jobs(client_of(server))) == 1
    finally:
        server.stop()
