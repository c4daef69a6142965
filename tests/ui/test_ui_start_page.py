"""Start page: recent sessions with progress, new vs resume, opening a folder, the language switch."""

from __future__ import annotations

from pathlib import Path

import numpy as np
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QWizard
from support.session_lock import holding_process, run_at_once

from voicerecorder.audio.wavfile import write_wav_atomically
from voicerecorder.errors import EXIT_BUSY, EXIT_FAILED
from voicerecorder.session import manifest, store
from voicerecorder.session.lock import WAIT_ENV
from voicerecorder.ui import i18n
from voicerecorder.ui.page_ids import PageId
from voicerecorder.ui.pages import start
from voicerecorder.ui.pages.start import SessionSummary, latest_unfinished
from voicerecorder.ui.settings import UI_LANGUAGE


def start_page(qtbot, wizard, open_page):
    open_page(wizard, None, PageId.START)
    return wizard.page_of(PageId.START)


def test_lists_sessions_with_voice_edition_progress_and_last_change(qtbot, wizard, open_page, make_session):
    first = make_session("EN")
    path = first.next_take_path(0)
    write_wav_atomically(path, np.zeros(48000 * 6, np.float32), 48000)
    first.add_take(0, path)
    make_session("CN")
    page = start_page(qtbot, wizard, open_page)
    qtbot.waitUntil(lambda: page.sessions.topLevelItemCount() == 2, timeout=5000)
    rows = {page.sessions.topLevelItem(i).text(0): page.sessions.topLevelItem(i) for i in range(2)}
    english = rows[first.form.voice_name]
    assert english.text(1) == "BASIC"
    assert english.text(2) == "1 / 20"
    assert english.text(3)[:4].isdigit()


def test_new_session_goes_to_voice_details(qtbot, wizard, open_page):
    page = start_page(qtbot, wizard, open_page)
    assert page.isComplete()
    wizard.next()
    assert wizard.currentId() == PageId.VOICE
    assert wizard.holder.session is None


def test_resume_needs_a_selection_and_skips_voice_details(qtbot, wizard, open_page, session, services):
    page = start_page(qtbot, wizard, open_page)
    qtbot.waitUntil(lambda: page.sessions.topLevelItemCount() == 1, timeout=5000)
    page.sessions.setCurrentItem(None)
    page.resume_radio.setChecked(True)
    assert not page.isComplete()
    page.sessions.setCurrentItem(page.sessions.topLevelItem(0))
    assert page.isComplete()
    wizard.next()
    qtbot.waitUntil(lambda: wizard.currentId() == PageId.MICROPHONE, timeout=5000)
    assert wizard.holder.require().folder == session.folder
    assert services.settings.recent_sessions() == [str(session.folder)]


def test_opening_a_folder_that_is_not_a_session_says_so(qtbot, wizard, open_page, tmp_path):
    page = start_page(qtbot, wizard, open_page)
    page.open_session_folder(tmp_path)
    qtbot.waitUntil(lambda: "not a session folder" in page.banner.text, timeout=5000)
    assert page.banner.isVisible()


def test_opening_a_session_folder_selects_it_for_resuming(qtbot, wizard, open_page, session):
    page = start_page(qtbot, wizard, open_page)
    page.open_session_folder(session.folder)
    qtbot.waitUntil(lambda: page.resuming, timeout=5000)
    assert page.selected_folder() == session.folder


def test_damaged_session_is_reported_on_resume(qtbot, wizard, open_page, session):
    page = start_page(qtbot, wizard, open_page)
    page.open_session_folder(session.folder)
    qtbot.waitUntil(lambda: page.resuming, timeout=5000)
    (session.folder / "session.json").write_text("{ not json", encoding="utf-8")
    wizard.next()
    assert page.opening
    qtbot.waitUntil(lambda: not page.opening, timeout=5000)
    assert wizard.currentId() == PageId.START
    assert page.banner.isVisible()
    assert "session.json" in page.banner.text


def test_language_switch_retranslates_at_runtime_and_is_saved(qtbot, wizard, open_page, services):
    page = start_page(qtbot, wizard, open_page)
    assert page.title() == "Welcome"
    page.language.setCurrentIndex(page.language.findData("zh_CN"))
    assert i18n.current_language() == "zh_CN"
    qtbot.waitUntil(lambda: page.title() == "欢迎", timeout=2000)
    assert wizard.page_of(PageId.RECORD).buttons["rerecord"].text() == "⟲ 重录（R）"
    assert services.settings.get(UI_LANGUAGE) == "zh_CN"
    page.language.setCurrentIndex(page.language.findData("en"))
    qtbot.waitUntil(lambda: page.title() == "Welcome", timeout=2000)


def resume(qtbot, wizard, page, folder) -> None:
    page.open_session_folder(folder)
    qtbot.waitUntil(lambda: page.resuming and page.selected_folder() == folder, timeout=5000)
    wizard.next()
    qtbot.waitUntil(lambda: not page.opening, timeout=15000)


def test_a_session_another_process_is_changing_is_refused_naming_it(
    qtbot, wizard, open_page, session, monkeypatch
):
    session.close()
    monkeypatch.setenv(WAIT_ENV, "0.2")
    page = start_page(qtbot, wizard, open_page)
    with holding_process(session.folder, "voicerecorder submit") as holder:
        resume(qtbot, wizard, page, session.folder)
        assert wizard.currentId() == PageId.START
        assert wizard.holder.session is None
        assert page.banner.isVisible()
        assert f"voicerecorder submit (process {holder.pid}, since" in page.banner.text


def test_the_wizard_holds_the_session_until_it_lets_it_go(qtbot, wizard, open_page, session, monkeypatch):
    session.close()
    page = start_page(qtbot, wizard, open_page)
    resume(qtbot, wizard, page, session.folder)
    assert wizard.currentId() == PageId.MICROPHONE
    assert wizard.holder.require().writable
    pack = [["pack", str(session.folder)]]
    [busy] = run_at_once(pack, env={WAIT_ENV: "0"})
    assert busy.code == EXIT_BUSY
    assert "voicerecorder (wizard)" in busy.stderr
    wizard.holder.close()
    [free] = run_at_once(pack, env={WAIT_ENV: "0"})
    assert free.code == EXIT_FAILED, free.stderr  # no takes yet: refused, but not busy


class Clock:
    """Manifest timestamps one second apart, so "most recently changed" does not depend on the real clock."""

    def __init__(self) -> None:
        self.seconds = 0

    def __call__(self) -> str:
        self.seconds += 1
        return f"2026-03-01T10:{self.seconds // 60:02d}:{self.seconds % 60:02d}Z"


def test_the_latest_unfinished_session_is_selected_and_enter_continues_it_at_its_sentence(
    qtbot, wizard, open_page, make_session, monkeypatch
):
    clock = Clock()
    monkeypatch.setattr(store, "utc_now", clock)
    monkeypatch.setattr(manifest, "utc_now", clock)
    older = make_session("EN")
    newer = make_session("CN")
    older.set_microphone_check("done")  # measured on its first day
    older.set_current_index(2)  # changed last
    older.close()
    newer.close()
    page = start_page(qtbot, wizard, open_page)
    qtbot.waitUntil(lambda: page.sessions.topLevelItemCount() == 2, timeout=5000)
    assert page.resuming
    assert page.selected_folder() == older.folder
    qtbot.waitUntil(page.sessions.hasFocus, timeout=2000)
    qtbot.keyClick(page.sessions, Qt.Key.Key_Return)
    qtbot.waitUntil(lambda: wizard.currentId() == PageId.MICROPHONE, timeout=15000)
    assert wizard.holder.require().folder == older.folder
    microphone = wizard.page_of(PageId.MICROPHONE)
    qtbot.waitUntil(microphone.isComplete, timeout=10000)
    wizard.next()
    assert wizard.currentId() == PageId.RECORD
    assert wizard.page_of(PageId.RECORD).index == 2


def summary(name: str, recorded: int, updated: str) -> SessionSummary:
    return SessionSummary(Path(name), name, "BASIC", recorded, 20, updated)


def test_finished_sessions_are_not_offered_to_continue():
    finished = summary("finished", 20, "2026-03-02 09:00:00")
    unfinished = summary("unfinished", 5, "2026-03-01 09:00:00")
    older = summary("older", 0, "2026-02-01 09:00:00")
    assert latest_unfinished([older, finished, unfinished]) == unfinished
    assert latest_unfinished([finished]) is None


def test_with_every_session_finished_new_session_stays_chosen(qtbot, wizard, open_page, monkeypatch):
    monkeypatch.setattr(start, "find_sessions", lambda root, recent: [summary("finished", 20, "2026-03-02")])
    page = start_page(qtbot, wizard, open_page)
    qtbot.waitUntil(lambda: page.sessions.topLevelItemCount() == 1, timeout=5000)
    assert page.new_radio.isChecked()
    assert page.selected_folder() == Path("finished")


def test_a_session_held_elsewhere_opens_read_only_to_browse_and_listen(
    qtbot, wizard, open_page, session, services, monkeypatch
):
    path = session.next_take_path(0)
    write_wav_atomically(path, np.zeros(48000 * 6, np.float32), 48000)
    session.add_take(0, path)
    session.close()
    manifest_before = session.manifest_path.read_bytes()
    monkeypatch.setenv(WAIT_ENV, "0.2")
    page = start_page(qtbot, wizard, open_page)
    with holding_process(session.folder, "voicerecorder import") as holder:
        resume(qtbot, wizard, page, session.folder)
        assert f"voicerecorder import (process {holder.pid}, since" in page.banner.text
        assert page.banner.action.text() == "Open &read-only"
        page.banner.action.click()
        qtbot.waitUntil(lambda: wizard.currentId() == PageId.REVIEW, timeout=10000)
        assert not wizard.holder.require().writable
        review = wizard.page_of(PageId.REVIEW)
        assert "Read-only" in review.banner.text
        assert not wizard.button(QWizard.WizardButton.NextButton).isVisible()
        assert not wizard.button(QWizard.WizardButton.FinishButton).isVisible()
        review.table.selectRow(0)
        assert not review.rerecord_button.isEnabled()
        assert review.play_button.isEnabled()
        review.play_button.click()
        qtbot.waitUntil(lambda: len(services.player.played) == 1, timeout=5000)
        review.rerecord(0)
        wizard.next()
        assert wizard.currentId() == PageId.REVIEW
    assert session.manifest_path.read_bytes() == manifest_before
    wizard.back()
    assert wizard.currentId() == PageId.START
    assert wizard.button(QWizard.WizardButton.NextButton).isVisible()
