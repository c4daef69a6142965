"""The Chinese translation is complete: every string in the .ts has a translation, and the .qm is compiled."""

from __future__ import annotations

import xml.etree.ElementTree as ET

import pytest

from voicerecorder.ui.i18n import CATALOG, translations_dir

TS_FILES = sorted(translations_dir().glob(f"{CATALOG}_*.ts"))


def test_there_is_a_chinese_catalog():
    assert [path.name for path in TS_FILES] == ["voicerecorder_zh_CN.ts"]


@pytest.mark.parametrize("ts", TS_FILES, ids=lambda path: path.name)
def test_no_unfinished_or_empty_translation(ts):
    problems = []
    for context in ET.parse(ts).getroot().iter("context"):
        for message in context.iter("message"):
            translation = message.find("translation")
            texts = [form.text for form in translation.iter("numerusform")] or [translation.text]
            kind = translation.get("type")
            if kind in ("unfinished", "vanished", "obsolete") or not all(t and t.strip() for t in texts):
                problems.append(
                    f"{context.findtext('name')}: {message.findtext('source')!r} ({kind or 'empty'})"
                )
    assert problems == []


@pytest.mark.parametrize("ts", TS_FILES, ids=lambda path: path.name)
def test_compiled_catalog_is_up_to_date(ts):
    qm = ts.with_suffix(".qm")
    assert qm.is_file(), f"run packaging/dev/update-translations.sh to compile {qm.name}"
    assert qm.stat().st_mtime >= ts.stat().st_mtime - 1
    assert qm.stat().st_size > 1000


@pytest.mark.parametrize("ts", TS_FILES, ids=lambda path: path.name)
def test_placeholders_survive_translation(ts):
    for message in ET.parse(ts).getroot().iter("message"):
        source = message.findtext("source")
        translation = message.find("translation")
        text = "".join(translation.itertext())
        for number in range(1, 5):
            if f"%{number}" in source:
                assert f"%{number}" in text, source
