"""Voice details: validation at the field, the script choice, import with lint findings, session creation."""

from __future__ import annotations

from pathlib import Path

import pytest

from voicerecorder.session.manifest import MANIFEST_NAME
from voicerecorder.session.script import builtin_script
from voicerecorder.ui.page_ids import PageId


@pytest.fixture
def voice(qtbot, wizard, open_page):
    open_page(wizard, None, PageId.VOICE)
    return wizard.page_of(PageId.VOICE)


def fill(page, name: str = "Anna", phone: str = "") -> None:
    page.voice_name.setText(name)
    page.phone.setText(phone)
    page.language.setCurrentIndex(page.language.findData("EN"))


def next_page(qtbot, wizard) -> None:
    """Wait for the session to be created in its worker and the wizard to move on."""
    qtbot.waitUntil(lambda: wizard.currentId() == PageId.MICROPHONE, timeout=5000)


def test_every_api_tag_sex_language_and_edition_is_offered(voice):
    assert [voice.tag.itemData(i) for i in range(voice.tag.count())][:3] == ["ECOMMERCE", "NEWS", "MARKETING"]
    assert voice.tag.count() == 7
    assert {voice.sex.itemData(i) for i in range(voice.sex.count())} == {"FEMALE", "MALE"}
    assert {voice.language.itemData(i) for i in range(voice.language.count())} == {"CN", "EN"}
    assert {voice.edition.itemData(i) for i in range(voice.edition.count())} == {"BASIC", "MIDDLE"}


def test_missing_voice_name_is_reported_at_the_field(voice, wizard, services):
    fill(voice, "   ")
    wizard.next()
    assert wizard.currentId() == PageId.VOICE
    assert voice.errors["voice_name"].isVisible()
    assert "voice name" in voice.errors["voice_name"].text()
    assert not services.sessions_root.exists() or not any(services.sessions_root.iterdir())


def test_invalid_phone_is_reported_and_editing_clears_it(voice, wizard):
    fill(voice, "Anna", "call me maybe")
    wizard.next()
    assert wizard.currentId() == PageId.VOICE
    assert "phone number" in voice.errors["phone"].text()
    voice.phone.setText("+86 138 0013 8000")
    assert not voice.errors["phone"].isVisible()


def test_valid_form_creates_the_session_and_moves_on(qtbot, voice, wizard, services):
    fill(voice, "Anna Lee", "+86 138 0013 8000")
    voice.edition.setCurrentIndex(voice.edition.findData("MIDDLE"))
    wizard.next()
    next_page(qtbot, wizard)
    session = wizard.holder.require()
    assert (session.folder / MANIFEST_NAME).is_file()
    assert session.folder.parent == services.sessions_root
    assert session.form.voice_name == "Anna Lee"
    assert session.edition == "MIDDLE"
    assert session.sentence_count == 100
    assert services.settings.recent_sessions() == [str(session.folder)]


def read_script(qtbot, page, path: Path) -> None:
    """Import ``path`` and wait until its worker has read it."""
    page.import_script(path)
    qtbot.waitUntil(lambda: not page.reading_script, timeout=5000)


def write_script(path: Path, lines: list[str]) -> Path:
    path.write_text("\n".join(lines) + "\n", encoding="utf-8")
    return path


def test_import_with_errors_shows_findings_and_blocks(qtbot, voice, wizard, tmp_path):
    fill(voice)
    sentences = [s.text for s in builtin_script("EN", "NEWS", "BASIC").sentences]
    bad = write_script(tmp_path / "bad.txt", [*sentences[:19], sentences[0]])  # a duplicate line
    read_script(qtbot, voice, bad)
    assert voice.imported is not None
    assert voice.findings.count() >= 1
    assert any("repeats line 1" in voice.findings.item(i).text() for i in range(voice.findings.count()))
    wizard.next()
    assert wizard.currentId() == PageId.VOICE
    assert "errors" in voice.errors["script"].text()


def test_import_with_only_warnings_is_accepted(qtbot, voice, wizard, tmp_path):
    fill(voice)
    sentences = [s.text for s in builtin_script("EN", "NEWS", "BASIC").sentences]
    sentences[3] = sentences[3].rstrip(".!?")  # no end punctuation: a warning
    good = write_script(tmp_path / "mine.txt", sentences)
    read_script(qtbot, voice, good)
    assert voice.imported is not None
    assert all(f.level == "warning" for f in voice.lint_findings)
    assert voice.lint_findings
    wizard.next()
    next_page(qtbot, wizard)
    assert wizard.holder.require().script.sentences[0].text == sentences[0]


def test_unreadable_script_file_shows_the_reason(qtbot, voice, tmp_path):
    binary = tmp_path / "script.txt"
    binary.write_bytes(b"\x00\x01\x02PK\x03\x04" * 50)
    read_script(qtbot, voice, binary)
    assert voice.imported is None
    assert voice.errors["script"].isVisible()
    assert voice.errors["script"].text()


def test_back_and_next_again_updates_the_same_session(qtbot, voice, wizard, services):
    fill(voice, "Anna")
    wizard.next()
    next_page(qtbot, wizard)
    first = wizard.holder.require()
    wizard.back()
    voice.voice_name.setText("Anna Lee")
    wizard.next()
    next_page(qtbot, wizard)
    assert wizard.holder.require() is first
    assert first.form.voice_name == "Anna Lee"
    assert len(list(services.sessions_root.iterdir())) == 1
    wizard.back()
    voice.edition.setCurrentIndex(voice.edition.findData("MIDDLE"))
    wizard.next()
    next_page(qtbot, wizard)
    assert wizard.holder.require() is not first
    assert wizard.holder.require().sentence_count == 100
