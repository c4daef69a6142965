"""No two controls on one page or dialog share a mnemonic (Alt+letter), in English or Chinese."""

from __future__ import annotations

import pytest
from PySide6.QtWidgets import QApplication, QWizard
from support.leaving import Answerer, recording
from support.mnemonics import clashes, mnemonics

from voicerecorder.ui import i18n
from voicerecorder.ui.page_ids import PageId
from voicerecorder.ui.wizard import PAGES


@pytest.mark.parametrize("language", ["en", "zh_CN"])
@pytest.mark.parametrize("page_id", [page_id for page_id, _ in PAGES], ids=lambda page_id: page_id.name)
def test_no_two_controls_on_a_page_share_a_mnemonic(qtbot, wizard, open_page, session, language, page_id):
    i18n.set_language(language)
    # Every page but Start is reached with Back on screen: show it as it is then.
    wizard.setOption(QWizard.WizardOption.NoBackButtonOnStartPage, page_id == PageId.START)
    open_page(wizard, session, page_id)
    qtbot.wait(50)
    assert wizard.currentId() == page_id
    assert mnemonics(wizard), "the page shows no mnemonics at all"
    assert not clashes(wizard), clashes(wizard)


@pytest.mark.parametrize("language", ["en", "zh_CN"])
@pytest.mark.parametrize("dialog", ["open_settings", "open_jobs", "open_about"])
def test_no_two_controls_in_a_dialog_share_a_mnemonic(qtbot, wizard, open_page, language, dialog):
    i18n.set_language(language)
    open_page(wizard, None, PAGES[0][0])
    window = getattr(wizard.dialogs, dialog)()
    qtbot.waitExposed(window)
    try:
        assert not clashes(window), clashes(window)
    finally:
        window.close()


class Inspector(Answerer):
    """Looks at the question box's mnemonics before answering it."""

    def __init__(self, label: str) -> None:
        super().__init__(label)
        self.found: list[dict[str, list[str]]] = []

    def _answer(self) -> None:
        box = QApplication.activeModalWidget()
        if box is not None:
            self.found.append(mnemonics(box))
        super()._answer()


@pytest.mark.parametrize("language", ["en", "zh_CN"])
@pytest.mark.parametrize("during_a_take", [True, False], ids=["during-a-take", "session-open"])
def test_no_two_buttons_of_the_leaving_question_share_a_mnemonic(
    qtbot, wizard, open_page, session, language, during_a_take
):
    i18n.set_language(language)
    if during_a_take:
        recording(qtbot, wizard, open_page, session)
    else:
        open_page(wizard, session, PageId.RECORD)
    stay = wizard.tr("&Keep recording" if during_a_take else "S&tay").replace("&", "")
    inspector = Inspector(stay)
    inspector.arm()
    wizard.close()
    [found] = inspector.found
    assert len(found) == 2, found
    assert all(len(texts) == 1 for texts in found.values()), found
    assert wizard.isVisible()
