"""One writer per session, between real processes: a second writer waits, then stops naming the
holder and changing nothing; a killed holder leaves no stale lock; readers never wait and never
write; many imports at once lose nothing; everything is private to its owner."""

from __future__ import annotations

import os
import stat
from pathlib import Path

import pytest
import soundfile
from support.session_lock import holding_process, run_at_once

from voicerecorder.cli import main
from voicerecorder.errors import EXIT_BUSY, EXIT_OK
from voicerecorder.session.lock import HOLDER_NAME, LOCK_NAME, WAIT_ENV, SessionBusyError
from voicerecorder.session.store import Session


def snapshot(folder: Path) -> list[tuple[str, int, int]]:
    """Every file and folder under ``folder`` with its modification time and size."""
    return sorted(
        (str(p.relative_to(folder)), p.stat().st_mtime_ns, p.stat().st_size) for p in folder.rglob("*")
    )


def take_files(folder: Path) -> set[str]:
    return {str(p.relative_to(folder)) for p in (folder / "takes").rglob("*") if p.is_file()}


def manifest_takes(session: Session) -> set[str]:
    return {
        str(session.take_path(i, take).relative_to(session.folder))
        for i in range(session.sentence_count)
        for take in session.takes(i)
    }


def mode(path: Path) -> int:
    return stat.S_IMODE(path.stat().st_mode)


def test_a_second_writer_waits_then_stops_naming_the_holder_and_changes_nothing(
    basic_session, good_wav, monkeypatch, capsys
):
    folder = basic_session.folder
    basic_session.close()
    monkeypatch.setenv(WAIT_ENV, "0.3")
    with holding_process(folder, "voicerecorder pack") as holder:
        before = snapshot(folder)
        with pytest.raises(SessionBusyError) as busy:
            Session.open(folder, writer="voicerecorder import")
        assert busy.value.exit_code == EXIT_BUSY == 5
        assert (busy.value.holder.command, busy.value.holder.pid) == ("voicerecorder pack", holder.pid)
        since = busy.value.holder.since
        message = busy.value.message
        assert f"voicerecorder pack (process {holder.pid}, since {since})" in message.en
        assert f"进程 {holder.pid}" in message.zh
        assert "Nothing was changed" in message.en
        capsys.readouterr()
        assert main(["import", str(folder), str(good_wav)]) == EXIT_BUSY
        assert f"process {holder.pid}" in capsys.readouterr().err
        assert snapshot(folder) == before


def test_a_killed_holder_leaves_no_stale_lock(basic_session, monkeypatch):
    folder = basic_session.folder
    basic_session.close()
    monkeypatch.setenv(WAIT_ENV, "0")
    with holding_process(folder) as holder:
        holder.kill()
        holder.wait(30)
    assert (folder / HOLDER_NAME).exists(), "the killed holder could not tidy up"
    with Session.open(folder, writer="voicerecorder import") as session:
        assert session.writable
    assert not (folder / HOLDER_NAME).exists()


def test_readers_neither_wait_nor_write(basic_session, good_wav, monkeypatch, capsys):
    basic_session.add_take(0, good_wav)
    folder = basic_session.folder
    basic_session.close()
    leftover = basic_session.next_take_path  # a reader cannot even reserve a take name
    crashed = folder / "takes" / "002" / "take-1.partial.wav"
    crashed.parent.mkdir()
    crashed.write_bytes(good_wav.read_bytes())
    monkeypatch.setenv(WAIT_ENV, "30")
    with holding_process(folder):
        before = snapshot(folder)
        assert main(["check", str(folder)]) == EXIT_OK
        assert "take-1.wav: " in capsys.readouterr().out
        reader = Session.open(folder)
        assert reader.chosen_take(0) is not None
        with pytest.raises(RuntimeError, match="reading only"):
            leftover(1)
        with pytest.raises(RuntimeError, match="reading only"):
            reader.set_current_index(3)
        assert snapshot(folder) == before


def test_eight_imports_at_once_keep_every_take(basic_session, good_wav):
    folder = basic_session.folder
    basic_session.close()
    commands = [["import", str(folder), str(good_wav), "--start", str(n)] for n in range(1, 9)]
    finished = run_at_once(commands, env={WAIT_ENV: "240"})
    assert [f.code for f in finished] == [EXIT_OK] * 8, [f.stderr for f in finished]
    session = Session.open(folder)
    assert [len(session.takes(i)) for i in range(10)] == [1] * 8 + [0, 0]
    assert take_files(folder) == manifest_takes(session)
    assert sorted(p.name for p in folder.iterdir()) == [LOCK_NAME, "exports", "logs", "session.json", "takes"]


def test_imports_that_cannot_wait_stop_cleanly_and_orphan_nothing(basic_session, good_wav):
    folder = basic_session.folder
    basic_session.close()
    commands = [["import", str(folder), str(good_wav), "--start", str(n)] for n in range(11, 15)]
    finished = run_at_once(commands, env={WAIT_ENV: "0"})
    assert {f.code for f in finished} <= {EXIT_OK, EXIT_BUSY}, [f.stderr for f in finished]
    assert EXIT_OK in {f.code for f in finished}
    for result in finished:
        assert "Traceback" not in result.stderr
        if result.code == EXIT_BUSY:
            assert "is in use by voicerecorder import (process" in result.stderr
    session = Session.open(folder)
    imported = [n for n, f in zip(range(11, 15), finished, strict=True) if f.code == EXIT_OK]
    assert [i + 1 for i in range(20) if session.takes(i)] == imported
    assert take_files(folder) == manifest_takes(session)


@pytest.mark.skipif(os.name != "posix", reason="POSIX permissions")
def test_data_and_session_folders_and_their_files_are_private(en_form, good_wav, tmp_path, monkeypatch):
    from support.session_takes import english_script

    monkeypatch.setenv("VOICERECORDER_DATA_DIR", str(tmp_path / "data"))
    previous = os.umask(0o022)
    try:
        session = Session.create(en_form, "BASIC", english_script(20), writer="tests")
        session.add_take(0, good_wav)
        recorded = session.next_take_path(1)
        soundfile.write(recorded, *soundfile.read(good_wav))
    finally:
        os.umask(previous)
    folder = session.folder
    assert folder.parent == tmp_path / "data" / "sessions"
    folders = [tmp_path / "data", folder.parent, folder, *(p for p in folder.rglob("*") if p.is_dir())]
    assert {str(p): mode(p) for p in folders} == {str(p): 0o700 for p in folders}
    files = [
        folder / "session.json",
        folder / "logs" / "session.log",
        folder / LOCK_NAME,
        folder / HOLDER_NAME,
    ]
    files.append(session.take_path(0, session.takes(0)[0]))
    assert {str(p): mode(p) for p in files} == {str(p): 0o600 for p in files}


def test_a_lock_that_cannot_be_made_is_named_and_changes_nothing(basic_session, capsys):
    folder = basic_session.folder
    basic_session.close()
    (folder / LOCK_NAME).unlink()
    (folder / LOCK_NAME).mkdir()
    before = snapshot(folder)
    assert main(["pack", str(folder)]) == 1
    err = capsys.readouterr().err
    assert f"Could not use {folder / LOCK_NAME}" in err
    assert "The session was not changed." in err
    assert "Traceback" not in err
    assert snapshot(folder) == before
