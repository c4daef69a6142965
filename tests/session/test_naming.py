import datetime as dt

import pytest
from hypothesis import given
from hypothesis import strategies as st

from voicerecorder.session.naming import (
    is_reserved_name,
    safe_component,
    sentence_folder_names,
    session_folder_name,
    unique_name,
)

DAY = dt.date(2026, 3, 9)


@pytest.mark.parametrize("name", ["CON", "con", "Nul", "COM1", "lpt9", "aux.txt", "COM¹", "conin$"])
def test_windows_device_names_are_recognised(name):
    assert is_reserved_name(name)


@pytest.mark.parametrize("name", ["CONSOLE", "COM10", "icon", "nul-20260309"])
def test_ordinary_names_are_not_reserved(name):
    assert not is_reserved_name(name)


@pytest.mark.parametrize("text", ["CON", "nul", "com1", "Lpt3"])
def test_reserved_names_are_changed(text):
    component = safe_component(text, "voice")
    assert not is_reserved_name(component)
    assert component.startswith(text.lower())


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("../../etc/passwd", "etc-passwd"),
        ("a\\b/c:d*e?f", "a-b-c-d-e-f"),
        ("  Anna Smith.  ", "anna-smith"),
        ("trailing dots...", "trailing-dots"),
        ("张 伟", "张-伟"),
        ("Zoë Ｗide", "zoë-wide"),
        ("...", "voice"),
        ("", "voice"),
        ("\x00\x1f", "voice"),
    ],
)
def test_safe_component(text, expected):
    assert safe_component(text, "voice") == expected


def test_safe_component_is_length_limited_without_trailing_dash():
    component = safe_component("ab " * 100, "voice", max_chars=10)
    assert len(component) <= 10
    assert not component.endswith(("-", ".", " "))


def test_session_folder_name_has_slug_and_date(tmp_path):
    assert session_folder_name("Ada / Lovelace", tmp_path, DAY) == "ada-lovelace-20260309"


def test_session_folder_names_are_unique_case_insensitively(tmp_path):
    (tmp_path / "Ada-20260309").mkdir()
    (tmp_path / "ada-20260309-2").mkdir()
    assert session_folder_name("ada", tmp_path, DAY) == "ada-20260309-3"


def test_session_folder_under_missing_root(tmp_path):
    assert session_folder_name("x", tmp_path / "absent", DAY) == "x-20260309"


def test_unique_name():
    assert unique_name("a", set()) == "a"
    assert unique_name("a", {"A", "a-2"}) == "a-3"


def test_sentence_folders_are_safe_and_unique():
    names = sentence_folder_names(["001", "CON", "Intro", "intro", "x."])
    assert names == ["001", "con_", "intro", "intro-2", "x"]


@given(st.text(max_size=200), st.integers(min_value=1, max_value=60))
def test_any_text_gives_a_safe_component(text, max_chars):
    component = safe_component(text, "voice", max_chars=max_chars)
    assert component
    assert "/" not in component
    assert "\\" not in component
    assert component not in (".", "..")
    assert not component.endswith((".", " "))
    assert not is_reserved_name(component)
    assert len(component) <= max(max_chars, len("voice")) + 1
    assert all(ch.isprintable() for ch in component)
