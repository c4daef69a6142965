"""``voicerecorder script lint``: output, JSON, language detection and exit codes."""

from __future__ import annotations

import json
import subprocess
import sys

import pytest

from voicerecorder.cli import main
from voicerecorder.session.script import builtin_script

GOOD_EN = "The little boat drifted slowly across the quiet harbour as the sun went down."
# Twenty-three words: ten seconds at the English reading pace (2.3 words per second).
TEN_SECONDS_EN = " ".join(["word"] * 22) + " end."
WORDS = ("one", "two", "three", "four", "five", "six")


def builtin_lines(language: str, count: int) -> str:
    return "\n".join(s.text for s in builtin_script(language, "NEWS", "MIDDLE").sentences[:count]) + "\n"


def test_clean_script_exits_zero(tmp_path, capsys):
    path = tmp_path / "news.txt"
    path.write_text(builtin_lines("EN", 20), encoding="utf-8")
    assert main(["script", "lint", str(path), "--edition", "basic"]) == 0
    out = capsys.readouterr().out
    assert "news.txt: 20 sentences (EN, BASIC), 0 errors, 0 warnings." in out


def test_text_report_gives_the_estimated_reading_time(tmp_path, capsys, monkeypatch):
    path = tmp_path / "two.txt"
    path.write_text(f"{TEN_SECONDS_EN}\n{TEN_SECONDS_EN.replace('end', 'stop')}\n", encoding="utf-8")
    assert main(["script", "lint", str(path)]) == 0
    assert "Estimated reading time: 20 s." in capsys.readouterr().out
    path.write_text("\n".join(f"{TEN_SECONDS_EN[:-4]} {n}." for n in WORDS) + "\n", encoding="utf-8")
    monkeypatch.setenv("VOICERECORDER_LANG", "zh_CN")
    assert main(["script", "lint", str(path)]) == 0
    assert "预计朗读时长：1 分 0 秒。" in capsys.readouterr().out


def test_errors_exit_one_and_name_line_and_fix(tmp_path, capsys):
    path = tmp_path / "bad.txt"
    path.write_text(f"\n{GOOD_EN}\n\nWe opened in 2024 and sell fresh bread to the whole neighbourhood.\n")
    assert main(["script", "lint", str(path)]) == 1
    out = capsys.readouterr().out
    assert "error: Line 4 (sentence 002): contains the digits 2024. Write numbers out as words" in out
    assert "1 error, 0 warnings" in out


def test_warnings_alone_exit_zero(tmp_path, capsys):
    path = tmp_path / "warn.txt"
    path.write_text(f"{GOOD_EN}\nThank you all so much.\n")
    assert main(["script", "lint", str(path), "--language", "en"]) == 0
    out = capsys.readouterr().out
    assert "warning: Line 2 (sentence 002): reads in about" in out
    assert "0 errors, 1 warning." in out


def test_edition_count_is_an_error(tmp_path, capsys):
    path = tmp_path / "short.txt"
    path.write_text(builtin_lines("CN", 19), encoding="utf-8")
    assert main(["script", "lint", str(path), "--edition", "BASIC"]) == 1
    assert "exactly 20 sentences but there are only 19" in capsys.readouterr().out


def test_json_report_with_detected_chinese(tmp_path, capsys):
    path = tmp_path / "cn.txt"
    path.write_bytes(builtin_lines("CN", 3).encode("utf-16"))
    assert main(["script", "lint", str(path), "--json"]) == 0
    report = json.loads(capsys.readouterr().out)
    assert report == {
        "file": str(path),
        "language": "CN",
        "edition": None,
        "sentences": 3,
        "reading_seconds": round(sum("\u4e00" <= c <= "\u9fff" for c in builtin_lines("CN", 3)) / 4.6, 1),
        "errors": 0,
        "warnings": 0,
        "findings": [],
    }


def test_json_findings(tmp_path, capsys):
    path = tmp_path / "s.csv"
    path.write_text(f'id,text\na,"{GOOD_EN}"\nb,"{GOOD_EN}"\n')
    assert main(["script", "lint", str(path), "--json", "--edition", "middle"]) == 1
    report = json.loads(capsys.readouterr().out)
    assert (report["errors"], report["warnings"]) == (2, 0)
    assert [(f["line"], f["sentence_id"], f["code"]) for f in report["findings"]] == [
        (0, None, "sentence_count"),
        (3, "b", "duplicate"),
    ]
    assert "第 3 行" in report["findings"][1]["message_zh"]


def test_chinese_output(tmp_path, capsys, monkeypatch):
    monkeypatch.setenv("VOICERECORDER_LANG", "zh_CN")
    path = tmp_path / "bad.txt"
    path.write_text("我们的小店开了整整三年，每天早上六点准时出炉新鲜的面包，欢迎大家来尝一尝％。\n")
    assert main(["script", "lint", str(path)]) == 1
    out = capsys.readouterr().out
    assert "错误：第 1 行（句子 001）：含有符号 ％" in out
    assert "1 个错误，0 个警告" in out


def test_unreadable_file_messages_and_exit_codes(tmp_path, capsys):
    assert main(["script", "lint", str(tmp_path / "absent.txt")]) == 2
    assert "does not exist" in capsys.readouterr().err
    junk = tmp_path / "junk.txt"
    junk.write_bytes(bytes(range(256)) * 4)
    assert main(["script", "lint", str(junk)]) == 1
    assert "not a text file" in capsys.readouterr().err
    digits = tmp_path / "digits.txt"
    digits.write_text("123 456\n")
    assert main(["script", "lint", str(digits)]) == 2
    assert "--language" in capsys.readouterr().err


@pytest.mark.parametrize("argv", [["script", "lint"], ["script", "lint", "x.txt", "--edition", "premium"]])
def test_usage_errors_exit_two(argv, capsys):
    with pytest.raises(SystemExit) as exit_:
        main(argv)
    assert exit_.value.code == 2


def test_script_without_action_prints_help(capsys):
    assert main(["script"]) == 2
    assert "lint" in capsys.readouterr().out


def test_module_entry_point_exit_code(tmp_path):
    path = tmp_path / "bad.txt"
    path.write_text("Fifty % off.\n")
    result = subprocess.run(
        [sys.executable, "-m", "voicerecorder", "script", "lint", str(path)],
        capture_output=True,
        text=True,
        env={"VOICERECORDER_LANG": "en", "PATH": ""},
        check=False,
    )
    assert result.returncode == 1
    assert "error: Line 1 (sentence 001): contains %" in result.stdout
