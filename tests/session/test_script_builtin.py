"""The built-in scripts: counts, lengths, sentence types and a clean lint for every file."""

from __future__ import annotations

import re
import unicodedata

import pytest

from voicerecorder.errors import UserFacingError
from voicerecorder.paths import resources_dir
from voicerecorder.quality.textunits import estimated_reading_seconds
from voicerecorder.session.lint import MAX_SECONDS, lint_script, reading_seconds
from voicerecorder.session.script import EDITION_SIZES, TAGS, Script, Sentence, builtin_script

FILES = [(language, tag) for language in ("CN", "EN") for tag in TAGS]
# MetaStudio's guide asks for clips of about 10 s; a thirty-word English sentence reads in 13.04 s,
# hence the 0.1 s of tolerance above 13 s.
BAND_SECONDS = (9.0, 13.1)
# The BASIC edition's 20 sentences must total at least 3.5 minutes of speech.
BASIC_MIN_SECONDS = 210.0
QUESTION = {"CN": "？", "EN": "?"}
EXCLAMATION = {"CN": "！", "EN": "!"}


def raw_lines(language: str, tag: str) -> list[str]:
    path = resources_dir() / "scripts" / language.lower() / f"{tag.lower()}.txt"
    data = path.read_bytes()
    assert not data.startswith(b"\xef\xbb\xbf"), "built-in scripts are UTF-8 without a BOM"
    assert b"\r" not in data
    return data.decode("utf-8").splitlines()


@pytest.mark.parametrize(("language", "tag"), FILES)
def test_builtin_file_shape(language, tag):
    lines = raw_lines(language, tag)
    assert len(lines) == 100
    assert all(line == line.strip() and line for line in lines)
    low, high = BAND_SECONDS
    seconds = {n: round(estimated_reading_seconds(line, language), 2) for n, line in enumerate(lines, 1)}
    assert {n: s for n, s in seconds.items() if not low <= s <= high} == {}
    assert max(seconds.values()) < MAX_SECONDS
    assert [line for line in lines if re.search(r"\d", line)] == []
    keys = [
        "".join(c for c in unicodedata.normalize("NFKC", line).casefold() if c.isalnum()) for line in lines
    ]
    assert len(set(keys)) == len(keys)


@pytest.mark.parametrize(("language", "tag"), FILES)
def test_builtin_basic_set_reads_at_least_three_and_a_half_minutes(language, tag):
    assert reading_seconds(builtin_script(language, tag, "BASIC")) >= BASIC_MIN_SECONDS


@pytest.mark.parametrize(("language", "tag"), FILES)
@pytest.mark.parametrize(("count", "minimum"), [(100, 10), (20, 2)])
def test_builtin_sentence_types(language, tag, count, minimum):
    lines = raw_lines(language, tag)[:count]
    assert sum(line.endswith(QUESTION[language]) for line in lines) >= minimum
    assert sum(line.endswith(EXCLAMATION[language]) for line in lines) >= minimum


@pytest.mark.parametrize(("language", "tag"), FILES)
def test_builtin_punctuation_matches_language(language, tag):
    lines = raw_lines(language, tag)
    if language == "CN":
        assert all(line[-1] in "。！？" for line in lines)
        assert [line for line in lines if re.search(r"[A-Za-z,.!?;:]", line)] == []
    else:
        assert all(line[-1] in ".!?" for line in lines)
        assert [line for line in lines if re.search(r"[^\x20-\x7e]", line)] == []


@pytest.mark.parametrize(("language", "tag"), FILES)
@pytest.mark.parametrize("edition", list(EDITION_SIZES))
def test_builtin_scripts_lint_clean(language, tag, edition):
    script = builtin_script(language, tag, edition)
    assert lint_script(script, edition) == []


def test_basic_is_the_first_twenty_of_middle_with_the_same_ids():
    basic = builtin_script("cn", "news", "basic")
    middle = builtin_script("CN", "NEWS", "MIDDLE")
    assert len(basic.sentences) == 20
    assert len(middle.sentences) == 100
    assert basic.sentences == middle.sentences[:20]
    assert [s.id for s in middle.sentences[:3]] == ["001", "002", "003"]
    assert middle.sentences[-1].id == "100"
    assert middle.source == "builtin:cn/news"
    assert middle.language == "CN"
    assert middle.line_of(99) == 100


def test_tags_are_every_job_tag():
    assert TAGS == ("ECOMMERCE", "NEWS", "MARKETING", "LIVE", "EDUCATION", "CUSTOMER", "STORYTELLING")


@pytest.mark.parametrize(
    ("language", "tag", "edition", "words"),
    [
        ("EN", "SPORTS", "BASIC", "Unknown tag"),
        ("FR", "NEWS", "BASIC", "CN (Chinese)"),
        ("EN", "NEWS", "MAX", "MIDDLE"),
    ],
)
def test_builtin_script_refuses_unknown_choices(language, tag, edition, words):
    with pytest.raises(UserFacingError) as error:
        builtin_script(language, tag, edition)
    assert words in error.value.message.en
    assert error.value.exit_code == 2


def test_script_round_trips_through_dict():
    script = builtin_script("EN", "MARKETING", "BASIC")
    data = script.to_dict()
    assert data["source"] == "builtin:en/marketing"
    assert data["sentences"][0] == {"id": "001", "text": script.sentences[0].text}
    assert Script.from_dict(data) == script


@pytest.mark.parametrize(
    ("data", "words"),
    [
        ({"language": "EN", "sentences": []}, "incomplete"),
        ({"language": "EN", "source": "x", "sentences": [{"id": "1"}]}, "incomplete"),
        ({"language": "DE", "source": "x", "sentences": []}, "Unknown script language"),
        (
            {
                "language": "EN",
                "source": "x",
                "sentences": [{"id": "a", "text": "t"}, {"id": "a", "text": "u"}],
            },
            "already used",
        ),
        ({"language": "EN", "source": "x", "sentences": [{"id": "../a", "text": "t"}]}, "take folder"),
    ],
)
def test_from_dict_refuses_malformed_data(data, words):
    with pytest.raises(UserFacingError) as error:
        Script.from_dict(data)
    assert words in error.value.message.en


def test_sentence_is_frozen():
    sentence = Sentence("001", "Hello there.")
    with pytest.raises(AttributeError):
        sentence.text = "changed"  # type: ignore[misc]


def test_missing_builtin_file_says_to_reinstall(tmp_path, monkeypatch):
    monkeypatch.setattr("voicerecorder.session.script.resources_dir", lambda: tmp_path)
    with pytest.raises(UserFacingError) as error:
        builtin_script("EN", "NEWS", "BASIC")
    assert "Reinstall" in error.value.message.en
    assert "重新安装" in error.value.message.zh
