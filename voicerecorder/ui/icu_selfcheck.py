"""Self-test probe of what Qt asks ICU for: collation, case mapping, time zone names, converters.

Qt's core library calls ICU (the bundle carries a trimmed copy of its data, packaging/trim_icu.py)
for QCollator (which QFileSystemModel, and so the file dialogs, sort with), QLocale's case
mapping, QTimeZone's display names and QStringConverter's encodings beyond the Unicode ones and
Latin-1. The probe asks each for a result that is wrong when its data is missing: without the
Chinese collation Chinese sorts in code point order, not by pinyin. Its detail line is
``ascii()``-escaped so that packaging/build.sh can compare it before and after the trim.
"""

from __future__ import annotations

import sys
import tempfile
from pathlib import Path

from voicerecorder.errors import SkipCheck
from voicerecorder.ui.selfcheck import qt_application

# By pinyin: chen, li, wang, zhang, zhao (code point order is 张 李 王 赵 陈).
PINYIN_ORDER = ("陈", "李", "王", "张", "赵")
NATURAL_ORDER = ("apple", "take 9", "Take 10", "zebra")
ENCODINGS = ("GB18030", "GBK", "Big5", "windows-1252")
ZONE = b"Asia/Shanghai"
ZONE_NAMES = {"zh_CN": "中国标准时间", "en_US": "China Standard Time"}


def _collated(words: tuple[str, ...], locale: str, *, numeric: bool = False) -> tuple[str, ...]:
    from PySide6.QtCore import QCollator, QLocale

    collator = QCollator(QLocale(locale))
    collator.setNumericMode(numeric)
    return tuple(sorted(reversed(words), key=collator.sortKey))


def _file_model_order(stems: tuple[str, ...], locale: str) -> tuple[str, ...]:
    """The order QFileSystemModel (the file dialogs' model) shows files in under ``locale``."""
    from PySide6.QtCore import QEventLoop, QLocale, QTimer
    from PySide6.QtWidgets import QFileSystemModel

    qt_application()
    previous = QLocale()
    QLocale.setDefault(QLocale(locale))
    try:
        with tempfile.TemporaryDirectory() as folder:
            for stem in reversed(stems):
                (Path(folder) / f"{stem}.wav").touch()
            model = QFileSystemModel()
            loop = QEventLoop()
            model.directoryLoaded.connect(loop.quit)
            QTimer.singleShot(10_000, loop.quit)
            root = model.setRootPath(folder)
            loop.exec()
            model.sort(0)
            return tuple(Path(model.index(row, 0, root).data()).stem for row in range(model.rowCount(root)))
    finally:
        QLocale.setDefault(previous)


def _zone_names() -> dict[str, str]:
    from PySide6.QtCore import QLocale, QTimeZone

    zone = QTimeZone(ZONE)
    standard, long_name = QTimeZone.TimeType.StandardTime, QTimeZone.NameType.LongName
    return {locale: zone.displayName(standard, long_name, QLocale(locale)) for locale in ZONE_NAMES}


def _expect(what: str, found: object, expected: object) -> None:
    if found != expected:
        raise RuntimeError(f"{what}: {found!a}, expected {expected!a} (ICU data missing?)")


def check_icu() -> str:
    """Ask Qt for results that need ICU's data; fail on any that differs from the expected one."""
    if not sys.platform.startswith("linux"):
        raise SkipCheck("Qt asks the system, not ICU, for collation, time zone names and encodings here")
    from PySide6.QtCore import QLocale, QStringDecoder

    _expect("Chinese collation", _collated(PINYIN_ORDER, "zh_CN"), PINYIN_ORDER)
    _expect("natural order", _collated(NATURAL_ORDER, "en_US", numeric=True), NATURAL_ORDER)
    files = PINYIN_ORDER + NATURAL_ORDER
    _expect("file dialog order", _file_model_order(files, "zh_CN"), files)
    _expect("Turkish upper case", QLocale("tr_TR").toUpper("istanbul"), "İSTANBUL")
    _expect("time zone names", _zone_names(), ZONE_NAMES)
    _expect("encodings", [name for name in ENCODINGS if not QStringDecoder(name).isValid()], [])
    zone = f"{ZONE.decode()} {'/'.join(ZONE_NAMES.values())}"
    return ascii(f"{''.join(PINYIN_ORDER)} by pinyin, file dialog too; {zone}; {', '.join(ENCODINGS)}")
