"""The whole wizard, driven like a person with the keyboard and the Next button, while the virtual
microphone (PulseAudio, espeak-ng) is the room and the talent: from Start through the room-tone and
loud-line checks to a trained voice in the sandbox, the AUDIT_FAILED path (re-record the
rejected sentences, resubmit, same job), and a SEGMENT session whose sentences MetaStudio confirms
while they are recorded (two rejected, re-recorded at once, confirmed)."""

from __future__ import annotations

import math
from collections.abc import Iterable
from pathlib import Path

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QWizard
from support.memory_keyring import memory_keyring  # noqa: F401 (fixtures)
from support.mic_check import LOUD_PEAK, QUIET_ROOM_RMS, in_a_room, measure_room_tone, read_loud_line, room
from support.ui_cloud import cloud_sandbox  # noqa: F401 (fixtures)
from support.workflow_rig import FAST_POLL, client_of

from voicerecorder.audio.sounddevice_backend import SoundDeviceBackend
from voicerecorder.cloud.models import ListJobsQuery
from voicerecorder.session.store import Session
from voicerecorder.ui.page_ids import PageId
from voicerecorder.ui.pages.quality_check import QualityCheckPage
from voicerecorder.ui.pages.track import TrackPage
from voicerecorder.ui.take_recorder import State
from voicerecorder.workflow import records
from voicerecorder.workflow.segments import CONFIRMED

pytestmark = [pytest.mark.realaudio, pytest.mark.slow, pytest.mark.timeout(420)]

LANGUAGE = "EN"
MIN_TAKE_S = 5.8
PEAK = 0.4
ATTEMPTS = 3
PASSING = ("pass", "warn")


@pytest.fixture(autouse=True)
def fast_polling(monkeypatch):
    monkeypatch.setattr(TrackPage, "poll_policy", FAST_POLL)
    monkeypatch.setattr(QualityCheckPage, "poll_policy", FAST_POLL)


def click_next(qtbot, wizard, expected: PageId) -> None:
    """Wait until the page allows it, click Next, and wait until the wizard shows ``expected`` (a
    page may first finish its disk work in a worker, then go on by itself)."""
    button = wizard.button(QWizard.WizardButton.NextButton)
    qtbot.waitUntil(lambda: wizard.currentPage().isComplete() and button.isEnabled(), timeout=30000)
    qtbot.mouseClick(button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: wizard.currentId() == int(expected), timeout=15000)


def read_aloud(qtbot, page, virtual_mic, speech: Path, key: Qt.Key = Qt.Key.Key_Space) -> None:
    """``key`` starts a take, the microphone reads ``speech``, Space stops once it has been read."""
    qtbot.keyClick(page, key)
    assert page.recorder.state is State.RECORDING
    playback = virtual_mic.play(speech)
    qtbot.waitUntil(lambda: playback.process.poll() is not None, timeout=30000)
    qtbot.wait(150)
    qtbot.keyClick(page, Qt.Key.Key_Space)
    qtbot.waitUntil(lambda: page.recorder.state is State.IDLE and page.report is not None, timeout=20000)


def record_sentence(qtbot, page, virtual_mic, session: Session) -> int:
    """Record the sentence shown until its take passes (R for another attempt); returns the attempts."""
    speech = in_a_room(virtual_mic.speak(session.sentence(page.index).text, LANGUAGE), PEAK, MIN_TAKE_S)
    for attempt in range(1, ATTEMPTS + 1):
        read_aloud(qtbot, page, virtual_mic, speech, Qt.Key.Key_Space if attempt == 1 else Qt.Key.Key_R)
        if page.take_list.status(page.index) in PASSING:
            return attempt
    raise AssertionError(f"sentence {page.index + 1} never passed: {page.panel.findings.messages()}")


def check_microphone(qtbot, wizard, virtual_mic, *, measure: bool) -> None:
    """In a quiet room, the meter follows a tone; with ``measure``, the room tone and the loud line
    read at full voice pass, at the levels played, and Next leads to Record; without, "Skip the
    checks" does, and the session remembers which."""
    microphone = wizard.page_of(PageId.MICROPHONE)
    with room(virtual_mic, QUIET_ROOM_RMS):
        qtbot.waitUntil(microphone.input_ready, timeout=15000)
        tone = virtual_mic.play(virtual_mic.tone(440, 1.5, 0.3))
        qtbot.waitUntil(lambda: microphone.meter.peak_dbfs > -30, timeout=10000)
        tone.wait()
        if measure:
            noise = measure_room_tone(qtbot, microphone, QUIET_ROOM_RMS).finding("noise_floor")
            assert microphone.room_status.text() == "Passed", microphone.room_findings.messages()
            assert noise.value == pytest.approx(20 * math.log10(QUIET_ROOM_RMS), abs=2.0)
            assert "The room is quiet" in " ".join(microphone.room_findings.messages())
            line = read_loud_line(qtbot, microphone, virtual_mic, LANGUAGE).finding("loudness")
            assert microphone.line_status.text() == "Passed", microphone.line_findings.messages()
            assert line.value == pytest.approx(20 * math.log10(LOUD_PEAK), abs=1.0)
            assert "the gain is right" in " ".join(microphone.line_findings.messages())
            click_next(qtbot, wizard, PageId.RECORD)
        else:
            assert not microphone.isComplete()
            qtbot.mouseClick(microphone.skip_button, Qt.MouseButton.LeftButton)
            qtbot.waitUntil(lambda: wizard.currentId() == int(PageId.RECORD), timeout=15000)
    assert wizard.holder.require().microphone_check == ("done" if measure else "skipped")


def record_sentences(qtbot, record, virtual_mic, session: Session, indices: Iterable[int]) -> None:
    """Record each of ``indices`` in turn (it must be the sentence shown), Right arrow after each."""
    for index in indices:
        assert record.index == index
        assert record.position.text() == f"Sentence {index + 1} / {session.sentence_count}"
        record_sentence(qtbot, record, virtual_mic, session)
        qtbot.keyClick(record, Qt.Key.Key_Right)


def submit_and_track(qtbot, wizard) -> TrackPage:
    """Submit on the Submit page, wait until it is sent, and go on to Track."""
    submit = wizard.page_of(PageId.SUBMIT)
    qtbot.waitUntil(lambda: submit.target is not None, timeout=10000)
    qtbot.mouseClick(submit.submit_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: not submit.runner.busy, timeout=90000)
    assert not submit.banner.isVisible(), submit.banner.text
    click_next(qtbot, wizard, PageId.TRACK)
    return wizard.page_of(PageId.TRACK)


def walk_to_submitted_job(
    qtbot, wizard, virtual_mic, open_page, *, measure_room: bool
) -> tuple[Session, TrackPage]:
    """Start → Voice details → Microphone check → Record all → Review → Quality check → Submit → Track."""
    open_page(wizard, None, PageId.START)
    start = wizard.page_of(PageId.START)
    assert start.new_radio.isChecked()
    click_next(qtbot, wizard, PageId.VOICE)

    voice = wizard.page_of(PageId.VOICE)
    qtbot.keyClicks(voice.voice_name, "Robin E2E")
    voice.sex.setCurrentIndex(voice.sex.findData("FEMALE"))
    voice.tag.setCurrentIndex(voice.tag.findData("ECOMMERCE"))
    voice.language.setCurrentIndex(voice.language.findData(LANGUAGE))
    voice.edition.setCurrentIndex(voice.edition.findData("BASIC"))
    voice.options.toggle.setChecked(True)
    qtbot.keyClicks(voice.description, "A warm voice for product videos.")
    voice.builtin_radio.setChecked(True)
    click_next(qtbot, wizard, PageId.MICROPHONE)
    session = wizard.holder.require()
    assert session.sentence_count == 20
    check_microphone(qtbot, wizard, virtual_mic, measure=measure_room)

    record = wizard.page_of(PageId.RECORD)
    record.auto_advance.setChecked(False)
    assert record.live.engine.wait_for_audio(10)
    record_sentences(qtbot, record, virtual_mic, session, range(session.sentence_count))
    assert all(record.take_list.status(i) in PASSING for i in range(20))
    click_next(qtbot, wizard, PageId.REVIEW)
    click_next(qtbot, wizard, PageId.QUALITY)

    quality = wizard.page_of(PageId.QUALITY)
    qtbot.waitUntil(lambda: quality.target is not None, timeout=10000)
    qtbot.mouseClick(quality.start_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: not quality.runner.busy, timeout=60000)
    assert not quality.banner.isVisible(), quality.banner.text
    assert records.latest(session, records.ASSESS) is not None
    click_next(qtbot, wizard, PageId.SUBMIT)
    return session, submit_and_track(qtbot, wizard)


@pytest.fixture
def real_wizard(make_wizard, services, virtual_mic):
    services.backend = SoundDeviceBackend()
    return make_wizard(services)


def test_spoken_session_from_start_to_a_trained_voice(
    qtbot,
    real_wizard,
    virtual_mic,
    open_page,
    cloud_sandbox,  # noqa: F811
):
    cloud_sandbox()
    session, track = walk_to_submitted_job(qtbot, real_wizard, virtual_mic, open_page, measure_room=True)
    qtbot.waitUntil(lambda: track.current_state() == "SUCCEED", timeout=90000)
    job = records.latest(session, records.TRAINING)
    assert track.job.text() == f"Job ID: {job['job_id']}"
    assert job["asset_id"]
    assert track.asset.text() == f"Voice asset ID: {job['asset_id']}"
    reopened = Session.open(session.folder)
    assert all(reopened.chosen_take(i).capture["device"]["name"] for i in range(20))


def test_rejected_sentences_are_re_recorded_and_the_same_job_succeeds(
    qtbot,
    real_wizard,
    virtual_mic,
    open_page,
    cloud_sandbox,  # noqa: F811
):
    cloud_sandbox("reject=2,4")
    wizard = real_wizard
    session, track = walk_to_submitted_job(qtbot, wizard, virtual_mic, open_page, measure_room=False)
    qtbot.waitUntil(lambda: track.audit_box.isVisible() and not track.runner.busy, timeout=90000)
    job_id = records.latest(session, records.TRAINING)["job_id"]
    assert track.rejected_sentences() == [2, 4]
    assert track.audit_list.count() == 2

    qtbot.mouseClick(track.rerecord_button, Qt.MouseButton.LeftButton)
    assert wizard.currentId() == int(PageId.RECORD)
    record = wizard.page_of(PageId.RECORD)
    assert "Re-recording 2 rejected sentences" in record.limit_banner.text
    assert not wizard.button(QWizard.WizardButton.NextButton).isEnabled()
    record_sentences(qtbot, record, virtual_mic, session, [2, 4])
    assert record.index == 4
    assert "All rejected sentences" in record.limit_banner.text
    click_next(qtbot, wizard, PageId.SUBMIT)
    assert submit_and_track(qtbot, wizard) is track
    qtbot.waitUntil(lambda: track.current_state() == "SUCCEED", timeout=90000)
    job = records.latest(session, records.TRAINING)
    assert job["job_id"] == job_id
    assert track.asset.text() == f"Voice asset ID: {job['asset_id']}"


def test_a_segment_session_is_confirmed_sentence_by_sentence_and_trained(
    qtbot,
    real_wizard,
    virtual_mic,
    open_page,
    make_session,
    cloud_sandbox,  # noqa: F811
):
    server = cloud_sandbox("segment_reject=2,4")
    client = client_of(server)
    wizard, session = real_wizard, make_session(create_type="SEGMENT")
    open_page(wizard, session, PageId.RECORD)
    record = wizard.page_of(PageId.RECORD)
    record.auto_advance.setChecked(False)
    qtbot.waitUntil(lambda: record.live.engine is not None, timeout=15000)
    assert record.live.engine.wait_for_audio(10)
    record_sentences(qtbot, record, virtual_mic, session, range(session.sentence_count))
    [job] = list(client.list_voice_training_jobs(ListJobsQuery(limit=100)).jobs)
    assert job.create_type == "SEGMENT"
    states = record.segments
    qtbot.waitUntil(lambda: states.count(CONFIRMED) == 18 and states.rejected() == [2, 4], timeout=60000)
    assert "18 of 20 confirmed by MetaStudio" in states.summary.text()

    for index in (2, 4):
        qtbot.mouseClick(states.rerecord_button, Qt.MouseButton.LeftButton)
        assert record.index == index
        assert "MetaStudio heard something different from the text" in states.current.text()
        record_sentence(qtbot, record, virtual_mic, session)
    qtbot.waitUntil(lambda: states.count(CONFIRMED) == 20, timeout=60000)
    assert not states.rerecord_button.isVisible()

    click_next(qtbot, wizard, PageId.REVIEW)
    click_next(qtbot, wizard, PageId.QUALITY)
    click_next(qtbot, wizard, PageId.SUBMIT)
    submit = wizard.page_of(PageId.SUBMIT)
    qtbot.waitUntil(lambda: "all 20 sentences are confirmed" in submit.segments.text(), timeout=10000)
    track = submit_and_track(qtbot, wizard)
    qtbot.waitUntil(lambda: track.current_state() == "SUCCEED", timeout=90000)
    assert [listed.job_id for listed in client.list_voice_training_jobs(ListJobsQuery(limit=100)).jobs] == [
        job.job_id
    ]
    assert sorted(client.show_training_segment_info(job.job_id).confirmed_index) == list(range(20))
    assert records.latest(session, records.TRAINING)["package"] is None
