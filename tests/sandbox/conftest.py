"""Fixtures of the sandbox tests: fast sandboxes that are stopped after each test."""

import pytest
from support.sandbox_sdk import sdk_client

from voicerecorder.sandbox import FaultPlan, SandboxServer

FAST = 400.0


@pytest.fixture
def start_sandbox(tmp_path):
    """Start sandboxes (all stopped after the test): ``start_sandbox(faults=..., speed=...)``."""
    servers = []

    def start(faults: FaultPlan | None = None, speed: float = FAST, folder: str = "sandbox") -> SandboxServer:
        server = SandboxServer(tmp_path / folder, speed=speed, faults=faults).start()
        servers.append(server)
        return server

    yield start
    for server in servers:
        server.stop()


@pytest.fixture
def sandbox(start_sandbox):
    return start_sandbox()


@pytest.fixture
def client(sandbox):
    return sdk_client(sandbox)
