"""The Review page: verdict, duration and loudness of every sentence, the problem filter, play, jump back."""

from __future__ import annotations

import pytest
from PySide6.QtCore import Qt
from support.session_takes import speak, studio_take
from support.ui_cloud import ready_session  # noqa: F401 (fixture)

from voicerecorder.audio.wavfile import write_wav_atomically
from voicerecorder.ui import i18n
from voicerecorder.ui.demo import demo_session
from voicerecorder.ui.page_ids import PageId
from voicerecorder.ui.pages.review import COLUMNS, PROBLEM_STATUSES, ReviewPage

RECORDED = 7


@pytest.fixture
def demo(services):
    """A BASIC English session with 7 takes: sentence 3 too quiet, sentence 5 clipped."""
    return demo_session(services.sessions_root, "EN", recorded=RECORDED)


@pytest.fixture
def mixed(services):
    """Sentences 1-2 read well (espeak-ng), sentence 3 far too quiet, the rest not recorded."""
    session = demo_session(services.sessions_root, "EN", recorded=0)
    for index, gain in ((0, 1.0), (1, 1.0), (2, 0.01)):
        samples, rate = speak(session.sentence(index).text)
        path = session.next_take_path(index)
        write_wav_atomically(path, studio_take(samples, rate) * gain, 48000, subtype="PCM_24")
        session.add_take(index, path, None)
    return session


def review_page(qtbot, wizard, open_page, session) -> ReviewPage:
    """Open Record, then press Next, so the Review page has Record in its history like in real use."""
    open_page(wizard, session, PageId.RECORD)
    wizard.next()
    assert wizard.currentId() == int(PageId.REVIEW)
    page = wizard.page_of(PageId.REVIEW)
    assert isinstance(page, ReviewPage)
    return page


def cell(page: ReviewPage, row: int, name: str) -> str:
    return page.table.item(row, COLUMNS.index(name)).text()


def test_every_sentence_with_verdict_duration_and_loudness(qtbot, wizard, open_page, demo):
    page = review_page(qtbot, wizard, open_page, demo)
    assert page.table.rowCount() == demo.sentence_count
    for row in range(RECORDED):
        take = demo.chosen_take(row)
        assert cell(page, row, "duration") == f"{take.duration_s:.1f} s"
        assert cell(page, row, "loudness").endswith(" dBFS")
        assert page.status(row) == take.check["verdict"]
    assert page.status(2) == "fail"
    assert cell(page, 2, "advice")
    assert float(cell(page, 2, "loudness").split()[0]) < float(cell(page, 0, "loudness").split()[0])
    for row in range(RECORDED, demo.sentence_count):
        assert page.status(row) == "missing"
        assert cell(page, row, "duration") == ""
    assert "13 not recorded yet" in page.summary.text()


def test_next_is_blocked_while_sentences_are_missing_or_failing(qtbot, wizard, open_page, demo):
    page = review_page(qtbot, wizard, open_page, demo)
    assert not page.isComplete()
    assert not wizard.button(wizard.WizardButton.NextButton).isEnabled()


def test_filter_shows_only_the_problems(qtbot, wizard, open_page, mixed):
    page = review_page(qtbot, wizard, open_page, mixed)
    assert [page.status(row) for row in range(3)] == ["pass", "pass", "fail"]
    page.only_problems.setChecked(True)
    assert page.visible_sentences() == list(range(2, mixed.sentence_count))
    assert all(page.status(row) in PROBLEM_STATUSES for row in page.visible_sentences())
    assert "2 good" in page.summary.text()
    assert "1 to record again" in page.summary.text()
    page.only_problems.setChecked(False)
    assert page.visible_sentences() == list(range(mixed.sentence_count))


def test_rerecord_button_jumps_back_to_that_sentence(qtbot, wizard, open_page, demo):
    page = review_page(qtbot, wizard, open_page, demo)
    page.table.selectRow(4)
    page.rerecord_button.click()
    assert wizard.currentId() == int(PageId.RECORD)
    record = wizard.page_of(PageId.RECORD)
    assert record.index == 4
    qtbot.waitUntil(lambda: demo.current_index == 4, timeout=3000)
    assert record.prompt.text() == demo.sentence(4).text


def test_enter_on_a_row_jumps_back(qtbot, wizard, open_page, demo):
    page = review_page(qtbot, wizard, open_page, demo)
    page.only_problems.setChecked(True)
    page.table.setFocus()
    page.table.setCurrentCell(2, 0)
    qtbot.keyClick(page.table, Qt.Key.Key_Return)
    assert wizard.currentId() == int(PageId.RECORD)
    assert wizard.page_of(PageId.RECORD).index == 2


def test_play_plays_the_chosen_take(qtbot, wizard, open_page, demo, player):
    page = review_page(qtbot, wizard, open_page, demo)
    page.table.selectRow(1)
    page.play_button.click()
    qtbot.waitUntil(lambda: len(player.played) == 1, timeout=5000)
    samples, rate = player.played[0]
    assert rate == demo.chosen_take(1).samplerate
    assert len(samples) / rate == pytest.approx(demo.chosen_take(1).duration_s, abs=0.05)
    page.table.selectRow(RECORDED + 1)
    assert not page.play_button.isEnabled()


def test_a_sentence_rejected_by_the_audit_is_flagged(qtbot, wizard, open_page, demo):
    demo.mark_for_rerecord([0])
    page = review_page(qtbot, wizard, open_page, demo)
    assert page.status(0) == "fail"
    assert "rejected" in cell(page, 0, "advice")


def test_the_wizard_goes_to_a_page_forward_and_back_through_its_history(qtbot, wizard, open_page, demo):
    open_page(wizard, demo, PageId.RECORD)
    assert wizard.go_to(PageId.REVIEW)
    assert wizard.currentId() == int(PageId.REVIEW)
    assert wizard.go_to(PageId.RECORD)
    assert wizard.currentId() == int(PageId.RECORD)
    assert not wizard.go_to(PageId.START)  # not in the history: the wizard stays where it is
    assert wizard.currentId() == int(PageId.RECORD)
    assert not wizard.rerecord([])


def test_review_says_which_sentences_block_and_what_to_do_with_a_button_to_the_first(
    qtbot, wizard, open_page, mixed
):
    mixed.mark_for_rerecord([1])
    page = review_page(qtbot, wizard, open_page, mixed)
    assert page.banner.isVisible()
    lines = page.banner.text.split("\n")
    assert lines[0] == "You cannot go on yet:"
    assert lines[1] == "• Not recorded yet: sentences 4, 5, 6, 7, 8, 9, 10, 11 and 9 more. Record them."
    assert lines[2].startswith("• Failed the check: sentences 3. Record them again, or choose a passing take")
    assert lines[3] == "• Rejected by the MetaStudio review: sentences 2. Record them again."
    assert page.banner.action.text() == "&Go to sentence 2"
    page.banner.action.click()
    assert wizard.currentId() == int(PageId.RECORD)
    assert wizard.page_of(PageId.RECORD).index == 1


def test_review_shows_that_the_microphone_checks_were_skipped(qtbot, wizard, open_page, demo):
    page = review_page(qtbot, wizard, open_page, demo)
    assert not page.checks_note.isVisible()
    demo.set_microphone_check("skipped")
    page.refresh()
    assert page.checks_note.isVisible()
    assert "microphone checks (room tone, loud line) were skipped" in page.checks_note.text()


def test_a_session_with_nothing_to_fix_shows_no_reason_and_can_go_on(
    qtbot,
    wizard,
    open_page,
    ready_session,  # noqa: F811
):
    page = review_page(qtbot, wizard, open_page, ready_session)
    assert page.isComplete()
    assert not page.banner.isVisible()
    assert not page.checks_note.isVisible()


def test_the_reasons_read_naturally_in_chinese(qtbot, wizard, open_page, mixed):
    i18n.set_language("zh_CN")
    page = review_page(qtbot, wizard, open_page, mixed)
    lines = page.banner.text.split("\n")
    assert lines[0] == "暂时还不能继续："
    assert lines[1] == "• 尚未录音：第 4, 5, 6, 7, 8, 9, 10, 11 等，另有 9 句。请录制。"
    assert page.banner.action.text() == "转到第 3 句(&G)"
