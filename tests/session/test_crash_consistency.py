"""Killing a process in the middle of saves leaves the old or the new session.json, never a broken one."""

import dataclasses
import json
import os
import random
import signal
import sys
import time

import pytest

from voicerecorder.session import atomicfile
from voicerecorder.session.store import Session


def _save_forever(folder, pipe: int) -> None:
    """In the forked child: save the session again and again, reporting each finished save."""
    session = Session.open(folder, writer="saver")
    number = int(session.form.description.split()[1])
    while True:
        number += 1
        session.update_form(dataclasses.replace(session.form, description=f"save {number}"))
        os.write(pipe, f"{number}\n".encode())


def _start_saver(folder) -> tuple[int, int]:
    read_end, write_end = os.pipe()
    pid = os.fork()
    if pid == 0:
        try:
            os.close(read_end)
            _save_forever(folder, write_end)
        finally:
            os._exit(1)
    os.close(write_end)
    return pid, read_end


def _read_numbers(pipe, at_least: int) -> list[int]:
    data = b""
    while data.count(b"\n") < at_least:
        chunk = os.read(pipe, 4096)
        if not chunk:
            break
        data += chunk
    return [int(line) for line in data.split()]


@pytest.mark.skipif(not hasattr(os, "fork"), reason="needs fork and SIGKILL")
def test_killed_saver_leaves_old_or_new_manifest(basic_session):
    basic_session.update_form(dataclasses.replace(basic_session.form, description="save 0"))
    basic_session.close()
    rng = random.Random(7)
    last_saved = 0
    for _ in range(12):
        pid, pipe = _start_saver(basic_session.folder)
        printed = _read_numbers(pipe, 1)
        assert printed[0] == last_saved + 1
        time.sleep(rng.uniform(0.0, 0.05))
        os.kill(pid, signal.SIGKILL)
        os.waitpid(pid, 0)
        printed += _read_numbers(pipe, sys.maxsize)
        os.close(pipe)
        finished = printed[-1]
        data = json.loads(basic_session.manifest_path.read_text(encoding="utf-8"))
        on_disk = int(data["voice"]["description"].split()[1])
        assert on_disk in (finished, finished + 1)
        assert len(data["sentences"]) == 20
        reopened = Session.open(basic_session.folder)
        assert reopened.form.description == f"save {on_disk}"
        last_saved = on_disk
    assert last_saved > 12
    later = time.time() + atomicfile.STALE_AFTER_S + 1
    atomicfile.remove_stale_temps(basic_session.manifest_path, now=later)
    assert not list(basic_session.folder.glob(".session.json.*"))
