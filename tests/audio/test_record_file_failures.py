"""``voicerecorder record`` into a folder it cannot write: the cause named, not "disk full"."""

from __future__ import annotations

import pytest
from support.filesystems import cli, read_only, run

pytestmark = pytest.mark.realaudio


def test_record_into_a_read_only_folder_names_it(virtual_mic, tmp_path):
    done = run(read_only(tmp_path, cli("record", tmp_path / "a.wav", "--seconds", "1", "--device", "pulse")))
    assert done.returncode == 1, done.stderr
    assert (
        f"Could not write {tmp_path / 'a.wav'}: the disk or folder is read-only. Choose a folder"
        in done.stderr
    )
    assert "Free some disk space" not in done.stderr
    assert "Traceback" not in done.stderr
