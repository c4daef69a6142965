"""``voicerecorder script lint FILE``: check a script file before anyone reads it aloud."""

from __future__ import annotations

import argparse
import json
from pathlib import Path

from voicerecorder.errors import EXIT_FAILED, EXIT_OK, EXIT_USAGE
from voicerecorder.session.lint import LintFinding, lint_script, reading_seconds, reading_time_text
from voicerecorder.session.script import (
    EDITIONS,
    LANGUAGES,
    SCRIPT_SUFFIXES,
    Script,
    detect_language,
    parse_script_text,
    read_script_text,
)
from voicerecorder.text import Bilingual, current_language

_LEVELS = {"error": Bilingual("error: ", "错误："), "warning": Bilingual("warning: ", "警告：")}


def register(subparsers: argparse._SubParsersAction) -> None:
    """Add ``script`` with its ``lint`` sub-command."""
    script = subparsers.add_parser("script", help="work with recording scripts")
    script.set_defaults(func=lambda _args: _usage(script))
    actions = script.add_subparsers(dest="script_command", metavar="ACTION")
    lint = actions.add_parser(
        "lint",
        help="check a script file and say how to fix each problem",
        description="Check a script (.txt one sentence per line, or .tsv/.csv id and text). "
        "Also prints the estimated reading time of the whole script. "
        "Exit 0 when there are no errors (warnings alone still exit 0), 1 when there are errors, "
        "2 on a usage problem.",
    )
    lint.add_argument("file", type=Path, metavar="FILE", help=f"the script ({', '.join(SCRIPT_SUFFIXES)})")
    lint.add_argument(
        "--language", type=str.upper, choices=LANGUAGES, help="CN or EN (default: detected from the text)"
    )
    lint.add_argument(
        "--edition",
        type=str.upper,
        choices=EDITIONS,
        help="basic (20 sentences), middle (100) or advance (500 or more): also check the sentence count",
    )
    lint.add_argument("--json", action="store_true", help="print the findings as JSON")
    lint.set_defaults(func=run)


def run(args: argparse.Namespace) -> int:
    """Lint ``args.file`` and print the findings; the exit code says whether there are errors."""
    text = read_script_text(args.file)
    language = args.language or detect_language(text)
    script = parse_script_text(text, args.file.name, language)
    findings = lint_script(script, args.edition)
    errors = sum(1 for finding in findings if finding.level == "error")
    if args.json:
        print(json.dumps(_report(args, script, findings), ensure_ascii=False, indent=2))
    else:
        _print_findings(args, script, findings)
    return EXIT_FAILED if errors else EXIT_OK


def _usage(parser: argparse.ArgumentParser) -> int:
    parser.print_help()
    return EXIT_USAGE


def _report(args: argparse.Namespace, script: Script, findings: list[LintFinding]) -> dict:
    return {
        "file": str(args.file),
        "language": script.language,
        "edition": args.edition,
        "sentences": len(script.sentences),
        "reading_seconds": round(reading_seconds(script), 1),
        "errors": sum(1 for finding in findings if finding.level == "error"),
        "warnings": sum(1 for finding in findings if finding.level == "warning"),
        "findings": [finding.to_dict() for finding in findings],
    }


def _print_findings(args: argparse.Namespace, script: Script, findings: list[LintFinding]) -> None:
    shown = current_language()
    language, count = script.language, len(script.sentences)
    for finding in findings:
        print(_LEVELS[finding.level].pick(shown) + finding.message.pick(shown))
    errors = sum(1 for finding in findings if finding.level == "error")
    warnings = len(findings) - errors
    edition = f", {args.edition}" if args.edition else ""
    summary = Bilingual(
        f"{args.file.name}: {count} sentences ({language}{edition}), {_counted(errors, 'error')}, "
        f"{_counted(warnings, 'warning')}.",
        f"{args.file.name}：{count} 句（{language}{edition}），{errors} 个错误，{warnings} 个警告。",
    )
    print(summary.pick(shown))
    total = reading_time_text(reading_seconds(script))
    print(Bilingual(f"Estimated reading time: {total.en}.", f"预计朗读时长：{total.zh}。").pick(shown))


def _counted(number: int, noun: str) -> str:
    return f"{number} {noun}" if number == 1 else f"{number} {noun}s"
