"""The mutation check's list (tests/mutations/run.py) still matches the tree it mutates."""

from pathlib import Path

from mutations.run import MUTATIONS

ROOT = Path(__file__).resolve().parents[1]
AREAS = {
    "signer",
    "zip",
    "clipping rule",
    "atomic manifest",
    "crash recovery",
    "WAV repair",
    "job fields",
    "resources",
    "whole recording",
    "reverb",
}


def test_every_original_snippet_is_in_its_file_exactly_once():
    stale = [
        f"{mutation.area}: {mutation.name}"
        for mutation in MUTATIONS
        if (ROOT / mutation.path).read_text(encoding="utf-8").count(mutation.original) != 1
    ]
    assert not stale


def test_every_mutation_changes_the_code_and_names_tests_that_exist():
    for mutation in MUTATIONS:
        assert mutation.replacement != mutation.original
        assert mutation.tests
        assert all((ROOT / test).is_file() for test in mutation.tests), mutation.name


def test_every_area_is_covered_and_names_are_unique():
    assert {mutation.area for mutation in MUTATIONS} == AREAS
    assert len({mutation.name for mutation in MUTATIONS}) == len(MUTATIONS)
