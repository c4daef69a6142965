"""Leaving the wizard: Esc, Cancel, the close button, Ctrl+Q, logout, aboutToQuit and SIGTERM take one
path; a take in progress is finished and listed, never deleted (fake microphone)."""

from __future__ import annotations

import os
import signal
from dataclasses import dataclass, field

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QWizard
from support.leaving import Answerer, assert_take_saved, recording

from voicerecorder.ui import leaving
from voicerecorder.ui.leaving import SystemExits
from voicerecorder.ui.page_ids import PageId
from voicerecorder.ui.take_recorder import State

STAY = "Keep recording"
LEAVE = "Stop, keep the take and close"


def press_escape(qtbot, wizard):
    qtbot.keyClick(wizard.currentPage(), Qt.Key.Key_Escape)


def press_cancel(qtbot, wizard):
    qtbot.mouseClick(wizard.button(QWizard.WizardButton.CancelButton), Qt.MouseButton.LeftButton)


def close_window(qtbot, wizard):
    wizard.close()


def press_ctrl_q(qtbot, wizard):
    qtbot.keyClick(wizard.currentPage(), Qt.Key.Key_Q, Qt.KeyboardModifier.ControlModifier)


WAYS_OUT = [press_escape, press_cancel, close_window, press_ctrl_q]


@pytest.mark.parametrize("way_out", WAYS_OUT, ids=lambda way: way.__name__)
def test_leaving_during_a_take_asks_then_keeps_the_take(qtbot, wizard, open_page, session, way_out):
    recording(qtbot, wizard, open_page, session)
    answer = Answerer(LEAVE)
    answer.arm()
    way_out(qtbot, wizard)
    assert len(answer.asked) == 1
    assert "being recorded" in answer.asked[0]
    assert not wizard.isVisible()
    assert_take_saved(session)


@pytest.mark.parametrize("way_out", WAYS_OUT, ids=lambda way: way.__name__)
def test_keep_recording_stays_and_the_take_goes_on(qtbot, wizard, open_page, session, way_out):
    page = recording(qtbot, wizard, open_page, session)
    answer = Answerer(STAY)
    answer.arm()
    way_out(qtbot, wizard)
    assert answer.asked
    assert wizard.isVisible()
    assert page.recorder.state is State.RECORDING
    assert wizard.live.engine.recording
    page.buttons["record"].click()
    qtbot.waitUntil(lambda: page.recorder.state is State.IDLE, timeout=10000)
    assert_take_saved(session)


def test_back_during_a_take_stops_and_keeps_it(qtbot, wizard, open_page, session):
    page = recording(qtbot, wizard, open_page, session)
    page.cleanupPage()  # what QWizard calls when Back leaves the page
    qtbot.waitUntil(lambda: page.recorder.state is State.IDLE, timeout=10000)
    assert_take_saved(session)


def test_with_a_session_open_leaving_asks_once(qtbot, wizard, open_page, session):
    open_page(wizard, session, PageId.RECORD)
    answer = Answerer("Close")
    answer.arm()
    press_escape(qtbot, wizard)
    assert len(answer.asked) == 1
    assert "continue this session later" in answer.asked[0]
    assert not wizard.isVisible()


def test_staying_with_a_session_open_keeps_the_window(qtbot, wizard, open_page, session):
    open_page(wizard, session, PageId.RECORD)
    answer = Answerer("Stay")
    answer.arm()
    press_cancel(qtbot, wizard)
    assert len(answer.asked) == 1
    assert wizard.isVisible()


def test_the_start_page_with_nothing_open_closes_without_asking(qtbot, wizard, open_page, monkeypatch):
    asked = []
    monkeypatch.setattr(leaving, "ask", lambda *args: asked.append(args) or False)
    open_page(wizard, None, PageId.START)
    press_escape(qtbot, wizard)
    assert not asked
    assert not wizard.isVisible()


@pytest.fixture
def system_exits(qapp, wizard):
    exits = SystemExits(wizard, qapp, wizard)
    yield exits
    exits.uninstall()


def test_sigterm_saves_the_take_and_closes_without_asking(
    qtbot, wizard, open_page, session, system_exits, monkeypatch
):
    monkeypatch.setattr(leaving, "ask", lambda *args: pytest.fail("SIGTERM must not ask"))
    recording(qtbot, wizard, open_page, session)
    os.kill(os.getpid(), signal.SIGTERM)
    qtbot.waitUntil(lambda: not wizard.isVisible(), timeout=5000)
    assert_take_saved(session)


def test_about_to_quit_saves_the_take(qtbot, qapp, wizard, open_page, session, system_exits, monkeypatch):
    monkeypatch.setattr(leaving, "ask", lambda *args: pytest.fail("quitting must not ask"))
    recording(qtbot, wizard, open_page, session)
    qapp.aboutToQuit.emit()
    assert_take_saved(session)


@dataclass
class SessionManager:
    """Stands in for QSessionManager (the test machine has no session manager to log out of)."""

    interaction: bool
    calls: list[str] = field(default_factory=list)

    def allowsInteraction(self) -> bool:
        self.calls.append("allowsInteraction")
        return self.interaction

    def release(self) -> None:
        self.calls.append("release")

    def cancel(self) -> None:
        self.calls.append("cancel")


def test_shutdown_without_interaction_saves_the_take_and_closes(
    qtbot, wizard, open_page, session, system_exits, monkeypatch
):
    monkeypatch.setattr(leaving, "ask", lambda *args: pytest.fail("no interaction is allowed"))
    recording(qtbot, wizard, open_page, session)
    manager = SessionManager(interaction=False)
    system_exits.commit_data(manager)
    assert manager.calls == ["allowsInteraction"]
    assert not wizard.isVisible()
    assert_take_saved(session)


def test_logout_can_be_cancelled_by_keeping_on_recording(qtbot, wizard, open_page, session, system_exits):
    page = recording(qtbot, wizard, open_page, session)
    manager = SessionManager(interaction=True)
    answer = Answerer(STAY)
    answer.arm()
    system_exits.commit_data(manager)
    assert manager.calls == ["allowsInteraction", "release", "cancel"]
    assert wizard.isVisible()
    assert page.recorder.state is State.RECORDING
