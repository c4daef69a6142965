"""Full disks, read-only folders, missing permissions and missing files: every command names the
file and the fix in one sentence, with its documented exit code, and leaves the session intact."""

from __future__ import annotations

import shutil
import sys
import textwrap

import pytest
from support.filesystems import (
    cli,
    reachable_folder,
    read_only,
    run,
    size_limited,
    small_tmpfs,
    without_permission,
)
from support.session_takes import english_script

from voicerecorder.session.store import Session

NEW = ("--edition", "basic", "--language", "EN", "--tag", "NEWS")


def assert_named(done, code: int, sentence: str) -> None:
    assert done.returncode == code, done.stderr
    assert sentence in done.stderr
    assert "Traceback" not in done.stderr


@pytest.fixture
def idle_session(basic_session) -> Session:
    """The session with its lock let go, so that the command under test can take it."""
    basic_session.close()
    return basic_session


@pytest.fixture
def full_session(basic_session, good_wav) -> Session:
    for index in range(20):
        basic_session.add_take(index, good_wav)
    basic_session.close()
    return basic_session


def test_new_in_a_read_only_folder_exits_2(tmp_path):
    parent = tmp_path / "readonly"
    parent.mkdir()
    done = run(read_only(parent, cli("new", parent / "s", *NEW)))
    assert_named(done, 2, f"Could not write {parent / 's'}: the disk or folder is read-only. Choose a folder")


def test_new_on_a_full_disk_exits_2(tmp_path):
    parent = tmp_path / "full"
    parent.mkdir()
    done = run(small_tmpfs(parent, cli("new", parent / "s", *NEW), size="4k"))
    assert_named(done, 2, f"Could not write {parent / 's'}: the disk is full. Free some disk space")


def test_new_beyond_the_file_size_limit_exits_2(tmp_path):
    done = run(size_limited(1000, "new", tmp_path / "s", *NEW))
    assert_named(done, 2, f"Could not write {tmp_path / 's'}: the disk is full.")


def test_new_without_permission_exits_2():
    with reachable_folder() as parent:
        done = run(without_permission(parent, cli("new", parent / "s", *NEW)))
        assert_named(done, 2, f"No permission to use {parent / 's'}. Give your user access")


def test_import_into_a_read_only_session_changes_nothing(idle_session, good_wav):
    folder = idle_session.folder
    before = idle_session.manifest_path.read_bytes()
    done = run(read_only(folder, cli("import", folder, good_wav)))
    assert_named(done, 1, "the disk or folder is read-only")
    assert f"Could not write {folder / '.session.lock'}" in done.stderr
    assert "The session was not changed." in done.stderr
    assert idle_session.manifest_path.read_bytes() == before


def test_import_on_a_full_disk_keeps_no_half_take(basic_session, good_wav):
    folder = basic_session.folder
    before = basic_session.manifest_path.read_bytes()
    take = basic_session.next_take_path(0)
    basic_session.close()
    done = run(size_limited(good_wav.stat().st_size // 2, "import", folder, good_wav))
    assert_named(done, 1, f"Could not write {take}: the disk is full. Free some disk space, then try again.")
    assert basic_session.manifest_path.read_bytes() == before
    assert [path.name for path in take.parent.iterdir()] == []


def test_import_onto_a_full_disk_names_the_take(basic_session, good_wav):
    takes = basic_session.folder / "takes"
    before = basic_session.manifest_path.read_bytes()
    take = basic_session.next_take_path(0)
    take.parent.rmdir()  # the import makes the sentence's folder on the full disk itself
    basic_session.close()
    done = run(small_tmpfs(takes, cli("import", basic_session.folder, good_wav), size="64k"))
    assert_named(done, 1, f"Could not write {take}: the disk is full. Free some disk space, then try again.")
    assert basic_session.manifest_path.read_bytes() == before


def test_import_without_permission_changes_nothing(en_form, good_wav):
    with reachable_folder() as parent:
        session = Session.create(en_form, "BASIC", english_script(20), writer="tests", folder=parent / "s")
        session.close()
        shutil.copy(good_wav, parent / "take.wav")
        before = session.manifest_path.read_bytes()
        done = run(without_permission(parent, cli("import", session.folder, parent / "take.wav")))
        assert_named(done, 1, "No permission to use")
        assert session.manifest_path.read_bytes() == before


def test_pack_on_a_full_disk_names_the_zip(full_session):
    exports = full_session.folder / "exports"
    done = run(small_tmpfs(exports, cli("pack", full_session.folder), size="256k"))
    assert_named(done, 1, f"Could not write {exports / 'session.zip'}: the disk is full.")


def test_pack_in_a_read_only_session_names_its_lock(full_session):
    folder = full_session.folder
    done = run(read_only(folder, cli("pack", folder)))
    assert_named(done, 1, f"Could not write {folder / '.session.lock'}: the disk or folder is read-only.")
    assert not list((folder / "exports").iterdir())


def test_check_names_a_deleted_take(full_session):
    take = full_session.take_path(3, full_session.chosen_take(3))
    take.unlink()
    done = run(cli("check", full_session.folder))
    assert_named(done, 2, f"The audio file {take} is missing (moved or deleted). Put it back")
    assert "System error" not in done.stderr


SAVE_ON_A_FULL_DISK = textwrap.dedent(
    """
    import resource, signal, sys
    from pathlib import Path
    from voicerecorder.errors import UserFacingError
    from voicerecorder.session.store import Session
    session = Session.open(Path(sys.argv[1]), writer="tests")
    signal.signal(signal.SIGXFSZ, signal.SIG_IGN)
    resource.setrlimit(resource.RLIMIT_FSIZE, (100, 100))
    try:
        session.set_current_index(3)
    except UserFacingError as error:
        print(error.message.en)
        print(error.message.zh)
    """
)


def test_a_manifest_save_on_a_full_disk_names_session_json(idle_session):
    basic_session = idle_session
    before = basic_session.manifest_path.read_bytes()
    done = run([sys.executable, "-c", SAVE_ON_A_FULL_DISK, str(basic_session.folder)])
    assert f"Could not write {basic_session.manifest_path}: the disk is full." in done.stdout
    assert "磁盘已满" in done.stdout
    assert basic_session.manifest_path.read_bytes() == before
    assert list(basic_session.folder.glob(".session.json.*")) == []


START_A_TAKE = textwrap.dedent(
    """
    import sys
    from pathlib import Path
    from voicerecorder.audio.takewriter import TakeWriteError, TakeWriter
    try:
        TakeWriter(Path(sys.argv[1]), 48000, on_error=print)
    except TakeWriteError as error:
        print(error.message.en)
    """
)


def test_recording_into_a_read_only_folder_says_read_only_not_disk_full(tmp_path):
    take = tmp_path / "a.wav"
    done = run(read_only(tmp_path, [sys.executable, "-c", START_A_TAKE, str(take)]))
    assert "the disk or folder is read-only. Choose a folder you can write to." in done.stdout
    assert "Free some disk space" not in done.stdout
    assert "recorded so far was kept" not in done.stdout


def test_recording_without_permission_says_so():
    with reachable_folder() as folder:
        done = run(without_permission(folder, [sys.executable, "-c", START_A_TAKE, str(folder / "a.wav")]))
        assert f"No permission to use {folder / 'a.wav'}." in done.stdout
        assert "Free some disk space" not in done.stdout


def test_check_names_a_take_it_may_not_read(good_wav):
    with reachable_folder() as folder:
        take = folder / "take.wav"
        shutil.copy(good_wav, take)
        command = without_permission(folder, cli("check", take))
        take.chmod(0o000)
        done = run(command)
        assert_named(done, 2, f"No permission to use {take}. Give your user access to it")
        assert "System error" not in done.stderr
