"""The Quality check page against a sandbox over HTTP: the six metrics, errors, cancel, skip."""

from __future__ import annotations

import pytest
from support.memory_keyring import memory_keyring  # noqa: F401 (fixtures)
from support.ui_cloud import cloud_sandbox, ready_session  # noqa: F401 (fixtures)
from support.workflow_rig import FAST_POLL

from voicerecorder.ui import i18n
from voicerecorder.ui.page_ids import PageId
from voicerecorder.ui.pages.quality_check import QualityCheckPage
from voicerecorder.workflow import records
from voicerecorder.workflow.assess import METRICS


def quality_page(qtbot, wizard, open_page, session) -> QualityCheckPage:
    open_page(wizard, session, PageId.QUALITY)
    page = wizard.page_of(PageId.QUALITY)
    assert isinstance(page, QualityCheckPage)
    page.poll_policy = FAST_POLL
    qtbot.waitUntil(lambda: page.target is not None, timeout=10000)
    return page


def run_check(qtbot, page: QualityCheckPage) -> None:
    page.start_button.click()
    assert page.runner.busy
    assert not page.isComplete()
    qtbot.waitUntil(lambda: not page.runner.busy, timeout=60000)


def test_the_check_shows_six_metrics_expected_and_measured(
    qtbot,
    wizard,
    open_page,
    ready_session,  # noqa: F811
    cloud_sandbox,  # noqa: F811
):
    server = cloud_sandbox()
    page = quality_page(qtbot, wizard, open_page, ready_session)
    assert server.base_url in page.where.text()
    run_check(qtbot, page)
    assert not page.banner.isVisible(), page.banner.text
    stored = records.latest(ready_session, records.ASSESS)["result"]
    for metric in METRICS:
        row = page.metric_row(metric)
        assert row["expected"] == str(stored[metric]["expected"])
        assert row["actual"] == str(stored[metric]["actual"])
        assert row["actual"]
        assert row["status"] in ("✔ In range", "✖ Out of range")
    assert page.progress.bar.value() == page.progress.bar.maximum()
    assert page.isComplete()


def test_a_finished_check_is_shown_again_when_the_page_reopens(
    qtbot,
    wizard,
    open_page,
    ready_session,  # noqa: F811
    cloud_sandbox,  # noqa: F811
):
    cloud_sandbox()
    page = quality_page(qtbot, wizard, open_page, ready_session)
    run_check(qtbot, page)
    shown = page.metric_row("snr")
    page.show_result(None)
    assert page.metric_row("snr")["actual"] == ""
    page.initializePage()
    assert page.metric_row("snr") == shown


def test_advice_in_chinese(qtbot, make_wizard, services, open_page, ready_session, cloud_sandbox):  # noqa: F811
    cloud_sandbox()
    i18n.set_language("zh_CN")
    page = quality_page(qtbot, make_wizard(services), open_page, ready_session)
    run_check(qtbot, page)
    stored = records.latest(ready_session, records.ASSESS)["result"]
    for metric in METRICS:
        assert page.metric_row(metric)["advice"] == (
            stored[metric]["advice_zh"] or stored[metric]["advice_en"] or ""
        )
    assert page.title() == "云端质量检测"
    page.wizard().holder.set(None)  # the Record page cannot retranslate a session it never showed


def test_a_service_error_is_shown_and_the_check_can_be_retried(
    qtbot,
    wizard,
    open_page,
    ready_session,  # noqa: F811
    cloud_sandbox,  # noqa: F811
):
    cloud_sandbox("error=CreateShortJob:1x")
    page = quality_page(qtbot, wizard, open_page, ready_session)
    run_check(qtbot, page)
    assert page.banner.kind == "error"
    assert page.banner.text
    assert page.start_button.isEnabled()
    assert page.isComplete()
    run_check(qtbot, page)
    assert page.metric_row("snr")["actual"]


def test_cancel_stops_the_check(qtbot, wizard, open_page, ready_session, cloud_sandbox):  # noqa: F811
    cloud_sandbox("latency=0.3")
    page = quality_page(qtbot, wizard, open_page, ready_session)
    page.start_button.click()
    qtbot.waitUntil(lambda: page.progress.step.text() != "", timeout=10000)
    page.progress.cancel.click()
    qtbot.waitUntil(lambda: not page.runner.busy, timeout=30000)
    assert "Cancelled" in page.banner.text


def test_the_check_can_be_skipped(qtbot, wizard, open_page, ready_session, cloud_sandbox):  # noqa: F811
    cloud_sandbox()
    page = quality_page(qtbot, wizard, open_page, ready_session)
    assert page.isComplete()
    assert wizard.button(wizard.WizardButton.NextButton).isEnabled()
    wizard.next()
    assert wizard.currentId() == int(PageId.SUBMIT)


@pytest.fixture(autouse=True)
def english():
    i18n.set_language("en")
    yield
    i18n.set_language("en")
