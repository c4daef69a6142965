"""The Jobs window's review loop against a sandbox over HTTP: a rejected job's reasons, and
deleting a job (asked first, refused while MetaStudio works on it)."""

from __future__ import annotations

import pytest
from PySide6.QtWidgets import QMessageBox
from support.memory_keyring import memory_keyring  # noqa: F401 (fixtures)
from support.ui_cloud import cloud_sandbox, ready_session  # noqa: F401 (fixtures)
from support.workflow_rig import FAST_POLL, client_of, point_environment_at

from voicerecorder.cloud.errors import NotFoundError
from voicerecorder.sandbox import SandboxServer
from voicerecorder.sandbox.training import ADMIN_REJECT_REASON
from voicerecorder.ui import i18n
from voicerecorder.ui.dialogs.jobs_window import COLUMNS, JobsWindow
from voicerecorder.workflow.submit import submit
from voicerecorder.workflow.track import track


@pytest.fixture(autouse=True)
def english():
    i18n.set_language("en")
    yield
    i18n.set_language("en")


def rejected_job(server, session) -> str:
    """Submit ``session`` to ``server`` and follow the job until the review rejects it."""
    client = client_of(server)
    job_id = submit(session, client).job_id
    assert track(session, client, policy=FAST_POLL).state == "AUDIT_FAILED"
    return job_id


def open_window(qtbot, services) -> JobsWindow:
    window = JobsWindow(services)
    qtbot.addWidget(window)
    window.show()
    qtbot.waitUntil(lambda: window.listing is not None and not window.runner.busy, timeout=15000)
    return window


def row_of(window: JobsWindow, job_id: str) -> int:
    ids = [window.table.item(row, COLUMNS.index("job")).text() for row in range(window.table.rowCount())]
    return ids.index(job_id)


class Answers:
    """QMessageBox.question replaced: records what was asked and answers ``answer``."""

    def __init__(self, answer: QMessageBox.StandardButton) -> None:
        self.answer = answer
        self.asked: list[tuple[str, str]] = []

    def __call__(self, parent, title, text, *args):
        self.asked.append((title, text))
        return self.answer


def test_a_rejected_job_shows_the_reviewers_reason(qtbot, services, ready_session, cloud_sandbox):  # noqa: F811
    job_id = rejected_job(cloud_sandbox("admin_reject=1x"), ready_session)
    window = open_window(qtbot, services)
    meaning = window.table.item(row_of(window, job_id), COLUMNS.index("meaning")).text()
    assert meaning.splitlines()[1] == f"MetaStudio's reviewer: {ADMIN_REJECT_REASON}"
    assert window.listing.reasons[job_id][0].source == "reviewer"


def test_delete_asks_then_deletes_and_lists_again(
    qtbot,
    services,
    ready_session,  # noqa: F811
    cloud_sandbox,  # noqa: F811
    monkeypatch,
):
    server = cloud_sandbox("reject=1")
    job_id = rejected_job(server, ready_session)
    window = open_window(qtbot, services)
    window.table.selectRow(row_of(window, job_id))
    assert window.delete_button.isEnabled()

    declined = Answers(QMessageBox.StandardButton.No)
    monkeypatch.setattr(QMessageBox, "question", staticmethod(declined))
    window.delete_button.click()
    assert len(declined.asked) == 1
    assert job_id in declined.asked[0][1]
    assert "cannot be undone" in declined.asked[0][1]
    assert not window.runner.busy
    client_of(server).show_voice_training_job(job_id)

    accepted = Answers(QMessageBox.StandardButton.Yes)
    monkeypatch.setattr(QMessageBox, "question", staticmethod(accepted))
    window.delete_button.click()
    qtbot.waitUntil(lambda: window.banner.isVisible() and not window.runner.busy, timeout=15000)
    assert window.banner.text == f"Deleted job {job_id}."
    assert window.table.rowCount() == 0
    with pytest.raises(NotFoundError):
        client_of(server).show_voice_training_job(job_id)


def test_delete_is_refused_while_metastudio_works_on_the_job(
    qtbot,
    services,
    ready_session,  # noqa: F811
    memory_keyring,  # noqa: F811
    monkeypatch,
    tmp_path,
):
    with SandboxServer(tmp_path / "slow-sandbox", speed=0.5) as server:
        point_environment_at(monkeypatch, server)
        job_id = submit(ready_session, client_of(server)).job_id
        window = open_window(qtbot, services)
        row = row_of(window, job_id)
        assert window.table.item(row, COLUMNS.index("state")).text() == "SYSTEM_AUDITING"
        window.table.selectRow(row)
        assert not window.delete_button.isEnabled()
        assert "cannot be deleted now" in window.delete_button.toolTip()
        assert job_id in window.delete_button.toolTip()
        never = Answers(QMessageBox.StandardButton.Yes)
        monkeypatch.setattr(QMessageBox, "question", staticmethod(never))
        window.delete_selected()
        assert never.asked == []
        assert not window.runner.busy
        client_of(server).show_voice_training_job(job_id)


def test_delete_needs_a_selected_job(qtbot, services, ready_session, cloud_sandbox):  # noqa: F811
    rejected_job(cloud_sandbox("reject=1"), ready_session)
    window = open_window(qtbot, services)
    window.table.clearSelection()
    assert not window.delete_button.isEnabled()
    assert window.delete_button.toolTip() == "Select a job to delete it."
