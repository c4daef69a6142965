"""Fixtures of the sandbox tests: fast sandboxes that are stopped after each test."""

import pytest
from support.sandbox_fixtures import running_sandbox, start_sandbox  # noqa: F401 (fixtures)
from support.sandbox_sdk import sdk_client


@pytest.fixture
def client(sandbox):
    return sdk_client(sandbox)
