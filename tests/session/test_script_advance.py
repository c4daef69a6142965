"""The built-in ADVANCE sets (resources/scripts/<lang>/advance/<tag>.txt): every file present is
500+ original, lint-clean sentences of 5-15 s each; a language or tag without a set says which exist."""

from __future__ import annotations

import unicodedata
from pathlib import Path

import pytest

from voicerecorder.errors import UserFacingError
from voicerecorder.paths import resources_dir
from voicerecorder.quality.textunits import estimated_reading_seconds
from voicerecorder.session.lint import MAX_SECONDS, MIN_SECONDS, lint_script
from voicerecorder.session.script import (
    ADVANCE_MIN_SENTENCES,
    LANGUAGES,
    TAGS,
    builtin_advance_sets,
    builtin_script,
)

SCRIPTS = resources_dir() / "scripts"
SET_FILES = sorted(SCRIPTS.glob("*/advance/*.txt"))


def set_id(path: Path) -> str:
    return path.relative_to(SCRIPTS).as_posix()


def language_and_tag(path: Path) -> tuple[str, str]:
    return path.parent.parent.name.upper(), path.stem.upper()


def duplicate_key(text: str) -> str:
    return "".join(c for c in unicodedata.normalize("NFKC", text).casefold() if c.isalnum())


def test_the_three_shipped_sets_are_present():
    assert {("CN", "NEWS"), ("CN", "ECOMMERCE"), ("CN", "MARKETING")} <= set(builtin_advance_sets())


@pytest.mark.parametrize("path", SET_FILES, ids=set_id)
def test_advance_set_is_a_whole_lint_clean_script(path):
    language, tag = language_and_tag(path)
    assert (language, tag) in builtin_advance_sets()
    data = path.read_bytes()
    assert not data.startswith(b"\xef\xbb\xbf")
    assert b"\r" not in data
    lines = data.decode("utf-8").splitlines()
    assert all(line == line.strip() and line for line in lines)
    script = builtin_script(language, tag, "ADVANCE")
    assert [s.text for s in script.sentences] == lines
    assert len(lines) >= ADVANCE_MIN_SENTENCES
    assert script.source == f"builtin:{language.lower()}/advance/{tag.lower()}"
    assert lint_script(script, "ADVANCE") == []


@pytest.mark.parametrize("path", SET_FILES, ids=set_id)
def test_every_advance_sentence_reads_in_five_to_fifteen_seconds(path):
    language, _ = language_and_tag(path)
    lines = path.read_text("utf-8").splitlines()
    seconds = {n: estimated_reading_seconds(line, language) for n, line in enumerate(lines, 1)}
    assert {n: s for n, s in seconds.items() if not MIN_SECONDS <= s <= MAX_SECONDS} == {}


@pytest.mark.parametrize("path", SET_FILES, ids=set_id)
def test_advance_sentences_are_neither_repeated_nor_shared_with_another_set(path):
    keys = [duplicate_key(line) for line in path.read_text("utf-8").splitlines()]
    assert len(set(keys)) == len(keys)
    others = {
        duplicate_key(line): set_id(other)
        for other in SET_FILES
        if other != path
        for line in other.read_text("utf-8").splitlines()
    }
    assert {key: others[key] for key in keys if key in others} == {}


def write_set(root: Path, relative: str, count: int) -> None:
    path = root / "scripts" / f"{relative}.txt"
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text("".join(f"第{i}句话。\n" for i in range(count)), encoding="utf-8")


def test_advance_sets_are_the_files_present(tmp_path, monkeypatch):
    monkeypatch.setattr("voicerecorder.session.script.resources_dir", lambda: tmp_path)
    write_set(tmp_path, "cn/live", 100)
    write_set(tmp_path, "cn/advance/live", 600)
    write_set(tmp_path, "en/advance/customer", 500)
    (tmp_path / "scripts" / "cn" / "advance" / "notes.md").write_text("not a set", encoding="utf-8")
    assert builtin_advance_sets() == (("CN", "LIVE"), ("EN", "CUSTOMER"))
    advance = builtin_script("cn", "live", "advance")
    assert (len(advance.sentences), advance.source) == (600, "builtin:cn/advance/live")
    assert advance.sentences[-1].id == "600"
    middle = builtin_script("CN", "LIVE", "MIDDLE")
    assert (len(middle.sentences), middle.source) == (100, "builtin:cn/live")


@pytest.mark.parametrize(("language", "tag"), [(lang, tag) for lang in LANGUAGES for tag in TAGS])
def test_a_language_or_tag_without_a_set_names_the_sets_and_the_import(tmp_path, monkeypatch, language, tag):
    monkeypatch.setattr("voicerecorder.session.script.resources_dir", lambda: tmp_path)
    write_set(tmp_path, "cn/advance/news", 500)
    write_set(tmp_path, "cn/advance/ecommerce", 500)
    if (language, tag) in (("CN", "NEWS"), ("CN", "ECOMMERCE")):
        assert len(builtin_script(language, tag, "ADVANCE").sentences) == 500
        return
    with pytest.raises(UserFacingError) as error:
        builtin_script(language, tag, "ADVANCE")
    message = error.value.message
    assert error.value.exit_code == 2
    assert f"no built-in ADVANCE script for {language} {tag}" in message.en
    assert "Built-in ADVANCE sets: CN ECOMMERCE, CN NEWS." in message.en
    assert "500 or more sentences works for any tag" in message.en
    assert f"没有 {language} {tag} 的内置 ADVANCE 文稿" in message.zh
    assert "CN ECOMMERCE、CN NEWS" in message.zh
    assert "任何标签都可以导入 500 句或更多的文稿" in message.zh


def test_without_any_set_the_message_says_none(tmp_path, monkeypatch):
    monkeypatch.setattr("voicerecorder.session.script.resources_dir", lambda: tmp_path)
    with pytest.raises(UserFacingError) as error:
        builtin_script("CN", "NEWS", "ADVANCE")
    assert "Built-in ADVANCE sets: none." in error.value.message.en
    assert "现有的内置 ADVANCE 文稿：无" in error.value.message.zh


def test_a_short_advance_set_says_to_reinstall_or_import(tmp_path, monkeypatch):
    monkeypatch.setattr("voicerecorder.session.script.resources_dir", lambda: tmp_path)
    write_set(tmp_path, "cn/advance/news", 499)
    with pytest.raises(UserFacingError) as error:
        builtin_script("CN", "NEWS", "ADVANCE")
    assert "cn/advance/news has 499 sentences" in error.value.message.en
    assert "--script FILE" in error.value.message.en
    assert error.value.exit_code == 2
