"""The Record page with the fake microphone: keys, saving, verdicts, navigation, banners, resume."""

from __future__ import annotations

import json

import numpy as np
import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QPushButton

from voicerecorder.audio.capture import STALL_AFTER_S
from voicerecorder.audio.capture import Level as InputLevel
from voicerecorder.session.store import Session
from voicerecorder.ui import i18n
from voicerecorder.ui.demo import speech_like
from voicerecorder.ui.page_ids import PageId
from voicerecorder.ui.take_recorder import State


def record_page(qtbot, wizard, open_page, session):
    open_page(wizard, session, PageId.RECORD)
    page = wizard.page_of(PageId.RECORD)
    errors = []
    wizard.live.failed.connect(errors.append)
    qtbot.waitUntil(lambda: wizard.live.engine is not None or bool(errors), timeout=5000)
    assert not errors, errors
    return page


class Talker:
    """A fake-microphone source that is quiet except while ``speaking`` (frame range) holds.

    The speech starts at the beginning of its first phrase whenever the range starts, so a take
    holds the same phrases (none cut to a click) however late the take really began.
    """

    def __init__(self) -> None:
        self.speaking = range(0)

    def __call__(self, first: int, frames: int, samplerate: int) -> np.ndarray:
        quiet = np.random.default_rng(first).normal(0, 0.0003, frames).astype(np.float32)
        if first + frames <= self.speaking.start or first >= self.speaking.stop:
            return quiet
        voice = speech_like(max(0, first - self.speaking.start), frames, samplerate)
        index = np.arange(first, first + frames)
        inside = (index >= self.speaking.start) & (index < self.speaking.stop)
        return np.where(inside, voice, quiet).astype(np.float32)


def record_one(qtbot, page, seconds: float = 1.5, talker: Talker | None = None):
    """Record ``seconds`` of (fake, 4x real time) audio with Space ... Space and wait for the verdict.

    With ``talker``, it speaks from 1 s after the take really started (the take file is created
    in a worker) until 1 s before the end.
    """
    engine = page.live.engine
    qtbot.keyClick(page, Qt.Key.Key_Space)
    assert page.recorder.state is State.RECORDING
    qtbot.waitUntil(lambda: engine.recording, timeout=5000)
    start = engine.frames_captured
    if talker is not None:
        talker.speaking = range(start + engine.samplerate, start + round((seconds - 1) * engine.samplerate))
    until = start + seconds * engine.samplerate
    qtbot.waitUntil(lambda: engine.frames_captured >= until, timeout=int(seconds * 1000) + 3000)
    qtbot.keyClick(page, Qt.Key.Key_Space)
    qtbot.waitUntil(lambda: page.recorder.state is State.IDLE and page.report is not None, timeout=15000)


def test_space_records_a_take_that_is_saved_checked_and_shown(qtbot, wizard, open_page, session):
    page = record_page(qtbot, wizard, open_page, session)
    assert page.prompt.text() == session.sentence(0).text
    assert page.position.text() == "Sentence 1 / 20"
    record_one(qtbot, page)
    reopened = Session.open(session.folder)
    take = reopened.chosen_take(0)
    assert take is not None
    assert take.check is not None
    assert reopened.take_path(0, take).is_file()
    assert page.waveform.has_waveform
    assert page.panel.verdict.text()
    assert page.take_list.status(0) == take.check["verdict"]
    assert "speaking rate" in page.panel.rate.text().lower()


def test_arrows_move_between_sentences_and_the_position_is_saved(qtbot, wizard, open_page, session):
    page = record_page(qtbot, wizard, open_page, session)
    qtbot.keyClick(page, Qt.Key.Key_Right)
    qtbot.keyClick(page, Qt.Key.Key_Right)
    assert page.index == 2
    assert page.prompt.text() == session.sentence(2).text
    qtbot.keyClick(page, Qt.Key.Key_Left)
    assert page.index == 1
    qtbot.waitUntil(lambda: Session.open(session.folder).current_index == 1, timeout=3000)
    qtbot.keyClick(page, Qt.Key.Key_Left)
    qtbot.keyClick(page, Qt.Key.Key_Left)
    assert page.index == 0


def test_take_list_jumps_to_a_sentence(qtbot, wizard, open_page, session):
    page = record_page(qtbot, wizard, open_page, session)
    page.take_list.sentence_activated.emit(7)
    assert page.index == 7
    assert page.take_list.currentRow() == 7
    assert page.take_list.status(7) == "missing"


def test_p_plays_the_chosen_take_and_r_records_another(qtbot, wizard, open_page, session, player):
    page = record_page(qtbot, wizard, open_page, session)
    record_one(qtbot, page)
    qtbot.keyClick(page, Qt.Key.Key_P)
    qtbot.waitUntil(lambda: len(player.played) == 1, timeout=5000)
    samples, rate = player.played[0]
    assert rate == 48000
    assert len(samples) > rate // 4
    qtbot.keyClick(page, Qt.Key.Key_R)
    assert page.recorder.state is State.RECORDING
    qtbot.wait(300)
    qtbot.keyClick(page, Qt.Key.Key_Space)
    qtbot.waitUntil(lambda: page.recorder.state is State.IDLE, timeout=15000)
    qtbot.waitUntil(lambda: len(Session.open(session.folder).takes(0)) == 2, timeout=5000)


def test_keys_are_shown_on_screen(qtbot, wizard, open_page, session):
    page = record_page(qtbot, wizard, open_page, session)
    assert "Space" in page.keys.text()
    assert "P" in page.keys.text()
    assert "R" in page.keys.text()
    assert "(Space)" in page.buttons["record"].text()
    for button in page.buttons.values():
        assert button.accessibleName()


@pytest.mark.parametrize("auto", [True, False])
def test_auto_advance_moves_on_after_a_passing_take_only_when_chosen(
    qtbot, wizard, open_page, session, backend, auto
):
    talker = Talker()
    backend.source = talker
    page = record_page(qtbot, wizard, open_page, session)
    page.auto_advance.setChecked(auto)
    record_one(qtbot, page, seconds=8.0, talker=talker)
    assert page.take_list.status(0) == "pass", page.panel.findings.messages()
    if auto:
        qtbot.waitUntil(lambda: page.index == 1, timeout=3000)
    else:
        qtbot.wait(1000)
        assert page.index == 0


def test_input_stopped_is_shown_as_a_banner(qtbot, wizard, open_page, session, backend):
    page = record_page(qtbot, wizard, open_page, session)
    qtbot.keyClick(page, Qt.Key.Key_Space)
    backend.last_stream.stall(STALL_AFTER_S + 1.0)
    qtbot.waitUntil(lambda: page.banner.isVisible(), timeout=5000)
    assert "Input stopped" in page.banner.text
    assert page.banner.kind == "error"


def test_break_reminder_after_a_long_stretch(qtbot, services, make_wizard, open_page, session):
    services.break_after_s = 0.5
    wizard = make_wizard(services)
    page = record_page(qtbot, wizard, open_page, session)
    qtbot.keyClick(page, Qt.Key.Key_Space)
    qtbot.waitUntil(lambda: page.break_banner.isVisible(), timeout=4000)
    assert "break" in page.break_banner.text
    page.break_banner.action.click()
    assert not page.break_banner.isVisible()


def test_closing_and_reopening_resumes_at_the_same_sentence_with_takes_intact(
    qtbot, services, make_wizard, open_page, session
):
    wizard = make_wizard(services)
    page = record_page(qtbot, wizard, open_page, session)
    record_one(qtbot, page)
    qtbot.keyClick(page, Qt.Key.Key_Right)
    qtbot.keyClick(page, Qt.Key.Key_Right)
    record_one(qtbot, page)
    qtbot.keyClick(page, Qt.Key.Key_Space)  # a take in progress when the window closes
    qtbot.wait(200)
    assert wizard.leave(ask=False)
    wizard.close()

    again = make_wizard(services)
    start = again.page_of(PageId.START)
    open_page(again, None, PageId.START)
    qtbot.waitUntil(lambda: start.sessions.topLevelItemCount() == 1, timeout=5000)
    start.resume_radio.setChecked(True)
    again.next()
    qtbot.waitUntil(lambda: again.currentId() == PageId.MICROPHONE, timeout=5000)
    microphone = again.page_of(PageId.MICROPHONE)
    qtbot.waitUntil(microphone.input_ready, timeout=5000)
    qtbot.mouseClick(microphone.skip_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: again.currentId() == PageId.RECORD, timeout=5000)
    resumed = again.page_of(PageId.RECORD)
    assert resumed.index == 2
    assert resumed.prompt.text() == session.sentence(2).text
    reopened = again.holder.require()
    assert reopened.chosen_take(0) is not None
    assert len(reopened.takes(2)) == 2
    assert resumed.take_list.status(1) == "missing"
    assert resumed.take_list.status(0) != "missing"


@pytest.mark.parametrize("focused", ["record", "rerecord", "take_list", "history"])
def test_space_toggles_once_whatever_has_the_focus(qtbot, wizard, open_page, session, focused):
    page = record_page(qtbot, wizard, open_page, session)
    others = {"take_list": page.take_list, "history": page.history.table}
    widget = others[focused] if focused in others else page.buttons[focused]
    widget.setFocus()
    qtbot.keyClick(widget, Qt.Key.Key_Space)
    assert page.recorder.state is State.RECORDING
    qtbot.keyClick(widget, Qt.Key.Key_Space)
    assert page.recorder.state is State.CHECKING
    qtbot.waitUntil(lambda: page.recorder.state is State.IDLE, timeout=15000)
    assert len(Session.open(session.folder).takes(0)) == 1


def test_language_change_with_a_session_before_the_page_was_shown(qtbot, wizard, session):
    wizard.holder.set(session)
    i18n.set_language("zh_CN")
    qtbot.wait(50)
    assert wizard.page_of(PageId.RECORD).title() == "录音"


def test_limited_mode_moves_only_among_rejected_sentences_and_then_leads_to_submit(
    qtbot, wizard, open_page, session, backend
):
    talker = Talker()
    backend.source = talker
    page = record_page(qtbot, wizard, open_page, session)
    session.mark_for_rerecord([2, 5])  # by the audit, while the page was already filled
    page.set_limited(sorted(session.marked_for_rerecord))
    assert page.index == 2
    assert page.take_list.status(2) == "fail"
    assert page.limit_banner.isVisible()
    assert "Re-recording 2 rejected sentences" in page.limit_banner.text
    assert page.take_list.isRowHidden(0)
    assert page.take_list.isRowHidden(3)
    assert not page.take_list.isRowHidden(2)
    assert not page.take_list.isRowHidden(5)
    qtbot.waitUntil(lambda: " 2 sentences left" in page.times.text(), timeout=3000)
    qtbot.keyClick(page, Qt.Key.Key_Right)
    assert page.index == 5
    qtbot.keyClick(page, Qt.Key.Key_Right)
    assert page.index == 5
    page.take_list.sentence_activated.emit(7)
    assert page.index == 5
    qtbot.keyClick(page, Qt.Key.Key_Left)
    qtbot.keyClick(page, Qt.Key.Key_Left)
    assert page.index == 2
    assert not page.isComplete()
    assert not wizard.button(wizard.WizardButton.NextButton).isEnabled()
    for index in (2, 5):
        page.go(index)
        record_one(qtbot, page, seconds=8.0, talker=talker)
        assert page.take_list.status(index) in ("pass", "warn"), page.panel.findings.messages()
    assert page.isComplete()
    assert "All rejected sentences" in page.limit_banner.text
    assert page.nextId() == PageId.SUBMIT
    assert Session.open(session.folder).marked_for_rerecord == frozenset()
    page.set_limited(())
    assert not page.limit_banner.isVisible()
    assert not page.take_list.isRowHidden(0)
    assert page.nextId() == PageId.REVIEW


def test_the_take_history_lists_every_take_and_use_this_take_chooses_an_earlier_one(
    qtbot, wizard, open_page, session
):
    page = record_page(qtbot, wizard, open_page, session)
    page.auto_advance.setChecked(False)
    record_one(qtbot, page)
    record_one(qtbot, page)
    history = page.history
    assert [row.number for row in history.rows] == [1, 2]
    assert [row.chosen for row in history.rows] == [False, True]
    first = history.table.topLevelItem(0)
    assert first.text(0) == "1"
    assert history.table.topLevelItem(1).text(0) == "2 (chosen)"
    assert first.text(2).endswith(" s")
    assert first.text(4) == "Recorded"
    assert first.text(3) in ("Good", "Usable", "Record again")
    assert not history.use_button.isEnabled()
    history.table.setCurrentItem(first)
    assert history.use_button.isEnabled()
    qtbot.mouseClick(history.use_button, Qt.MouseButton.LeftButton)
    earlier = history.rows[0].file
    qtbot.waitUntil(lambda: page.history.rows[0].chosen, timeout=5000)
    reopened = Session.open(session.folder)
    assert reopened.chosen_take(0).file == earlier
    state = json.loads(reopened.manifest_path.read_text(encoding="utf-8"))["sentences"][0]
    assert state["chosen"] == earlier
    assert state["chosen_by_user"] is True
    assert history.table.topLevelItem(0).text(0) == "1 (chosen)"
    qtbot.waitUntil(lambda: page.waveform.has_waveform, timeout=5000)


def test_p_plays_the_selected_take_with_a_playing_state_and_p_again_stops_it(
    qtbot, wizard, open_page, session, player
):
    page = record_page(qtbot, wizard, open_page, session)
    page.auto_advance.setChecked(False)
    record_one(qtbot, page, seconds=3.0)
    file = page.history.rows[0].file
    qtbot.keyClick(page, Qt.Key.Key_P)
    qtbot.waitUntil(lambda: page.history.playing == file, timeout=5000)
    assert page.history.play_button.text() == "■ Stop (P)"
    assert page.history.table.topLevelItem(0).text(0) == "1 (chosen, playing)"
    assert player.playing
    qtbot.keyClick(page, Qt.Key.Key_P)
    assert page.history.playing is None
    qtbot.waitUntil(lambda: not player.playing, timeout=5000)
    assert page.history.play_button.text() == "▶ Play take (P)"
    assert len(player.played) == 1
    qtbot.keyClick(page, Qt.Key.Key_P)
    qtbot.waitUntil(lambda: page.history.playing == file, timeout=5000)
    wizard.next()
    assert wizard.currentId() == int(PageId.REVIEW)
    assert page.history.playing is None
    qtbot.waitUntil(lambda: not player.playing, timeout=5000)


def test_playback_that_ends_by_itself_leaves_the_playing_state(qtbot, wizard, open_page, session, player):
    page = record_page(qtbot, wizard, open_page, session)
    page.auto_advance.setChecked(False)
    record_one(qtbot, page)
    player.speed = 50.0
    qtbot.mouseClick(page.history.play_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: len(player.played) == 1, timeout=5000)
    qtbot.waitUntil(lambda: page.history.playing is None and not player.playing, timeout=5000)
    assert "playing" not in page.history.table.topLevelItem(0).text(0)


def test_while_recording_the_take_area_shows_the_time_and_a_live_waveform(qtbot, wizard, open_page, session):
    page = record_page(qtbot, wizard, open_page, session)
    qtbot.keyClick(page, Qt.Key.Key_Space)
    assert page.waveform.live
    qtbot.waitUntil(lambda: page.waveform.elapsed_s > 0.3, timeout=5000)
    assert page.waveform.accessibleDescription().startswith("Recording: ")
    assert page.waveform.accessibleDescription() != "No take recorded yet"
    assert page.waveform.live_peaks()
    assert max(page.waveform.live_peaks()) > 0.0
    image = page.waveform.grab().toImage()
    greens = sum(
        image.pixelColor(x, image.height() // 2).green() > 150
        for x in range(image.width() - 40, image.width())
    )
    assert greens > 0
    qtbot.keyClick(page, Qt.Key.Key_Space)
    qtbot.waitUntil(lambda: page.recorder.state is State.IDLE and page.report is not None, timeout=15000)
    assert not page.waveform.live
    assert page.waveform.has_waveform


def test_the_clip_lamp_latches_within_a_take_and_resets_on_the_next(qtbot, wizard, open_page, session):
    page = record_page(qtbot, wizard, open_page, session)
    page.auto_advance.setChecked(False)
    qtbot.keyClick(page, Qt.Key.Key_Space)
    page.meter.show_level(InputLevel(peak_dbfs=0.0, rms_dbfs=-6.0, clipped=True))
    qtbot.wait(300)
    assert page.meter.clip_held
    qtbot.keyClick(page, Qt.Key.Key_Space)
    qtbot.waitUntil(lambda: page.recorder.state is State.IDLE, timeout=15000)
    assert page.meter.clip_held
    qtbot.keyClick(page, Qt.Key.Key_Space)
    assert not page.meter.clip_held
    page.meter.show_level(InputLevel(peak_dbfs=0.0, rms_dbfs=-6.0, clipped=True))
    qtbot.keyClick(page, Qt.Key.Key_Space)
    qtbot.waitUntil(lambda: page.recorder.state is State.IDLE, timeout=15000)
    qtbot.keyClick(page, Qt.Key.Key_Right)
    assert page.index == 1
    assert not page.meter.clip_held


def test_one_next_control_and_the_arrow_keys_move_between_sentences(qtbot, wizard, open_page, session):
    page = record_page(qtbot, wizard, open_page, session)
    texts = [button.text() for button in page.findChildren(QPushButton)]
    assert not [text for text in texts if "Next" in text or "→" in text], texts
    qtbot.keyClick(page, Qt.Key.Key_Right)
    assert page.index == 1
    qtbot.keyClick(page, Qt.Key.Key_Left)
    assert page.index == 0
