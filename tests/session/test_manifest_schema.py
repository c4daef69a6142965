"""session.json is checked against its schema before use: a crafted or damaged manifest is refused,
naming the field, by every command, and the file is left untouched."""

from __future__ import annotations

import json

import pytest

from voicerecorder.cli import main
from voicerecorder.session import manifest as manifest_module
from voicerecorder.session.manifest import ManifestError
from voicerecorder.session.store import Session


def nested(depth: int) -> dict:
    value: dict = {}
    for _ in range(depth):
        value = {"a": value}
    return value


def set_path(data: dict, path: tuple, value: object) -> None:
    for key in path[:-1]:
        data = data[key]
    data[path[-1]] = value


CASES = [
    (("edition",), "ULTRA", "field edition must be one of BASIC, MIDDLE, ADVANCE, not 'ULTRA'"),
    (("create_type",), "ZIP", "field create_type must be one of PACKAGE, SEGMENT, not 'ZIP'"),
    (("schema_version",), True, "unknown format True"),
    (("jobs",), {"training": [5]}, "field jobs.training[0] must be an object, not 5"),
    (("current_index",), 10**30, "field current_index holds a number beyond 64 bits"),
    (("samplerate",), "48000", "field samplerate must be a whole number from 1 to 10000000, not '48000'"),
    (("device",), nested(40), "is nested more than 32 levels deep"),
    (("voice", "sex"), 1, "field voice.sex must be text, not 1"),
    (("script", "language"), "FR", "field script.language must be one of CN, EN, not 'FR'"),
    (("sentences", 0, "chosen_by_user"), "yes", "field sentences[0].chosen_by_user must be true or false"),
    (("sentences", 0, "takes"), {"file": "x"}, "field sentences[0].takes must be a list"),
    (("microphone_check",), "later", "field microphone_check must be one of done, skipped, not 'later'"),
    (("exports",), [{"kind": "package"}], "field exports[0].path is missing"),
]


@pytest.mark.parametrize(("path", "value", "reason"), CASES)
def test_a_value_outside_the_schema_is_refused_naming_the_field(basic_session, path, value, reason):
    data = json.loads(basic_session.manifest_path.read_text(encoding="utf-8"))
    set_path(data, path, value)
    raw = json.dumps(data).encode()
    basic_session.manifest_path.write_bytes(raw)
    with pytest.raises(ManifestError) as refused:
        Session.open(basic_session.folder)
    assert reason in refused.value.message.en
    assert "已损坏" in refused.value.message.zh
    assert basic_session.manifest_path.read_bytes() == raw


def replace_text(session: Session, old: str, new: str) -> None:
    text = session.manifest_path.read_text(encoding="utf-8")
    assert old in text
    session.manifest_path.write_text(text.replace(old, new, 1), encoding="utf-8")


def test_a_number_too_long_to_read_is_refused(basic_session):
    replace_text(basic_session, '"current_index":0', '"current_index":' + "9" * 5000)
    with pytest.raises(ManifestError, match="not valid JSON: Exceeds the limit"):
        Session.open(basic_session.folder)


def test_nesting_deeper_than_the_parser_goes_is_refused(basic_session):
    replace_text(basic_session, '"device":null', '"device":' + "[" * 100_000 + "]" * 100_000)
    with pytest.raises(ManifestError, match="nested too deeply"):
        Session.open(basic_session.folder)


def test_a_take_length_that_is_not_a_number_is_refused(basic_session, good_wav):
    basic_session.add_take(0, good_wav)
    text = basic_session.manifest_path.read_text(encoding="utf-8")
    start = text.index('"duration_s":') + len('"duration_s":')
    end = text.index(",", start)
    basic_session.manifest_path.write_text(text[:start] + "NaN" + text[end:], encoding="utf-8")
    with pytest.raises(ManifestError, match=r"sentences\[0\]\.takes\[0\]\.duration_s holds nan"):
        Session.open(basic_session.folder)


def test_an_oversized_manifest_is_refused_before_parsing(basic_session, monkeypatch):
    monkeypatch.setattr(manifest_module, "MAX_MANIFEST_BYTES", 1000)
    with pytest.raises(ManifestError, match="over the 1000 a session can have"):
        Session.open(basic_session.folder)


@pytest.mark.parametrize(("command", "code"), [("check", 2), ("pack", 1), ("import", 1)])
def test_commands_refuse_an_unknown_edition(basic_session, good_wav, capsys, command, code):
    replace_text(basic_session, '"edition":"BASIC"', '"edition":"ULTRA"')
    extra = [str(good_wav)] if command == "import" else []
    assert main([command, str(basic_session.folder), *extra]) == code
    error = capsys.readouterr().err
    assert "field edition must be one of BASIC, MIDDLE, ADVANCE, not 'ULTRA'" in error
    assert "Traceback" not in error
