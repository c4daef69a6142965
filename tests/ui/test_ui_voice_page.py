"""Voice details: validation at the field, the script choice, import with lint findings, session creation,
the ADVANCE edition, the sending mode (PACKAGE / SEGMENT) and the optional job fields."""

from __future__ import annotations

from dataclasses import replace
from pathlib import Path

import pytest

from voicerecorder.errors import UserFacingError
from voicerecorder.session.form import CUSTOM_TEXT_MAX, DESCRIPTION_MAX, validate_voice_form
from voicerecorder.session.manifest import MANIFEST_NAME
from voicerecorder.session.script import LANGUAGES, TAGS, builtin_script
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
    assert [voice.edition.itemData(i) for i in range(voice.edition.count())] == ["BASIC", "MIDDLE", "ADVANCE"]
    assert [voice.create_type.itemData(i) for i in range(voice.create_type.count())] == ["PACKAGE", "SEGMENT"]


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


def choose(combo, value: str) -> None:
    combo.setCurrentIndex(combo.findData(value))


def test_every_option_and_the_sending_mode_reach_the_created_session(qtbot, voice, wizard):
    fill(voice, "Anna Lee")
    choose(voice.edition, "MIDDLE")
    choose(voice.create_type, "SEGMENT")
    options = voice.options
    options.toggle.setChecked(True)
    options.services["VIDEO_2D"].setChecked(True)
    options.services["CHAT_2D"].setChecked(True)
    choose(options.output_language, "CN")
    options.custom_text.setText("Hello, this is my new voice.")
    options.on_demand.setChecked(True)
    options.phone.setText("+86 138 0013 8000")
    options.description.setPlainText("Warm narrator for product videos.")
    wizard.next()
    next_page(qtbot, wizard)
    session = wizard.holder.require()
    assert session.create_type == "SEGMENT"
    assert session.form.supported_service == ("VIDEO_2D", "CHAT_2D")
    assert session.form.output_language == "CN"
    assert session.form.custom_text == "Hello, this is my new voice."
    assert session.form.is_ondemand_resource is True
    assert session.form.phone == "+86 138 0013 8000"
    assert session.form.description == "Warm narrator for product videos."


def test_more_options_start_closed_and_open_when_a_stored_form_uses_them(voice):
    assert not voice.options.panel.isVisible()
    voice.options.toggle.click()
    assert voice.options.panel.isVisible()
    voice.options.toggle.click()
    form = replace(voice.form(), voice_name="Anna", custom_text="Hi there.")
    voice.set_form(form, "BASIC", "SEGMENT")
    assert voice.options.panel.isVisible()
    assert voice.create_type.currentData() == "SEGMENT"


@pytest.mark.parametrize(
    ("name", "enter", "expected"),
    [
        ("custom_text", lambda o: o.custom_text.setText("x" * (CUSTOM_TEXT_MAX + 1)), "custom_text"),
        ("custom_text", lambda o: o.custom_text.setText("Hello\u200bthere"), "custom_text"),
        ("phone", lambda o: o.phone.setText("call me maybe"), "phone number"),
        ("description", lambda o: o.description.setPlainText("x" * (DESCRIPTION_MAX + 1)), "description"),
    ],
    ids=["custom_text-length", "custom_text-control", "phone", "description"],
)
def test_each_option_problem_is_shown_beside_its_field(voice, wizard, services, name, enter, expected):
    fill(voice)
    enter(voice.options)
    wizard.next()
    assert wizard.currentId() == PageId.VOICE
    field = voice.fields[name]
    wanted = validate_voice_form(voice.form(), "BASIC")[name].en
    assert voice.options.panel.isVisible()
    assert field.error.isVisible()
    assert field.error.text() == wanted
    assert expected in wanted
    assert field.indexOf(voice.options._inputs()[name]) >= 0
    assert voice.options._inputs()[name].hasFocus()
    assert not services.sessions_root.exists() or not any(services.sessions_root.iterdir())


@pytest.mark.parametrize(
    ("name", "changes"),
    [
        ("supported_service", {"supported_service": ("VIDEO_2D", "VIDEO_2D")}),
        ("output_language", {"output_language": "FR"}),
    ],
)
def test_choice_problems_use_the_forms_own_messages_beside_their_fields(voice, name, changes):
    form = replace(voice.form(), voice_name="Anna", **changes)
    problems = validate_voice_form(form, "BASIC")
    assert voice.options.show_problems(problems) is voice.options._inputs()[name]
    assert voice.fields[name].error.isVisible()
    assert voice.fields[name].error.text() == problems[name].en
    assert voice.options.panel.isVisible()


def test_english_training_and_on_demand_cautions_are_shown_but_do_not_block(qtbot, voice, wizard):
    fill(voice, "Anna")
    warning = voice.fields["language"].warning
    assert warning.isVisible()
    assert "Chinese only" in warning.text()
    voice.options.toggle.setChecked(True)
    voice.options.on_demand.setChecked(True)
    assert "MIDDLE" in voice.fields["is_ondemand_resource"].warning.text()
    choose(voice.edition, "MIDDLE")
    assert not voice.fields["is_ondemand_resource"].warning.isVisible()
    wizard.next()
    next_page(qtbot, wizard)
    assert wizard.holder.require().form.language == "EN"
    wizard.back()
    choose(voice.language, "CN")
    assert not voice.fields["language"].warning.isVisible()


def english_lines() -> list[str]:
    """700 distinct English sentences that lint clean: every built-in English script, one after another."""
    return [s.text for tag in TAGS for s in builtin_script("EN", tag, "MIDDLE").sentences]


def without_builtin_advance() -> tuple[str, str]:
    """A language and tag that have no built-in ADVANCE script (asked of the script module, not assumed)."""
    for language in LANGUAGES:
        for tag in TAGS:
            try:
                builtin_script(language, tag, "ADVANCE")
            except UserFacingError:
                return language, tag
    raise AssertionError("every tag has a built-in ADVANCE script: choose another case for this test")


def test_advance_is_package_only_and_says_why(voice):
    choose(voice.create_type, "SEGMENT")
    choose(voice.edition, "ADVANCE")
    assert voice.create_type.currentData() == "PACKAGE"
    assert not voice.create_type.isEnabled()
    assert "one long recording" in voice.create_type.toolTip()
    assert voice.edition_note.isVisible()
    assert "500 or more sentences" in voice.edition_note.text()
    choose(voice.edition, "MIDDLE")
    assert voice.create_type.isEnabled()
    assert not voice.create_type.toolTip()
    assert not voice.edition_note.isVisible()


def test_advance_without_a_built_in_script_asks_for_an_import(voice, wizard, services):
    language, tag = without_builtin_advance()
    voice.voice_name.setText("Anna")
    choose(voice.language, language)
    choose(voice.tag, tag)
    choose(voice.edition, "ADVANCE")
    assert not voice.builtin_radio.isEnabled()
    assert voice.import_radio.isChecked()
    voice.builtin_radio.setChecked(True)
    assert voice.import_radio.isChecked()
    assert "no built-in ADVANCE script" in voice.script_status.text()
    assert "500 or more" in voice.script_status.text()
    wizard.next()
    assert wizard.currentId() == PageId.VOICE
    assert "no built-in ADVANCE script" in voice.errors["script"].text()
    assert not services.sessions_root.exists() or not any(services.sessions_root.iterdir())


@pytest.mark.parametrize("tag", ["NEWS", "ECOMMERCE", "MARKETING"])
def test_advance_with_a_built_in_set_creates_an_advance_session_without_an_import(qtbot, voice, wizard, tag):
    voice.voice_name.setText("Anna Studio")
    choose(voice.language, "CN")
    choose(voice.tag, tag)
    choose(voice.edition, "ADVANCE")
    assert voice.builtin_radio.isEnabled()
    assert voice.builtin_radio.isChecked()
    wizard.next()
    next_page(qtbot, wizard)
    session = wizard.holder.require()
    assert session.edition == "ADVANCE"
    assert session.script == builtin_script("CN", tag, "ADVANCE")
    assert session.sentence_count >= 500


def test_advance_refuses_a_script_of_fewer_than_500_sentences(qtbot, voice, wizard, tmp_path):
    fill(voice)
    choose(voice.edition, "ADVANCE")
    read_script(qtbot, voice, write_script(tmp_path / "short.txt", english_lines()[:499]))
    texts = [voice.findings.item(i).text() for i in range(voice.findings.count())]
    assert any("at least 500 sentences" in text for text in texts)
    wizard.next()
    assert wizard.currentId() == PageId.VOICE
    assert "errors" in voice.errors["script"].text()


def test_advance_with_an_imported_script_of_500_or_more_creates_an_advance_session(
    qtbot, voice, wizard, tmp_path
):
    fill(voice, "Anna Studio")
    choose(voice.edition, "ADVANCE")
    lines = english_lines()
    read_script(qtbot, voice, write_script(tmp_path / "studio.txt", lines))
    assert not voice.lint_findings
    wizard.next()
    next_page(qtbot, wizard)
    session = wizard.holder.require()
    assert session.edition == "ADVANCE"
    assert session.create_type == "PACKAGE"
    assert session.sentence_count == len(lines)
    assert session.script.sentences[-1].text == lines[-1]


def test_changing_the_sending_mode_after_back_makes_a_new_session(qtbot, voice, wizard):
    fill(voice, "Anna")
    wizard.next()
    next_page(qtbot, wizard)
    first = wizard.holder.require()
    assert first.create_type == "PACKAGE"
    wizard.back()
    choose(voice.create_type, "SEGMENT")
    wizard.next()
    next_page(qtbot, wizard)
    assert wizard.holder.require() is not first
    assert wizard.holder.require().create_type == "SEGMENT"


def test_editing_a_field_clears_only_its_own_problem(voice, wizard):
    fill(voice, "Anna", "call me maybe")
    voice.options.custom_text.setText("x" * (CUSTOM_TEXT_MAX + 1))
    wizard.next()
    assert voice.errors["phone"].isVisible()
    assert voice.errors["custom_text"].isVisible()
    voice.phone.setText("+86 138 0013 8000")
    assert not voice.errors["phone"].isVisible()
    assert voice.errors["custom_text"].isVisible()
    voice.options.custom_text.setText("Hello.")
    assert not voice.errors["custom_text"].isVisible()
