"""Saving the manifest never makes a reader wait for the disk, and the newest state lands last."""

from __future__ import annotations

import threading

from voicerecorder.session import store
from voicerecorder.session.store import Session


class HeldDisk:
    """Replaces the manifest write with one that waits until released (a slow disk)."""

    def __init__(self) -> None:
        self.real = store.atomic_write_bytes
        self.entered = threading.Event()
        self.release = threading.Event()

    def __call__(self, path, data) -> None:
        self.entered.set()
        self.release.wait(10)
        self.real(path, data)


def held_save(session: Session, index: int, monkeypatch) -> tuple[HeldDisk, threading.Thread]:
    """Move ``session`` to ``index`` on a thread whose manifest write waits at the held disk."""
    disk = HeldDisk()
    monkeypatch.setattr(store, "atomic_write_bytes", disk)
    writer = threading.Thread(target=session.set_current_index, args=(index,))
    writer.start()
    assert disk.entered.wait(5)
    return disk, writer


def test_reads_answer_while_a_save_waits_for_the_disk(basic_session, monkeypatch):
    disk, writer = held_save(basic_session, 3, monkeypatch)
    assert basic_session.current_index == 3
    assert basic_session.chosen_take(0) is None
    assert basic_session.sentence(3).text
    assert writer.is_alive()  # the reads above did not wait for the held write
    disk.release.set()
    writer.join(10)
    assert Session.open(basic_session.folder).current_index == 3


def test_the_newest_change_is_the_one_on_disk(basic_session, monkeypatch):
    disk, first = held_save(basic_session, 3, monkeypatch)
    second = threading.Thread(target=basic_session.set_current_index, args=(5,))
    second.start()
    disk.release.set()
    first.join(10)
    second.join(10)
    assert Session.open(basic_session.folder).current_index == 5
