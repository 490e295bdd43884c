"""The CSV export, for spreadsheets: one row per stage, the schema's fields as columns.

Text is written in the reader's language (a field and its English twin share one column), and
a cell a spreadsheet would run as a formula is neutralised.
"""

from __future__ import annotations

import csv
import io
from collections.abc import Iterable, Iterator

from pemilu_timeline.model import Stage
from pemilu_timeline.rules.calendar import stage_bounds
from pemilu_timeline.rules.describe import describe
from pemilu_timeline.schedule.schema import STAGE_FIELDS, Kind, by_name, csv_columns, stamp_text

# Cells a spreadsheet would run as a formula (CWE-1236). Tab and CR are on OWASP's list too.
_FORMULA_START = ("=", "+", "-", "@", "\t", "\r")
_TRUE_FALSE = ("false", "true")


def spreadsheet_safe(value: str) -> str:
    """Prefix a leading apostrophe to text a spreadsheet would evaluate as a formula; some
    skip leading blanks first, so ``" =HYPERLINK(...)"`` is one too."""
    if value.startswith(_FORMULA_START) or value.lstrip().startswith(_FORMULA_START):
        return "'" + value
    return value


def csv_row(stage: Stage, lang: str) -> dict[str, str]:
    """One stage as spreadsheet cells: ISO dates (inclusive end, as in the file), plain text."""
    fields = by_name(STAGE_FIELDS)
    row: dict[str, str] = {}
    earliest, latest = stage_bounds(stage)
    computed = {
        "timed": _TRUE_FALSE[stage.is_timed],
        "rule": describe(stage.after, lang, stage.after.stage) if stage.after else "",
        "earliest": earliest.isoformat() if earliest else "",
        "latest": latest.isoformat() if latest else "",
        "estimated": _TRUE_FALSE[stage.estimated],
    }
    for column in csv_columns():
        if column in computed:
            row[column] = computed[column]
            continue
        item = fields[column]
        value = getattr(stage, column)
        if item.english is not None:  # the text in the reader's language
            english = getattr(stage, item.english)
            value = (english or value) if lang == "en" else (value or english)
        if value is None:
            row[column] = ""
        elif item.kind is Kind.MOMENT:
            row[column] = value.isoformat()
        elif item.kind is Kind.FLAG:
            row[column] = _TRUE_FALSE[bool(value)]
        elif item.kind is Kind.STATE:
            row[column] = value.value
        elif item.kind is Kind.RULE:
            row[column] = value.stage
        elif item.kind is Kind.STAMP:
            row[column] = stamp_text(value)
        elif item.kind is Kind.TAGS:
            row[column] = spreadsheet_safe("; ".join(value))
        elif item.kind in (Kind.TEXT, Kind.NOTE, Kind.URL, Kind.REGION):
            row[column] = spreadsheet_safe(value) if value else ""
        else:
            row[column] = str(value)
    return row


def to_csv(stages: Iterable[Stage], lang: str, *, bom: bool = False) -> str:
    """A header row and one row per stage, pending ones included (empty dates).

    RFC 4180 CRLF rows. ``bom`` starts the text with U+FEFF, which Excel needs to read UTF-8
    (without it, "–" and accented names come out garbled); scripts are better off without.
    """
    buffer = io.StringIO()
    writer = _writer(buffer, bom)
    for stage in stages:
        writer.writerow(csv_row(stage, lang))
    return buffer.getvalue()


def csv_chunks(stages: Iterable[Stage], lang: str, *, bom: bool = False,
               rows: int = 256) -> Iterator[bytes]:
    """``to_csv`` as UTF-8, ``rows`` rows at a time, so that many stages are never held as
    one text."""
    buffer = io.StringIO()
    writer = _writer(buffer, bom)
    for count, stage in enumerate(stages, 1):
        writer.writerow(csv_row(stage, lang))
        if count % rows == 0:
            yield buffer.getvalue().encode("utf-8")
            buffer.seek(0)
            buffer.truncate()
    yield buffer.getvalue().encode("utf-8")


def _writer(buffer: io.StringIO, bom: bool) -> csv.DictWriter[str]:
    """The header written, the BOM before it if asked for."""
    if bom:
        buffer.write("\ufeff")
    writer = csv.DictWriter(buffer, fieldnames=csv_columns(), lineterminator="\r\n")
    writer.writeheader()
    return writer
