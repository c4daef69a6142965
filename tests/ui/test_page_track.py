"""The Track page against a sandbox over HTTP: timeline, AUDIT_FAILED → re-record → resubmit → SUCCEED."""

from __future__ import annotations

import pytest
from PySide6.QtGui import QGuiApplication
from support.memory_keyring import memory_keyring  # noqa: F401 (fixtures)
from support.mnemonics import clashes
from support.ui_cloud import cloud_sandbox, ready_session, walk_to  # noqa: F401 (fixtures)
from support.workflow_rig import FAST_POLL, client_of, write_take

from voicerecorder.ui import i18n
from voicerecorder.ui.page_ids import PageId
from voicerecorder.ui.pages.quality_check import QualityCheckPage
from voicerecorder.ui.pages.track import STATE_ROLE, TrackPage
from voicerecorder.workflow import records
from voicerecorder.workflow.delete import delete_job
from voicerecorder.workflow.submit import submit


@pytest.fixture(autouse=True)
def fast(monkeypatch):
    monkeypatch.setattr(TrackPage, "poll_policy", FAST_POLL)
    monkeypatch.setattr(QualityCheckPage, "poll_policy", FAST_POLL)
    i18n.set_language("en")
    yield
    i18n.set_language("en")


def states(page: TrackPage) -> list[str]:
    return [page.timeline.item(row).data(STATE_ROLE) for row in range(page.timeline.count())]


def test_audit_failed_rerecord_resubmit_until_succeed(
    qtbot,
    wizard,
    open_page,
    ready_session,  # noqa: F811
    cloud_sandbox,  # noqa: F811
    tmp_path,
):
    cloud_sandbox("reject=3")
    open_page(wizard, ready_session, PageId.RECORD)
    submit_page = walk_to(qtbot, wizard, PageId.SUBMIT)
    submit_page.submit_button.click()
    qtbot.waitUntil(lambda: submit_page.isComplete(), timeout=60000)
    page = walk_to(qtbot, wizard, PageId.TRACK)
    assert page.job.text() == f"Job ID: {records.latest(ready_session, records.TRAINING)['job_id']}"
    qtbot.waitUntil(lambda: page.audit_box.isVisible(), timeout=60000)
    assert states(page)[-1] == "AUDIT_FAILED"
    assert page.audit_list.count() == 1
    assert page.audit_list.item(0).text().startswith("Sentence 4 (file 3.wav)")
    assert page.rejected_sentences() == [3]
    assert not clashes(wizard)

    page.rerecord_button.click()
    assert wizard.currentId() == int(PageId.RECORD)
    assert wizard.page_of(PageId.RECORD).index == 3
    sources = tmp_path / "new-takes"
    sources.mkdir()
    ready_session.add_take(3, write_take(sources, 3, seed=1003))

    page = walk_to(qtbot, wizard, PageId.TRACK)
    qtbot.waitUntil(lambda: not page.runner.busy, timeout=30000)
    page.resubmit_button.click()
    qtbot.waitUntil(lambda: page.current_state() == "SUCCEED" and not page.runner.busy, timeout=90000)
    asset = records.latest(ready_session, records.TRAINING)["asset_id"]
    assert asset
    assert page.asset.text() == f"Voice asset ID: {asset}"
    assert states(page)[-1] == "SUCCEED"
    assert not page.audit_box.isVisible()
    page.copy_asset.click()
    assert QGuiApplication.clipboard().text() == asset
    for language in ("en", "zh_CN"):
        i18n.set_language(language)
        assert not clashes(wizard), language


def test_resubmitting_unchanged_takes_says_what_to_do(qtbot, wizard, open_page, ready_session, cloud_sandbox):  # noqa: F811
    server = cloud_sandbox("reject=5")
    submit(ready_session, client_of(server))
    open_page(wizard, ready_session, PageId.TRACK)
    page = wizard.page_of(PageId.TRACK)
    qtbot.waitUntil(lambda: page.audit_box.isVisible() and not page.runner.busy, timeout=60000)
    page.resubmit_button.click()
    qtbot.waitUntil(lambda: page.banner.isVisible() and not page.runner.busy, timeout=30000)
    assert "Sentence 6 (file 5.wav)" in page.banner.text
    assert "Record it again" in page.banner.text


def test_a_network_error_offers_to_try_again(qtbot, wizard, open_page, ready_session, cloud_sandbox):  # noqa: F811
    cloud_sandbox("error=ShowVoiceTrainingJob:1.0")
    records.save(
        ready_session,
        records.TRAINING,
        {"job_id": "missing-job", "step": "committed", "state": "AUDITING"},
        new=True,
    )
    open_page(wizard, ready_session, PageId.TRACK)
    page = wizard.page_of(PageId.TRACK)
    qtbot.waitUntil(lambda: page.banner.isVisible(), timeout=60000)
    assert page.banner.kind == "error"
    assert page.banner.action.isVisible()
    assert states(page) == ["AUDITING"]


def test_nothing_submitted(qtbot, wizard, open_page, ready_session):  # noqa: F811
    open_page(wizard, ready_session, PageId.TRACK)
    page = wizard.page_of(PageId.TRACK)
    assert page.job.text() == "Nothing submitted yet."
    assert not page.runner.busy
    assert not page.isComplete()


def test_a_job_deleted_here_offers_a_new_job(qtbot, wizard, open_page, ready_session, cloud_sandbox):  # noqa: F811
    client = client_of(cloud_sandbox("fail=1"))
    old = submit(ready_session, client).job_id
    qtbot.waitUntil(lambda: client.show_voice_training_job(old).state == "FAILED", timeout=60000)
    delete_job(client, old)
    open_page(wizard, ready_session, PageId.TRACK)
    page = wizard.page_of(PageId.TRACK)
    qtbot.waitUntil(lambda: page.banner.isVisible() and not page.runner.busy, timeout=60000)
    assert f"Job {old} was deleted" in page.banner.text
    assert page.banner.action.text() == "Submit as a ne&w job"
    when = records.latest(ready_session, records.TRAINING)["deleted"]
    assert page.state_text.text() == f"This job was deleted ({when}). Submit as a new job to go on."

    page.banner.action.click()
    qtbot.waitUntil(lambda: page.job.text() not in ("", f"Job ID: {old}"), timeout=60000)
    latest = records.latest(ready_session, records.TRAINING)
    assert latest["replaces"] == old
    assert page.job.text() == f"Job ID: {latest['job_id']}"
    assert not page.banner.isVisible() or "was deleted" not in page.banner.text
