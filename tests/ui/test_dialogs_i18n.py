"""Pages 5-8, the dialogs and the workflow progress are completely translated to Chinese."""

from __future__ import annotations

import xml.etree.ElementTree as ET

from PySide6.QtCore import QTranslator

from voicerecorder.ui.i18n import CATALOG, translations_dir

CONTEXTS = (
    "DialogLauncher",
    "SettingsDialog",
    "JobsWindow",
    "DiagnosticsDialog",
    "ReviewPage",
    "QualityCheckPage",
    "SubmitPage",
    "TrackPage",
    "WorkflowProgress",
)


def messages(context: str) -> list[ET.Element]:
    tree = ET.parse(translations_dir() / f"{CATALOG}_zh_CN.ts")
    found = [c for c in tree.getroot() if c.findtext("name") == context]
    assert found, f"{context} is missing from the .ts file (run the translation update)"
    return found[0].findall("message")


def test_every_string_has_a_finished_chinese_translation():
    for context in CONTEXTS:
        for message in messages(context):
            translation = message.find("translation")
            text = "".join(translation.itertext()).strip()
            assert translation.get("type") is None, (context, message.findtext("source"))
            assert text, (context, message.findtext("source"))


def test_compiled_catalog_translates_these_contexts(qapp):
    translator = QTranslator()
    assert translator.load(f"{CATALOG}_zh_CN", str(translations_dir()))
    assert translator.translate("SettingsDialog", "&Test connection") == "测试连接(&T)"
    assert translator.translate("ReviewPage", "Review") == "检查"
    assert translator.translate("JobsWindow", "%n job(s)", "", 3) == "%n 个任务"
