"""Importing script files: encodings, line endings, tables, and every kind of bad input."""

from __future__ import annotations

import codecs
import random

import pytest

from voicerecorder.errors import UserFacingError
from voicerecorder.session.script import MAX_FILE_BYTES, detect_language, load_script_file

CN_LINES = [
    "今天的天气格外晴朗，我们一起去公园散步吧。",
    "你最喜欢哪一个季节？",
    "这条小路的尽头有一片金黄的麦田！",
]
EN_LINES = ["The river was calm this morning.", "Where did you put the blue umbrella?", "What a lovely day!"]


def write(tmp_path, name: str, data: bytes):
    path = tmp_path / name
    path.write_bytes(data)
    return path


@pytest.mark.parametrize(
    ("encoding", "bom"),
    [
        ("utf-8", b""),
        ("utf-8", codecs.BOM_UTF8),
        ("utf-16-le", codecs.BOM_UTF16_LE),
        ("utf-16-be", codecs.BOM_UTF16_BE),
        ("utf-16-le", b""),
        ("utf-16-be", b""),
        ("gb18030", b""),
    ],
)
@pytest.mark.parametrize(("language", "lines"), [("CN", CN_LINES), ("EN", EN_LINES)])
def test_each_encoding_reads_back_exactly(tmp_path, encoding, bom, language, lines):
    path = write(tmp_path, "script.txt", bom + "\n".join(lines).encode(encoding))
    script = load_script_file(path, language)
    assert [s.text for s in script.sentences] == lines
    assert [s.id for s in script.sentences] == ["001", "002", "003"]
    assert script.language == language
    assert script.source == "script.txt"


def test_crlf_and_blank_lines(tmp_path):
    text = "\r\n\r\n  " + EN_LINES[0] + "  \r\n\r\n" + EN_LINES[1] + "\r\n   \r\n" + EN_LINES[2] + "\r\n\r\n"
    script = load_script_file(write(tmp_path, "s.txt", text.encode()), "en")
    assert [s.text for s in script.sentences] == EN_LINES
    assert [s.id for s in script.sentences] == ["001", "002", "003"]
    assert script.line_numbers == (3, 5, 7)
    assert script.line_of(2) == 7


def test_more_than_999_sentences_get_four_digit_ids(tmp_path):
    text = "\n".join(f"Sentence number {i:x} is here." for i in range(1200))
    script = load_script_file(write(tmp_path, "long.txt", text.encode()), "EN")
    assert script.sentences[0].id == "0001"
    assert script.sentences[-1].id == "1200"


@pytest.mark.parametrize(
    ("name", "text"),
    [
        ("s.tsv", "id\ttext\na1\tThe river was calm.\nb2\tWhere is it?\n"),
        ("s.tsv", "a1\tThe river was calm.\r\n\r\nb2\tWhere is it?\r\n"),
        ("s.csv", "ID,Text\na1,The river was calm.\nb2,Where is it?\n"),
        ("s.csv", 'a1,"The river was calm."\n\nb2,Where is it?\n'),
        ("s.CSV", "编号,文本\na1,The river was calm.\nb2,Where is it?\n"),
    ],
)
def test_tables_with_and_without_header(tmp_path, name, text):
    script = load_script_file(write(tmp_path, name, text.encode("utf-8-sig")), "EN")
    assert [(s.id, s.text) for s in script.sentences] == [
        ("a1", "The river was calm."),
        ("b2", "Where is it?"),
    ]
    assert script.line_numbers[0] in (1, 2)


def test_csv_keeps_quoted_commas_and_line_numbers(tmp_path):
    text = 'id,text\n7,"Well, that was quick, was it not?"\n\n9,"Yes, it was."\n'
    script = load_script_file(write(tmp_path, "s.csv", text.encode()), "EN")
    assert [s.text for s in script.sentences] == ["Well, that was quick, was it not?", "Yes, it was."]
    assert [s.id for s in script.sentences] == ["7", "9"]
    assert script.line_numbers == (2, 4)


def test_utf16_table(tmp_path):
    text = "id\ttext\nx\t你最喜欢哪一个季节？\n"
    script = load_script_file(write(tmp_path, "s.tsv", codecs.BOM_UTF16_LE + text.encode("utf-16-le")), "CN")
    assert script.sentences[0].text == "你最喜欢哪一个季节？"


@pytest.mark.parametrize(
    ("name", "text", "words"),
    [
        ("s.csv", "1,Well, that was quick.\n", "line 1 should hold two columns"),
        ("s.tsv", "1\tfirst\n2\n", "line 2 should hold two columns"),
        ("s.tsv", "1\tfirst\n2\t\n", "line 2 should hold two columns"),
        ("s.csv", "1,first\n1,second\n", "already used on line 1"),
        ("s.csv", "../up,first\n", "cannot name a take folder"),
        ("s.csv", '1,"never closed\n', "quoting"),
    ],
)
def test_bad_tables_name_the_line(tmp_path, name, text, words):
    with pytest.raises(UserFacingError) as error:
        load_script_file(write(tmp_path, name, text.encode()), "EN")
    assert words in error.value.message.en
    assert "行" in error.value.message.zh


@pytest.mark.parametrize(
    "data",
    [
        random.Random(7).randbytes(4096),
        b"RIFF\x24\x08\x00\x00WAVEfmt \x10\x00\x00\x00\x01\x00\x01\x00\x80\xbb\x00\x00" + bytes(2000),
        b"\x89PNG\r\n\x1a\n" + random.Random(3).randbytes(500),
        b"A line with a bell \x07 inside.\n",
        codecs.BOM_UTF16_LE + "Text\x01\x02\x03 with controls".encode("utf-16-le"),
    ],
    ids=["random", "wav", "png", "control-char", "utf16-controls"],
)
def test_binary_files_are_refused(tmp_path, data):
    with pytest.raises(UserFacingError) as error:
        load_script_file(write(tmp_path, "junk.txt", data), "EN")
    assert "not a text file" in error.value.message.en
    assert "纯文本" in error.value.message.zh


def test_unknown_encoding_is_refused(tmp_path):
    with pytest.raises(UserFacingError) as error:
        load_script_file(write(tmp_path, "s.txt", b"abc \x80\xff def\n"), "EN")
    assert "save it as UTF-8" in error.value.message.en


def test_damaged_utf16_is_refused(tmp_path):
    with pytest.raises(UserFacingError) as error:
        load_script_file(write(tmp_path, "s.txt", codecs.BOM_UTF16_LE + b"A\x00B"), "EN")
    assert "damaged" in error.value.message.en


@pytest.mark.parametrize("data", [b"", b"\n\r\n   \n\t\n", codecs.BOM_UTF8, b"id,text\n"])
def test_empty_scripts_are_refused(tmp_path, data):
    name = "s.csv" if data.startswith(b"id") else "s.txt"
    with pytest.raises(UserFacingError) as error:
        load_script_file(write(tmp_path, name, data), "EN")
    assert "has no sentences" in error.value.message.en


def test_files_over_one_mebibyte_are_refused(tmp_path):
    line = b"This sentence is only here to make the file far too large.\n"
    data = line * (MAX_FILE_BYTES // len(line) + 1)
    with pytest.raises(UserFacingError) as error:
        load_script_file(write(tmp_path, "big.txt", data), "EN")
    assert "larger than 1 MiB" in error.value.message.en


def test_too_many_sentences_are_refused_but_the_limit_itself_is_fine(tmp_path):
    lines = [f"Line {i}." for i in range(2001)]
    assert (
        len(load_script_file(write(tmp_path, "ok.txt", "\n".join(lines[:2000]).encode()), "EN").sentences)
        == 2000
    )
    with pytest.raises(UserFacingError) as error:
        load_script_file(write(tmp_path, "many.txt", "\n".join(lines).encode()), "EN")
    assert "at most 2000" in error.value.message.en


def test_missing_file_and_wrong_suffix_are_usage_errors(tmp_path):
    with pytest.raises(UserFacingError) as missing:
        load_script_file(tmp_path / "absent.txt", "EN")
    assert "does not exist" in missing.value.message.en
    assert missing.value.exit_code == 2
    with pytest.raises(UserFacingError) as suffix:
        load_script_file(write(tmp_path, "script.docx", b"hello"), "EN")
    assert ".txt" in suffix.value.message.en
    assert suffix.value.exit_code == 2
    (tmp_path / "folder.txt").mkdir()
    with pytest.raises(UserFacingError) as folder:
        load_script_file(tmp_path / "folder.txt", "EN")
    assert folder.value.exit_code == 2


def test_unknown_language_is_refused(tmp_path):
    with pytest.raises(UserFacingError) as error:
        load_script_file(write(tmp_path, "s.txt", b"Hello there, my friend.\n"), "JP")
    assert "CN (Chinese) or EN (English)" in error.value.message.en


@pytest.mark.parametrize(
    ("text", "language"),
    [
        ("\n".join(CN_LINES), "CN"),
        ("\n".join(EN_LINES), "EN"),
        ("我们今天去看一场电影，片名叫做 Moonlight Harbour。", "CN"),
        ("The word for rain is 雨 in Chinese.", "EN"),
    ],
)
def test_language_detection(text, language):
    assert detect_language(text) == language


def test_language_detection_needs_letters():
    with pytest.raises(UserFacingError) as error:
        detect_language("12345 ... !!!")
    assert "--language" in error.value.message.en
    assert error.value.exit_code == 2
