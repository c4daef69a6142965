"""The Jobs window lists the account's jobs from a sandbox over HTTP, filters by state and pages."""

from __future__ import annotations

import pytest
from support.memory_keyring import memory_keyring  # noqa: F401 (fixtures)
from support.ui_cloud import sandbox_server  # noqa: F401 (fixtures)

from voicerecorder.cloud.client import MetaStudioClient
from voicerecorder.cloud.models import CreateTrainingJobReq
from voicerecorder.sandbox import DEFAULT_AK, DEFAULT_SK, SANDBOX_LABEL, SandboxServer
from voicerecorder.ui import i18n
from voicerecorder.ui.cloud_options import USE_SANDBOX
from voicerecorder.ui.dialogs import jobs_window
from voicerecorder.ui.dialogs.jobs_window import COLUMNS, JobsWindow
from voicerecorder.workflow.target import sandbox_config, sandbox_data_dir

VOICES = ("Ada", "Ben", "Cleo")


@pytest.fixture(autouse=True)
def clean(memory_keyring):  # noqa: F811
    i18n.set_language("en")
    yield
    i18n.set_language("en")


def create_jobs(server: SandboxServer) -> list[str]:
    client = MetaStudioClient(sandbox_config(server.base_url, DEFAULT_AK, DEFAULT_SK, server.project_id))
    return [
        client.create_training_job("BASIC", CreateTrainingJobReq(voice_name=name)).job_id for name in VOICES
    ]


@pytest.fixture
def cloud_env(monkeypatch, sandbox_server):  # noqa: F811
    """Credentials in the environment pointing at the test's sandbox."""
    monkeypatch.setenv("METASTUDIO_ENDPOINT", sandbox_server.base_url)
    monkeypatch.setenv("METASTUDIO_PROJECT_ID", sandbox_server.project_id)
    monkeypatch.setenv("CLOUD_SDK_AK", DEFAULT_AK)
    monkeypatch.setenv("CLOUD_SDK_SK", DEFAULT_SK)
    return sandbox_server


def open_window(qtbot, services) -> JobsWindow:
    window = JobsWindow(services)
    qtbot.addWidget(window)
    window.show()
    qtbot.waitUntil(lambda: window.listing is not None and not window.runner.busy, timeout=15000)
    return window


def column(window: JobsWindow, name: str) -> list[str]:
    return [window.table.item(row, COLUMNS.index(name)).text() for row in range(window.table.rowCount())]


def test_lists_every_job_with_its_state_in_plain_words(qtbot, services, cloud_env):
    ids = create_jobs(cloud_env)
    window = open_window(qtbot, services)
    assert sorted(column(window, "job")) == sorted(ids)
    assert sorted(column(window, "voice")) == sorted(VOICES)
    assert set(column(window, "state")) == {"CREATING"}
    assert all(text.startswith("Created — waiting") for text in column(window, "meaning"))
    assert cloud_env.base_url in window.where.text()
    assert window.status.text() == "3 job(s)"


def test_filter_by_state_and_refresh(qtbot, services, cloud_env):
    create_jobs(cloud_env)
    window = open_window(qtbot, services)
    window.state_filter.setCurrentIndex(window.state_filter.findData("SUCCEED"))
    qtbot.waitUntil(lambda: window.listing.states == ("SUCCEED",) and not window.runner.busy, timeout=15000)
    assert window.table.rowCount() == 0
    window.state_filter.setCurrentIndex(window.state_filter.findData("CREATING"))
    qtbot.waitUntil(lambda: window.listing.states == ("CREATING",) and not window.runner.busy, timeout=15000)
    assert window.table.rowCount() == 3
    create_jobs(cloud_env)
    window.refresh_button.click()
    qtbot.waitUntil(lambda: window.table.rowCount() == 6, timeout=15000)


def test_all_pages_are_fetched(qtbot, services, cloud_env, monkeypatch):
    monkeypatch.setattr(jobs_window, "PAGE_SIZE", 2)
    ids = create_jobs(cloud_env) + create_jobs(cloud_env)
    window = open_window(qtbot, services)
    assert sorted(column(window, "job")) == sorted(ids)


def test_states_are_described_in_chinese(qtbot, services, cloud_env):
    create_jobs(cloud_env)
    i18n.set_language("zh_CN")
    window = open_window(qtbot, services)
    assert column(window, "meaning")[0].startswith("已创建")


def test_wrong_credentials_show_an_error(qtbot, services, cloud_env, monkeypatch):
    monkeypatch.setenv("CLOUD_SDK_SK", "WrongSecretKey0000")
    window = open_window_failing(qtbot, services)
    assert window.banner.kind == "error"
    assert "WrongSecretKey0000" not in window.banner.text
    assert window.refresh_button.isEnabled()


def open_window_failing(qtbot, services) -> JobsWindow:
    window = JobsWindow(services)
    qtbot.addWidget(window)
    window.show()
    qtbot.waitUntil(lambda: window.banner.isVisible(), timeout=15000)
    return window


def test_the_sandbox_switch_lists_the_in_app_sandbox_jobs(qtbot, services):
    with SandboxServer(sandbox_data_dir()) as server:
        ids = create_jobs(server)
    services.settings.set(USE_SANDBOX, True)
    window = open_window(qtbot, services)
    assert sorted(column(window, "job")) == sorted(ids)
    assert window.where.text() == SANDBOX_LABEL.en
