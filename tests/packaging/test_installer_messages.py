"""The project's own Simplified Chinese messages for the Windows installer
(packaging/windows/ChineseSimplified.isl) against Inno Setup 6.4.1's English Default.isl.

Fast, no wine: the reference is Default.isl inside the pinned npm tarball that
packaging/windows/check-installer.sh caches, and when that cache is absent the message ids and
placeholders committed next to this test (inno_default_messages.txt, taken from that file).
"""

import base64
import hashlib
import os
import re
import tarfile
from collections import Counter
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
WINDOWS = ROOT / "packaging" / "windows"
CHINESE = WINDOWS / "ChineseSimplified.isl"
COMMITTED = Path(__file__).with_name("inno_default_messages.txt")
SECTIONS = ("Messages", "CustomMessages")
TOKEN = re.compile(r"&&|&|%[1-9n%]|\[name/ver\]|\[name\]|\[gb\]|\[mb\]")
HAN = re.compile(r"[\u4e00-\u9fff]")
# Messages made only of placeholders, units and punctuation read the same in Chinese.
SAME_IN_BOTH = {"ComponentSize1", "ComponentSize2", "UninstallDisplayNameMark", "UninstallDisplayNameMarks"}


def sections(text: str) -> dict[str, dict[str, str]]:
    """The entries of an Inno Setup messages file, by section; a repeated entry fails."""
    found: dict[str, dict[str, str]] = {}
    entries: dict[str, str] = {}
    for line in text.splitlines():
        line = line.strip()
        if not line or line.startswith(";"):
            continue
        if line.startswith("[") and line.endswith("]") and "=" not in line:
            entries = found.setdefault(line[1:-1], {})
            continue
        key, _, value = line.partition("=")
        assert key not in entries, f"{key} is given twice"
        entries[key] = value
    return found


def tokens(value: str) -> tuple[str, ...]:
    """The placeholders (%1..%9, %n, %%, [name] and the like) and & accelerators of a message."""
    return tuple(sorted(Counter(TOKEN.findall(value)).elements()))


def signatures(text: str) -> dict[str, dict[str, tuple[str, ...]]]:
    messages = sections(text)
    return {section: {key: tokens(value) for key, value in messages[section].items()} for section in SECTIONS}


def committed_signatures() -> dict[str, dict[str, tuple[str, ...]]]:
    found: dict[str, dict[str, tuple[str, ...]]] = {section: {} for section in SECTIONS}
    for line in COMMITTED.read_text("utf-8").splitlines():
        section, key, *placeholders = line.split()
        found[section][key] = tuple(sorted(placeholders))
    return found


def pinned(name: str) -> str:
    script = (WINDOWS / "check-installer.sh").read_text("utf-8")
    return re.search(rf"^{name}=(\S+)$", script, re.MULTILINE)[1]


def cached_default_isl() -> str | None:
    """Default.isl from check-installer.sh's cached npm tarball, when it is there and intact."""
    cache = Path(os.environ.get("XDG_CACHE_HOME") or Path.home() / ".cache")
    tarball = cache / "voicerecorder" / "check-installer" / f"innosetup-{pinned('INNO_VERSION')}.tgz"
    if not tarball.is_file():
        return None
    digest = base64.b64encode(hashlib.sha512(tarball.read_bytes()).digest()).decode()
    if f"sha512-{digest}" != pinned("INNO_INTEGRITY"):
        return None
    with tarfile.open(tarball) as archive:
        return archive.extractfile("package/bin/Default.isl").read().decode("utf-8-sig")


def reference() -> dict[str, dict[str, tuple[str, ...]]]:
    default = cached_default_isl()
    return signatures(default) if default is not None else committed_signatures()


def chinese() -> dict[str, dict[str, str]]:
    return sections(CHINESE.read_bytes().decode("utf-8-sig"))


def test_the_committed_reference_matches_default_isl():
    """Holds against the real Default.isl once check-installer.sh has cached Inno Setup."""
    assert committed_signatures() == reference()


def test_the_file_is_utf8_with_a_byte_order_mark():
    raw = CHINESE.read_bytes()
    assert raw.startswith(b"\xef\xbb\xbf")
    raw.decode("utf-8")


def test_the_language_is_simplified_chinese_in_unicode():
    options = chinese()["LangOptions"]
    assert options == {"LanguageName": "简体中文", "LanguageID": "$0804", "LanguageCodePage": "0"}


def test_every_message_id_of_default_isl_is_there_and_no_other():
    expected, found = reference(), chinese()
    for section in SECTIONS:
        missing = sorted(set(expected[section]) - set(found[section]))
        unknown = sorted(set(found[section]) - set(expected[section]))
        assert (missing, unknown) == ([], []), section


def test_no_message_loses_or_gains_a_placeholder_or_accelerator():
    expected, found = reference(), signatures(CHINESE.read_bytes().decode("utf-8-sig"))
    wrong = [
        f"{key}: {found[section][key]} instead of {placeholders}"
        for section in SECTIONS
        for key, placeholders in expected[section].items()
        if found[section].get(key) != placeholders
    ]
    assert not wrong


def test_every_worded_message_is_in_chinese():
    found = chinese()
    untranslated = [
        key
        for section in SECTIONS
        for key, value in found[section].items()
        if value and key not in SAME_IN_BOTH and not HAN.search(value)
    ]
    assert not untranslated


def test_the_script_and_the_build_use_the_file_in_the_repository():
    script = (WINDOWS / "voicerecorder.iss").read_text("utf-8-sig")
    language = r'^Name: "chinesesimplified"; MessagesFile: "ChineseSimplified\.isl"\r?$'
    assert re.search(language, script, re.MULTILINE)
    assert "ChineseMessages" not in script
    build = (ROOT / ".github" / "workflows" / "build.yml").read_text("utf-8")
    assert "ChineseMessages" not in build
    assert "Invoke-WebRequest" not in build
