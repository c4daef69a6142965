"""The script a voice talent reads: the model, the built-in scripts and importing a script file.

Sentence ids are three-digit, zero-padded positions ("001", "002", ...; four digits once a
script has more than 999 sentences), so a sentence keeps its id whether the BASIC (first 20)
or the MIDDLE (all 100) edition is read, and take folders sort in reading order.
A ``.tsv``/``.csv`` file brings its own ids instead.
"""

from __future__ import annotations

import codecs
import csv
import re
import unicodedata
from collections.abc import Iterable, Mapping
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from voicerecorder.errors import EXIT_USAGE, UserFacingError
from voicerecorder.paths import resources_dir
from voicerecorder.text import Bilingual

LANGUAGES = ("CN", "EN")
EDITION_SIZES = {"BASIC": 20, "MIDDLE": 100}
"""Editions packaged as sentence pairs (``0.wav``/``0.txt`` …): exactly this many sentences."""
ADVANCE_MIN_SENTENCES = 500
"""ADVANCE (premium) reads 500 sentences or more, delivered as one long WAV (MetaStudio guide)."""
EDITIONS = (*EDITION_SIZES, "ADVANCE")
# Every JobTag of MetaStudio's voice-training API (spec/metastudio-api.md); each has a built-in
# script in both languages (resources/scripts/<cn|en>/<tag>.txt); some also have a built-in ADVANCE
# set of 500 or more sentences (resources/scripts/<cn|en>/advance/<tag>.txt).
TAGS = ("ECOMMERCE", "NEWS", "MARKETING", "LIVE", "EDUCATION", "CUSTOMER", "STORYTELLING")
SCRIPT_SUFFIXES = (".txt", ".tsv", ".csv")
MAX_FILE_BYTES = 1024 * 1024
MAX_SENTENCES = 2000

# Exit code when the request itself is wrong: a missing file, an unknown choice (README: usage).
_ID_PATTERN = re.compile(r"[A-Za-z0-9][A-Za-z0-9_.-]{0,63}")
_HEADER_IDS = {"id", "sentence_id", "sentence id", "编号", "序号", "句子编号"}
_CJK = re.compile(r"[\u3400-\u4dbf\u4e00-\u9fff\uf900-\ufaff]")
_LATIN = re.compile(r"[A-Za-z]")
# Latin, general punctuation, CJK punctuation, CJK ideographs and full-width forms.
_SCRIPT_RANGES = (
    (0x09, 0x0D),
    (0x20, 0x24F),
    (0x2000, 0x206F),
    (0x3000, 0x303F),
    (0x3400, 0x9FFF),
    (0xFF00, 0xFFEF),
)
_BOMS = ((codecs.BOM_UTF8, "utf-8"), (codecs.BOM_UTF16_LE, "utf-16-le"), (codecs.BOM_UTF16_BE, "utf-16-be"))


@dataclass(frozen=True)
class Sentence:
    """One prompt: its stable id (also the name of its take folder) and the exact text to read."""

    id: str
    text: str


@dataclass(frozen=True)
class Script:
    """The sentences of one recording, in reading order.

    ``source`` says where they came from: ``builtin:<language>/<tag>`` or, for a built-in
    ADVANCE set, ``builtin:<language>/advance/<tag>`` (lower case), or the imported file's
    name. ``line_numbers`` holds each sentence's line in that file for
    messages; it is neither stored nor compared.
    """

    language: str
    sentences: tuple[Sentence, ...]
    source: str
    line_numbers: tuple[int, ...] = field(default=(), compare=False, repr=False)

    def line_of(self, index: int) -> int:
        """The file line of the sentence at ``index`` (its 1-based position if unknown)."""
        if index < len(self.line_numbers):
            return self.line_numbers[index]
        return index + 1

    def to_dict(self) -> dict[str, Any]:
        """A JSON-ready form for the session manifest."""
        return {
            "language": self.language,
            "source": self.source,
            "sentences": [{"id": s.id, "text": s.text} for s in self.sentences],
        }

    @classmethod
    def from_dict(cls, data: Mapping[str, Any]) -> Script:
        """Rebuild a script written by :meth:`to_dict`; refuse anything malformed."""
        try:
            language = _checked_language(data["language"])
            source = str(data["source"])
            sentences = tuple(Sentence(str(item["id"]), str(item["text"])) for item in data["sentences"])
        except (KeyError, TypeError) as error:
            raise UserFacingError(
                Bilingual(
                    f"The stored script is incomplete ({error!r}). Restore session.json from a backup "
                    "or start a new session.",
                    f"保存的文稿不完整（{error!r}）。请从备份恢复 session.json，或新建一个录音会话。",
                )
            ) from error
        _check_ids((i, s.id) for i, s in enumerate(sentences, 1))
        return cls(language, sentences, source)


def builtin_script(language: str, tag: str, edition: str) -> Script:
    """The built-in script for ``language`` (CN/EN), ``tag`` and ``edition``.

    BASIC and MIDDLE read the first 20 or 100 lines of ``<language>/<tag>.txt``; ADVANCE reads
    every line of its own set, ``<language>/advance/<tag>.txt``, where one exists.
    """
    language = _checked_language(language)
    tag = _checked_tag(tag)
    fewest, most = sentence_bounds(edition)
    if most is None:
        if (language, tag) not in builtin_advance_sets():
            raise _no_advance_set(language, tag)
        relative = f"{language.lower()}/advance/{tag.lower()}"
    else:
        relative = f"{language.lower()}/{tag.lower()}"
    numbered = _builtin_lines(relative)[:most]
    if len(numbered) < fewest:
        raise _builtin_too_short(edition.upper(), relative, len(numbered), fewest)
    return _numbered_script(language, numbered, f"builtin:{relative}")


def builtin_advance_sets() -> tuple[tuple[str, str], ...]:
    """The (language, tag) pairs with a built-in ADVANCE set: the files in ``scripts/<lang>/advance/``."""
    root = resources_dir() / "scripts"
    found = {(path.parent.parent.name.upper(), path.stem.upper()) for path in root.glob("*/advance/*.txt")}
    return tuple((language, tag) for language in LANGUAGES for tag in TAGS if (language, tag) in found)


def _checked_tag(tag: str) -> str:
    value = tag.upper()
    if value not in TAGS:
        raise UserFacingError(
            Bilingual(
                f"Unknown tag {value!r}. Choose one of: {', '.join(TAGS)}.",
                f"未知的声音标签“{value}”。请从以下标签中选择：{'、'.join(TAGS)}。",
            ),
            exit_code=EXIT_USAGE,
        )
    return value


def _builtin_lines(relative: str) -> list[tuple[int, str]]:
    """(line number, sentence) for every non-blank line of ``scripts/<relative>.txt``."""
    path = resources_dir() / "scripts" / f"{relative}.txt"
    try:
        lines = path.read_text(encoding="utf-8").splitlines()
    except OSError as error:
        raise UserFacingError(
            Bilingual(
                f"The built-in script {path} cannot be read ({error.strerror}). Reinstall voicerecorder, "
                "or import a script file instead.",
                f"无法读取内置文稿 {path}（{error.strerror}）。"
                "请重新安装 voicerecorder，或改为导入文稿文件。",
            )
        ) from error
    return [(number, line.strip()) for number, line in enumerate(lines, 1) if line.strip()]


def _no_advance_set(language: str, tag: str) -> UserFacingError:
    sets = builtin_advance_sets()
    listed_en = ", ".join(f"{lang} {name}" for lang, name in sets) or "none"
    listed_zh = "、".join(f"{lang} {name}" for lang, name in sets) or "无"
    return UserFacingError(
        Bilingual(
            f"There is no built-in ADVANCE script for {language} {tag}. Built-in ADVANCE sets: "
            f"{listed_en}. An imported script of {ADVANCE_MIN_SENTENCES} or more sentences works for "
            "any tag (voicerecorder new … --script FILE).",
            f"没有 {language} {tag} 的内置 ADVANCE 文稿。现有的内置 ADVANCE 文稿：{listed_zh}。"
            f"任何标签都可以导入 {ADVANCE_MIN_SENTENCES} 句或更多的文稿"
            "（voicerecorder new … --script FILE）。",
        ),
        exit_code=EXIT_USAGE,
    )


def _builtin_too_short(edition: str, relative: str, have: int, fewest: int) -> UserFacingError:
    return UserFacingError(
        Bilingual(
            f"The built-in script {relative} has {have} sentences; the {edition} edition reads at least "
            f"{fewest}. Reinstall voicerecorder, or import a script of {fewest} or more sentences "
            "instead (voicerecorder new … --script FILE).",
            f"内置文稿 {relative} 只有 {have} 句；{edition} 版本至少需要 {fewest} 句。"
            f"请重新安装 voicerecorder，或改为导入 {fewest} 句或更多的文稿"
            "（voicerecorder new … --script FILE）。",
        ),
        exit_code=EXIT_USAGE,
    )


def load_script_file(path: str | Path, language: str) -> Script:
    """Import a ``.txt`` (one sentence per line) or ``.tsv``/``.csv`` (id, text) script file.

    The encoding is detected (UTF-8 with or without BOM, UTF-16 with or without BOM,
    GB18030); binary files, empty scripts and files over 1 MiB or 2000 sentences are refused.
    """
    path = Path(path)
    return parse_script_text(read_script_text(path), path.name, language)


def read_script_text(path: str | Path) -> str:
    """The decoded text of a script file, after checking its suffix, size and encoding."""
    path = Path(path)
    return decode_script_bytes(_read_limited(path), path.name)


def parse_script_text(text: str, name: str, language: str) -> Script:
    """Split decoded script text into sentences; ``name``'s suffix picks lines or id/text rows."""
    language = _checked_language(language)
    suffix = Path(name).suffix.lower()
    if suffix not in (".tsv", ".csv"):
        numbered = [(n, line.strip()) for n, line in enumerate(text.splitlines(), 1) if line.strip()]
        _check_count(len(numbered), name)
        return _numbered_script(language, numbered, name)
    rows = _tabular_rows(text, name, "\t" if suffix == ".tsv" else ",")
    _check_count(len(rows), name)
    _check_ids((line, sid) for line, sid, _ in rows)
    return Script(
        language,
        tuple(Sentence(sid, sentence) for _, sid, sentence in rows),
        name,
        tuple(row[0] for row in rows),
    )


def decode_script_bytes(data: bytes, name: str) -> str:
    """Decode a script file's bytes, detecting the encoding; refuse binary or unknown data."""
    for bom, encoding in _BOMS:
        if data.startswith(bom):
            return _checked_text(_decode(data[len(bom) :], encoding, name), name)
    if b"\x00" in data:
        encoding = _bomless_utf16(data)
        if encoding is None:
            raise _binary_error(name)
        return _checked_text(_decode(data, encoding, name), name)
    for encoding in ("utf-8", "gb18030"):
        try:
            return _checked_text(data.decode(encoding), name)
        except UnicodeDecodeError:
            continue
    raise UserFacingError(
        Bilingual(
            f"{name} is not in a text encoding this program reads (UTF-8, UTF-16 or GB18030). "
            "Open it in a text editor and save it as UTF-8.",
            f"{name} 的编码无法识别（支持 UTF-8、UTF-16、GB18030）。请用文本编辑器打开并另存为 UTF-8。",
        )
    )


def detect_language(text: str) -> str:
    """Guess CN or EN from the share of Chinese characters among the letters of ``text``."""
    cjk = len(_CJK.findall(text))
    latin = len(_LATIN.findall(text))
    if cjk + latin == 0:
        raise UserFacingError(
            Bilingual(
                "The script has no Chinese or English letters, so its language cannot be told. "
                "Give it with --language CN or --language EN.",
                "文稿中没有中文或英文字母，无法判断语言。请用 --language CN 或 --language EN 指定。",
            ),
            exit_code=EXIT_USAGE,
        )
    # One Chinese character carries about as much speech as a short English word (4-5 letters).
    return "CN" if cjk * 4 >= latin else "EN"


def _numbered_script(language: str, numbered: list[tuple[int, str]], source: str) -> Script:
    width = max(3, len(str(len(numbered))))
    sentences = tuple(Sentence(str(i).zfill(width), text) for i, (_, text) in enumerate(numbered, 1))
    return Script(language, sentences, source, tuple(n for n, _ in numbered))


def _checked_language(language: object) -> str:
    value = str(language).upper()
    if value not in LANGUAGES:
        raise UserFacingError(
            Bilingual(
                f"Unknown script language {language!r}: use CN (Chinese) or EN (English).",
                f"未知的文稿语言“{language}”：请使用 CN（中文）或 EN（英文）。",
            ),
            exit_code=EXIT_USAGE,
        )
    return value


def sentence_bounds(edition: str) -> tuple[int, int | None]:
    """(fewest, most) sentences the edition (any case) reads; ``most`` None: no upper bound."""
    name = edition.upper()
    if name == "ADVANCE":
        return ADVANCE_MIN_SENTENCES, None
    size = EDITION_SIZES.get(name)
    if size is None:
        raise UserFacingError(
            Bilingual(
                f"Unknown edition {edition!r}: use BASIC (20 sentences), MIDDLE (100 sentences) or "
                f"ADVANCE ({ADVANCE_MIN_SENTENCES} or more).",
                f"未知的版本“{edition}”：请使用 BASIC（二十句）、MIDDLE（一百句）或 "
                f"ADVANCE（{ADVANCE_MIN_SENTENCES} 句或更多）。",
            ),
            exit_code=EXIT_USAGE,
        )
    return size, size


def _read_limited(path: Path) -> bytes:
    if path.suffix.lower() not in SCRIPT_SUFFIXES:
        raise UserFacingError(
            Bilingual(
                f"{path.name} is not a script file this program reads. Use a .txt file (one sentence "
                "per line) or a .tsv/.csv file (id, text).",
                f"{path.name} 不是支持的文稿格式。请使用 .txt（每行一句）或 .tsv/.csv（编号，文本）文件。",
            ),
            exit_code=EXIT_USAGE,
        )
    if not path.is_file():
        raise UserFacingError(
            Bilingual(
                f"The script file {path} does not exist or is not a file. Check the path.",
                f"文稿文件 {path} 不存在或不是文件。请检查路径。",
            ),
            exit_code=EXIT_USAGE,
        )
    try:
        with path.open("rb") as handle:
            data = handle.read(MAX_FILE_BYTES + 1)
    except OSError as error:
        raise UserFacingError(
            Bilingual(
                f"The script file {path} cannot be read ({error.strerror}). Check its permissions.",
                f"无法读取文稿文件 {path}（{error.strerror}）。请检查文件权限。",
            )
        ) from error
    if len(data) > MAX_FILE_BYTES:
        raise UserFacingError(
            Bilingual(
                f"{path.name} is larger than 1 MiB, far more than a recording script. Check that it is "
                "the right file, or split it into scripts of at most 2000 sentences.",
                f"{path.name} 超过 1 MiB，远大于一份录音文稿。"
                "请确认文件是否正确，或拆分成每份不超过两千句的文稿。",
            )
        )
    return data


def _decode(data: bytes, encoding: str, name: str) -> str:
    try:
        return data.decode(encoding)
    except UnicodeDecodeError as error:
        raise UserFacingError(
            Bilingual(
                f"{name} looks like {encoding.upper()} text but is damaged at byte {error.start}. "
                "Open it in a text editor and save it again as UTF-8.",
                f"{name} 看起来是 {encoding.upper()} 文本，但在第 {error.start} 字节处损坏。"
                "请用文本编辑器打开并重新另存为 UTF-8。",
            )
        ) from error


def _bomless_utf16(data: bytes) -> str | None:
    """UTF-16 without a byte-order mark: the byte order whose text reads as Chinese or Latin script."""
    best, best_score = None, 0
    for encoding in ("utf-16-le", "utf-16-be"):
        try:
            text = data.decode(encoding)
        except UnicodeDecodeError:
            continue
        score = sum(1 for char in text if _plausible(char))
        if score > best_score:
            best, best_score = encoding, score
    # Nearly every character of a real script is plausible; byte-swapped or binary data is not.
    return best if best_score >= 0.9 * (len(data) // 2) else None


def _plausible(char: str) -> bool:
    """A character a script is made of (a byte-swapped one would end in a zero byte or fall elsewhere)."""
    code = ord(char)
    if code >= 0x100 and code & 0xFF == 0:
        return False
    return any(low <= code <= high for low, high in _SCRIPT_RANGES)


def _checked_text(text: str, name: str) -> str:
    allowed = {"\t", "\n", "\r"}
    odd = sum(
        1 for char in text if char not in allowed and unicodedata.category(char) in ("Cc", "Co", "Cs", "Cn")
    )
    if odd:
        raise _binary_error(name)
    return text


def _binary_error(name: str) -> UserFacingError:
    return UserFacingError(
        Bilingual(
            f"{name} is not a text file (it contains binary data or control characters). Choose the "
            "script's plain-text file: .txt with one sentence per line, or .tsv/.csv with id and text.",
            f"{name} 不是纯文本文件（含有二进制数据或控制字符）。请选择文稿的纯文本文件："
            "每行一句的 .txt，或含编号和文本的 .tsv/.csv。",
        )
    )


def _check_count(count: int, name: str) -> None:
    if count == 0:
        raise UserFacingError(
            Bilingual(
                f"{name} has no sentences. Put one sentence per line (or one id and text per row) "
                "and import it again.",
                f"{name} 中没有句子。请每行写一句（或每行一个编号和文本）后重新导入。",
            )
        )
    if count > MAX_SENTENCES:
        raise UserFacingError(
            Bilingual(
                f"{name} has {count} sentences; a script may have at most {MAX_SENTENCES}. Check that it is "
                "the right file, or split it.",
                f"{name} 有 {count} 句，一份文稿最多 {MAX_SENTENCES} 句。请确认文件是否正确，或将其拆分。",
            )
        )


def _tabular_rows(text: str, name: str, delimiter: str) -> list[tuple[int, str, str]]:
    """(line, id, text) for every non-blank row; an optional header row starts with ``id``."""
    reader = csv.reader(text.splitlines(), delimiter=delimiter, strict=True)
    rows: list[tuple[int, str, str]] = []
    try:
        for cells in reader:
            line = reader.line_num
            cells = [cell.strip() for cell in cells]
            if not any(cells):
                continue
            if not rows and cells[0].casefold() in _HEADER_IDS:
                continue
            rows.append(_tabular_row(line, cells, name, delimiter))
    except csv.Error as error:
        raise UserFacingError(
            Bilingual(
                f"{name} line {reader.line_num}: {error}. Fix the quoting on that line.",
                f"{name} 第 {reader.line_num} 行：{error}。请修正该行的引号。",
            )
        ) from error
    return rows


def _tabular_row(line: int, cells: list[str], name: str, delimiter: str) -> tuple[int, str, str]:
    filled = [cell for cell in cells[2:] if cell]
    if len(cells) < 2 or not cells[1] or filled:
        hint_en = "a tab" if delimiter == "\t" else 'a comma, and put text containing commas in "quotes"'
        hint_zh = "制表符" if delimiter == "\t" else "英文逗号，含逗号的文本请加英文双引号"
        raise UserFacingError(
            Bilingual(
                f"{name} line {line} should hold two columns, an id and the sentence text, separated by "
                f"{hint_en}. Fix that line.",
                f"{name} 第 {line} 行应有两列：编号和句子文本，用{hint_zh}分隔。请修改该行。",
            )
        )
    return line, cells[0], cells[1]


def _check_ids(numbered: Iterable[tuple[int, str]]) -> None:
    seen: dict[str, int] = {}
    for line, sid in numbered:
        if not _ID_PATTERN.fullmatch(sid):
            raise UserFacingError(
                Bilingual(
                    f"Line {line}: the sentence id {sid!r} cannot name a take folder. Use up to 64 letters, "
                    "digits, '-', '_' or '.', starting with a letter or digit.",
                    f"第 {line} 行：句子编号“{sid}”不能用作录音文件夹名。请使用不超过六十四个字母、数字、"
                    "“-”“_”或“.”，并以字母或数字开头。",
                )
            )
        if sid in seen:
            raise UserFacingError(
                Bilingual(
                    f"Line {line}: the sentence id {sid!r} is already used on line {seen[sid]}. "
                    "Give every sentence its own id.",
                    f"第 {line} 行：句子编号“{sid}”已在第 {seen[sid]} 行使用。请给每个句子不同的编号。",
                )
            )
        seen[sid] = line
