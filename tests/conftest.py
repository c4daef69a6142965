"""Shared test setup: offscreen Qt, an isolated data folder, and the test rigs in ``support/``."""

import os

import pytest

pytest_plugins = ["support.pulse"]

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
os.environ.setdefault("VOICERECORDER_LANG", "en")


@pytest.fixture(autouse=True)
def isolated_data_dir(tmp_path_factory, monkeypatch):
    """Every test writes user data into its own temporary folder, never the real one."""
    data = tmp_path_factory.mktemp("userdata")
    monkeypatch.setenv("VOICERECORDER_DATA_DIR", str(data))
    return data
