"""Fixtures for the cloud-facing dialogs and pages: no developer credentials, a sandbox on 127.0.0.1."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest

from support.memory_keyring import memory_keyring  # noqa: F401 (fixture)
from support.workflow_rig import new_session, point_environment_at, write_take
from voicerecorder.sandbox import SandboxServer, parse_faults
from voicerecorder.session.store import Session
from voicerecorder.ui.page_ids import PageId

FAST_SPEED = 400.0


@pytest.fixture
def sandbox_server(tmp_path: Path) -> Iterator[SandboxServer]:
    """A fast sandbox on 127.0.0.1 with the demo credentials; stopped after the test."""
    server = SandboxServer(tmp_path / "sandbox-server", speed=FAST_SPEED).start()
    yield server
    server.stop()


@pytest.fixture
def cloud_sandbox(monkeypatch: pytest.MonkeyPatch, tmp_path: Path, memory_keyring):  # noqa: F811
    """``cloud_sandbox(faults="")``: a fast sandbox the app reaches through the environment's credentials."""
    servers: list[SandboxServer] = []

    def start(faults: str = "") -> SandboxServer:
        server = SandboxServer(
            tmp_path / f"sandbox-{len(servers)}", speed=FAST_SPEED, faults=parse_faults(faults)
        )
        servers.append(server.start())
        point_environment_at(monkeypatch, server)
        return server

    yield start
    for server in servers:
        server.stop()


@pytest.fixture
def ready_session(tmp_path: Path, services) -> Session:
    """A BASIC English session with a passing take for all 20 sentences (the workflow tests' takes)."""
    sources = tmp_path / "take-sources"
    sources.mkdir()
    session = new_session(services.sessions_root / "ready")
    for index in range(20):
        session.add_take(index, write_take(sources, index, seed=index))
    return session


def walk_to(qtbot, wizard, page_id: PageId):
    """Press Next (once each page allows it) until ``page_id`` shows; that page."""
    while wizard.currentId() != int(page_id):
        before = wizard.currentId()
        qtbot.waitUntil(lambda: wizard.currentPage().isComplete(), timeout=10000)
        wizard.next()
        assert wizard.currentId() != before
    return wizard.currentPage()
