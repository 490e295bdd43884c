"""The message catalog: both languages have every sentence, with the same placeholders, and
every sentence is used (as holidays' test_l10n holds its translations)."""

from __future__ import annotations

import ast
import errno
import re
import string
from pathlib import Path

import pytest

from pemilu_timeline.i18n.format import SPAN_UNITS
from pemilu_timeline.i18n.messages import CATALOG, Term, Worded, t
from pemilu_timeline.model import Sense, Status
from pemilu_timeline.schedule.schema import ELECTION_FIELDS, RULE_FIELDS, STAGE_FIELDS

SOURCE = Path(__file__).resolve().parents[1] / "src" / "pemilu_timeline"
CATALOG_FILE = SOURCE / "i18n" / "messages.py"
# Words that are the same in both languages.
SAME_IN_BOTH = {"col.status", "col.id", "field.url", "edit.anchor_not_found",
                "rule.exactly"}  # only its placeholders: the words are in them


def placeholders(template: str) -> set[str]:
    return {name for _, name, _, _ in string.Formatter().parse(template) if name is not None}


@pytest.mark.parametrize("key", sorted(CATALOG))
def test_both_languages_say_it_with_the_same_placeholders(key: str) -> None:
    indonesian, english = CATALOG[key]
    assert indonesian.strip() and english.strip(), key
    assert placeholders(indonesian) == placeholders(english), key
    if key not in SAME_IN_BOTH:
        assert indonesian != english, f"{key}: one language holds the other's words"


def source_strings() -> tuple[set[str], set[str]]:
    """Every string constant in the package outside the catalog itself, and the prefixes of
    the keys built at run time (f"status.{...}" gives "status.")."""
    constants: set[str] = set()
    prefixes: set[str] = set()
    for path in SOURCE.rglob("*.py"):
        tree = ast.parse(path.read_text(encoding="utf-8"))
        for node in ast.walk(tree):
            if isinstance(node, ast.JoinedStr) and node.values:
                head = node.values[0]
                if isinstance(head, ast.Constant) and isinstance(head.value, str) \
                        and head.value.endswith((".", "_")):
                    prefixes.add(head.value)
            elif isinstance(node, ast.Constant) and isinstance(node.value, str) \
                    and path != CATALOG_FILE:
                constants.add(node.value)
    for path in (SOURCE / "views" / "templates").glob("*.html"):  # the page's words: w.name
        text = path.read_text(encoding="utf-8")
        constants |= {f"page.{name}" for name in re.findall(r"\bw\.(\w+)\b(?!\()", text)}
        constants |= {f"{kind}.{name}"
                      for kind, name in re.findall(r'\bw\.(col|status)\("(\w+)"\)', text)}
    return constants, prefixes


def built_names() -> set[str]:
    """What run-time keys are built from: enum values, field names, units, errno names."""
    units = {name for names in SPAN_UNITS.values() for name in names}
    return ({s.value for s in Status} | {s.value for s in Sense}
            | {"edge.start", "edge.end"}
            | {f.name for f in (*STAGE_FIELDS, *ELECTION_FIELDS, *RULE_FIELDS)}
            | units | {f"{u}s" for u in units} | set(errno.errorcode.values()))


def test_every_sentence_is_used() -> None:
    constants, prefixes = source_strings()
    names = constants | built_names()
    unused = [key for key in CATALOG
              if key not in constants
              and not any(key.startswith(p) and key[len(p):] in names for p in prefixes)]
    assert unused == []


def test_no_sentence_is_written_outside_the_catalog() -> None:
    """The old inline pairs (message_id=..., message_en=...) are gone for good."""
    found = [str(p.relative_to(SOURCE)) for p in SOURCE.rglob("*.py")
             if "message_id" in p.read_text(encoding="utf-8")]
    assert found == []


def test_parameters_are_worded_in_the_sentence_language() -> None:
    term = Term("type.table")
    assert t("problem.type", "id", field="tags", expected=term, got="1") == \
        "'tags' harus tabel, bukan 1"
    assert t("problem.type", "en", field="tags", expected=term, got="1") == \
        "'tags' must be a table, not 1"
    reason = Worded(lambda lang: {"id": "ditiadakan", "en": "not needed"}[lang])
    assert t("input.countdown_cancelled", "en", key="k", reason=reason).endswith("not needed")
