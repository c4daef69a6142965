"""Workflow fixtures: fast sandboxes on 127.0.0.1 and sessions whose takes pass the checker.

Imported by name into tests/workflow/conftest.py and tests/cli/.
"""

from __future__ import annotations

import json
import shutil
from collections.abc import Callable, Iterable
from pathlib import Path

import pytest

from support.workflow_rig import SPEED, VOICE, new_session, write_take
from voicerecorder.sandbox import SandboxServer, parse_faults
from voicerecorder.session.store import Session


@pytest.fixture(autouse=True)
def no_saved_cloud_settings(memory_keyring):
    """No saved settings (the root conftest already hides the developer's credentials)."""


@pytest.fixture(name="sandbox")
def sandbox_factory(tmp_path) -> Callable[..., SandboxServer]:
    """Start sandboxes (faults as a ``--faults`` SPEC); all are stopped after the test."""
    servers: list[SandboxServer] = []

    def start(
        faults: str = "", *, speed: float = SPEED, data: Path | None = None, port: int = 0
    ) -> SandboxServer:
        server = SandboxServer(
            data or tmp_path / "sandbox", port=port, speed=speed, faults=parse_faults(faults)
        )
        servers.append(server.start())
        return server

    yield start
    for server in servers:
        server.stop()


@pytest.fixture(scope="session")
def take_sources(tmp_path_factory) -> Path:
    """The first take of every sentence, generated once for the whole run."""
    folder = tmp_path_factory.mktemp("take-sources")
    for index in range(20):
        write_take(folder, index, seed=index)
    return folder


@pytest.fixture(scope="session")
def full_template(tmp_path_factory, take_sources) -> Path:
    """A session folder with a passing take for every sentence, built once and copied per test."""
    folder = tmp_path_factory.mktemp("template") / "session"
    session = new_session(folder)
    for index in range(20):
        session.add_take(index, write_take(take_sources, index, seed=index))
    return folder


@pytest.fixture
def make_session(tmp_path, take_sources, full_template) -> Callable[..., Session]:
    """A BASIC English session with a passing take for each of ``with_takes`` (default: all 20)."""

    def make(
        name: str = "session", with_takes: Iterable[int] = range(20), voice_name: str = VOICE
    ) -> Session:
        indices = list(with_takes)
        if indices == list(range(20)) and voice_name == VOICE:
            shutil.copytree(full_template, tmp_path / name)
            return Session.open(tmp_path / name, writer="tests")
        session = new_session(tmp_path / name, voice_name)
        for index in indices:
            session.add_take(index, write_take(take_sources, index, seed=index))
        return session

    return make


@pytest.fixture
def rerecord(take_sources) -> Callable[[Session, Iterable[int]], None]:
    """Record new (different) passing takes for some sentences."""

    def add(session: Session, indices: Iterable[int]) -> None:
        for index in indices:
            session.add_take(index, write_take(take_sources, index, seed=1000 + index))

    return add


@pytest.fixture
def segment_session(make_session) -> Callable[..., Session]:
    """A BASIC session (passing takes for ``with_takes``, default all 20) whose data goes up
    sentence by sentence (SEGMENT)."""

    def make(name: str = "segment-session", with_takes: Iterable[int] = range(20)) -> Session:
        session = make_session(name, with_takes)
        path = session.manifest_path
        data = json.loads(path.read_text(encoding="utf-8"))
        data["create_type"] = "SEGMENT"
        path.write_text(json.dumps(data, ensure_ascii=False), encoding="utf-8")
        session.close()
        return Session.open(session.folder, writer="tests")

    return make
