"""``voicerecorder takes`` and ``choose``: every take of a sentence, and making one the chosen take."""

import json
import os

import pytest

from voicerecorder.cli import main
from voicerecorder.session.store import Session


@pytest.fixture
def three_takes(basic_session, good_wav, clipped_wav, capsys):
    """Sentence 3 of the basic session with takes good, clipped, good (the newest is chosen)."""
    folder = basic_session.folder
    for wav in (good_wav, clipped_wav, good_wav):
        assert main(["import", str(folder), "--start", "3", str(wav)]) in (0, 1)
    capsys.readouterr()
    return folder


def _snapshot(folder):
    return {path: (path.stat().st_mtime_ns, path.stat().st_size) for path in folder.rglob("*")}


def test_takes_json_lists_every_take_and_never_writes(three_takes, capsys):
    before = _snapshot(three_takes)
    assert main(["takes", "--json", str(three_takes), "3"]) == 0
    document = json.loads(capsys.readouterr().out)
    assert document["sentence"] == 3
    assert document["chosen_by_user"] is False
    rows = document["takes"]
    assert [row["number"] for row in rows] == [1, 2, 3]
    assert [row["file"] for row in rows] == ["take-1.wav", "take-2.wav", "take-3.wav"]
    assert [row["verdict"] for row in rows][1] == "fail"
    assert [row["chosen"] for row in rows] == [False, False, True]
    assert [row["source"] for row in rows] == [
        "imported:good.wav",
        "imported:clipped.wav",
        "imported:good.wav",
    ]
    assert all(row["duration_s"] > 1 and row["created"].endswith("Z") for row in rows)
    assert set(rows[0]) == {"number", "file", "created", "duration_s", "verdict", "source", "chosen"}
    assert _snapshot(three_takes) == before


def test_takes_text_marks_the_chosen_take(three_takes, capsys, monkeypatch):
    monkeypatch.setenv("VOICERECORDER_LANG", "en")
    assert main(["takes", str(three_takes), "3"]) == 0
    lines = capsys.readouterr().out.splitlines()
    assert lines[0] == "Sentence 3 (file 2.wav): 3 take(s)"
    assert lines[2].split()[:2] == ["2", lines[2].split()[1]]
    assert "FAIL" in lines[2]
    assert "imported (clipped.wav)" in lines[2]
    assert lines[3].startswith("*  3 ")
    assert lines[3].endswith("take-3.wav")


def test_takes_of_a_sentence_without_takes_is_an_empty_list(basic_session, capsys):
    assert main(["takes", "--json", str(basic_session.folder), "1"]) == 0
    assert json.loads(capsys.readouterr().out)["takes"] == []


def test_choose_makes_an_earlier_take_the_users_choice(three_takes, capsys, monkeypatch):
    monkeypatch.setenv("VOICERECORDER_LANG", "en")
    assert main(["choose", str(three_takes), "3", "1"]) == 0
    assert capsys.readouterr().out.strip() == (
        "Sentence 3 (file 2.wav): take 1 (take-1.wav) is now the chosen take."
    )
    session = Session.open(three_takes)
    assert session.chosen_take(2).file == "take-1.wav"
    manifest = json.loads(session.manifest_path.read_text(encoding="utf-8"))
    assert manifest["sentences"][2]["chosen_by_user"] is True
    log = (three_takes / "logs" / "session.log").read_text(encoding="utf-8")
    assert "sentence 3: take-1.wav chosen by the user" in log
    assert main(["choose", str(three_takes), "3", "take-2.wav"]) == 0
    assert Session.open(three_takes).chosen_take(2).file == "take-2.wav"


@pytest.mark.parametrize(
    ("argv", "words"),
    [
        (["takes", "{dir}", "0"], "give a sentence number from 1 to 20"),
        (["takes", "{dir}", "21"], "There is no sentence 21"),
        (["choose", "{dir}", "3", "4"], "give a take number from 1 to 3"),
        (["choose", "{dir}", "3", "take-9.wav"], "no take take-9.wav"),
        (["choose", "{dir}", "1", "1"], "This sentence has no take yet: record or import one first."),
    ],
)
def test_bad_numbers_exit_2_with_what_to_give(three_takes, capsys, monkeypatch, argv, words):
    monkeypatch.setenv("VOICERECORDER_LANG", "en")
    before = _snapshot(three_takes)
    assert main([part.format(dir=three_takes) for part in argv]) == 2
    assert words in capsys.readouterr().err
    assert Session.open(three_takes).chosen_take(2).file == "take-3.wav"
    changed = {path for path, stamp in _snapshot(three_takes).items() if before.get(path) != stamp}
    assert not {path for path in changed if path.name == "session.json"}


def test_takes_of_a_folder_that_is_no_session_exits_2(tmp_path, capsys):
    assert main(["takes", str(tmp_path), "1"]) == 2
    assert "is not a session folder" in capsys.readouterr().err
    assert os.listdir(tmp_path) == []
