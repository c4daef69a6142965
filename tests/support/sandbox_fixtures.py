"""Sandbox fixtures: fast sandboxes that are stopped after each test.

Imported by name into tests/sandbox/conftest.py and the CLI tests that need a running sandbox.
"""

import pytest

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


@pytest.fixture(name="sandbox")
def running_sandbox(start_sandbox):
    """``sandbox``: one running sandbox (the workflow tests' ``sandbox`` starts them on demand)."""
    return start_sandbox()
