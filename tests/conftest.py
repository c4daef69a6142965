"""Shared test setup: offscreen Qt, an isolated data folder, and the test rigs in ``support/``."""

import os

import pytest

pytest_plugins = ["support.pulse", "support.required_tests"]

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
os.environ.setdefault("VOICERECORDER_LANG", "en")


CLOUD_VARIABLES = (
    "CLOUD_SDK_AK",
    "CLOUD_SDK_SK",
    "CLOUD_SDK_SECURITY_TOKEN",
    "METASTUDIO_PROJECT_ID",
    "METASTUDIO_REGION",
    "METASTUDIO_ENDPOINT",
    "METASTUDIO_APP_USER_ID",
    "IAM_ENDPOINT",
    "IAM_USER",
    "IAM_PASSWORD",
    "IAM_DOMAIN",
)


@pytest.fixture(autouse=True)
def no_cloud_credentials(monkeypatch):
    """No credentials from the developer's environment ever reach a test."""
    for name in CLOUD_VARIABLES:
        monkeypatch.delenv(name, raising=False)


@pytest.fixture(autouse=True)
def isolated_data_dir(tmp_path_factory, monkeypatch):
    """Every test writes user data into its own temporary folder, never the real one."""
    data = tmp_path_factory.mktemp("userdata")
    monkeypatch.setenv("VOICERECORDER_DATA_DIR", str(data))
    return data
