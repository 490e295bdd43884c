"""Rules in the law's words, read into their parts: sense, amount, direction, counting, edge
and the anchor's text."""

from __future__ import annotations

import time

import pytest

from pemilu_timeline.errors import InvalidInput
from pemilu_timeline.model import Counting, Direction, Edge, Sense, Span
from pemilu_timeline.rules.phrase import MAX_LENGTH, Phrase, parse_amount, parse_phrase, visible

AFTER, BEFORE = Direction.AFTER, Direction.BEFORE
NEXT_DAY, ANCHOR_DAY = Counting.NEXT_DAY, Counting.ANCHOR_DAY


def refused(text: str, key: str) -> tuple[str, str]:
    """The refusal's (English, Indonesian) message, after checking its key."""
    with pytest.raises(InvalidInput) as caught:
        parse_phrase(text)
    assert caught.value.key == key, caught.value.message("en")
    english, indonesian = caught.value.message("en"), caught.value.message("id")
    assert "\n" not in english and "\n" not in indonesian
    assert not english.startswith(key) and not indonesian.startswith(key)  # in the catalog
    return english, indonesian


# --- the issue's examples ---------------------------------------------------------------------

ISSUE = [
    ("paling lambat 14 hari kerja sejak 25 Maret 2024",
     Phrase(Sense.AT_LATEST, Span(working_days=14), None, AFTER, ANCHOR_DAY, None,
            "25 Maret 2024")),
    ("3x24 jam sejak 20 Maret 2024 pukul 22.19 WIB",
     Phrase(Sense.EXACTLY, Span(hours=72), None, AFTER, ANCHOR_DAY, None,
            "20 Maret 2024 pukul 22.19 WIB")),
    ("paling lambat 20 bulan sebelum 14 Februari 2024",
     Phrase(Sense.AT_LATEST, Span(months=20), None, BEFORE, NEXT_DAY, None,
            "14 Februari 2024")),
    ("paling singkat 2 tahun dan paling lama 2 tahun 6 bulan sejak 20 Oktober 2029",
     Phrase(Sense.WINDOW, Span(years=2), Span(years=2, months=6), AFTER, ANCHOR_DAY, None,
            "20 Oktober 2029")),
    ("paling lambat 14 (empat belas) hari sebelum berakhirnya masa jabatan Presiden",
     Phrase(Sense.AT_LATEST, Span(days=14), None, BEFORE, NEXT_DAY, Edge.END,
            "masa jabatan Presiden")),
    ("at the latest 14 working days from 25 March 2024",
     Phrase(Sense.AT_LATEST, Span(working_days=14), None, AFTER, ANCHOR_DAY, None,
            "25 March 2024")),
    ("paling lambat 3 hari setelah pemilu-2024/putusan-mk",
     Phrase(Sense.AT_LATEST, Span(days=3), None, AFTER, NEXT_DAY, None,
            "pemilu-2024/putusan-mk")),
]


@pytest.mark.parametrize(("text", "expected"), ISSUE, ids=[text for text, _ in ISSUE])
def test_the_issues_examples(text: str, expected: Phrase) -> None:
    assert parse_phrase(text) == expected


def test_case_and_spaces_do_not_matter_but_the_anchor_keeps_its_case() -> None:
    phrase = parse_phrase("  PALING   Lambat  14  HARI KERJA   Sejak   25  Maret 2024 ")
    assert phrase == parse_phrase("paling lambat 14 hari kerja sejak 25 Maret 2024")
    assert phrase.anchor == "25 Maret 2024"


# --- sense ------------------------------------------------------------------------------------

SENSES = [
    ("", Sense.EXACTLY),
    ("paling lambat", Sense.AT_LATEST),
    ("selambat-lambatnya", Sense.AT_LATEST),
    ("paling lama", Sense.AT_LATEST),
    ("dalam waktu", Sense.AT_LATEST),
    ("at the latest", Sense.AT_LATEST),
    ("no later than", Sense.AT_LATEST),
    ("at most", Sense.AT_LATEST),
    ("within", Sense.AT_LATEST),
    ("paling cepat", Sense.AT_EARLIEST),
    ("secepat-cepatnya", Sense.AT_EARLIEST),
    ("paling singkat", Sense.AT_EARLIEST),
    ("sekurang-kurangnya", Sense.AT_EARLIEST),
    ("at the earliest", Sense.AT_EARLIEST),
    ("no earlier than", Sense.AT_EARLIEST),
    ("at least", Sense.AT_EARLIEST),
]


@pytest.mark.parametrize(("words", "sense"), SENSES)
def test_every_sense_word(words: str, sense: Sense) -> None:
    phrase = parse_phrase(f"{words} 3 hari setelah X")
    assert phrase.sense is sense
    assert phrase.span == Span(days=3) and phrase.latest is None and phrase.anchor == "X"


WINDOWS = [
    ("paling singkat 2 tahun dan paling lama 2 tahun 6 bulan",
     Span(years=2), Span(years=2, months=6)),
    ("paling cepat 3 hari dan paling lambat 7 hari", Span(days=3), Span(days=7)),
    ("paling singkat 30 hari atau paling lama 60 hari", Span(days=30), Span(days=60)),
    ("at least 1 year and at most 18 months", Span(years=1), Span(months=18)),
    ("at the earliest 3 days and at the latest 1 week", Span(days=3), Span(days=7)),
    ("paling singkat 2 hari kerja dan paling lama 5 hari kerja",
     Span(working_days=2), Span(working_days=5)),
    ("paling singkat 1x24 jam dan paling lama 3x24 jam", Span(hours=24), Span(hours=72)),
]


@pytest.mark.parametrize(("words", "near", "far"), WINDOWS, ids=[w for w, _, _ in WINDOWS])
def test_window_forms(words: str, near: Span, far: Span) -> None:
    phrase = parse_phrase(f"{words} sejak 1 Juli 2024")
    assert (phrase.sense, phrase.span, phrase.latest) == (Sense.WINDOW, near, far)
    assert phrase.anchor == "1 Juli 2024"


# --- amounts ----------------------------------------------------------------------------------

AMOUNTS = [
    ("14 hari", Span(days=14)),
    ("14 hari kalender", Span(days=14)),
    ("14 hari kerja", Span(working_days=14)),
    ("24 jam", Span(hours=24)),
    ("2 minggu", Span(days=14)),
    ("6 bulan", Span(months=6)),
    ("1 tahun", Span(years=1)),
    ("1.000 hari", Span(days=1000)),
    # brackets, as laws write the number twice
    ("14 (empat belas) hari", Span(days=14)),
    ("empat belas (14) hari", Span(days=14)),
    ("30 (tiga puluh) hari kerja", Span(working_days=30)),
    ("3 (tiga) x 24 (dua puluh empat) jam", Span(hours=72)),
    # numbers in words
    ("empat belas hari", Span(days=14)),
    ("dua puluh hari", Span(days=20)),
    ("tiga puluh hari", Span(days=30)),
    ("seratus hari", Span(days=100)),
    ("sebelas hari", Span(days=11)),
    ("sepuluh hari", Span(days=10)),
    ("satu bulan", Span(months=1)),
    ("dua puluh lima hari", Span(days=25)),
    ("seratus dua puluh tiga hari", Span(days=123)),
    ("tiga ratus enam puluh lima hari", Span(days=365)),
    ("seribu hari", Span(days=1000)),
    ("sembilan ribu sembilan ratus sembilan puluh sembilan hari", Span(days=9999)),
    ("dua puluh ribu hari", Span(days=20_000)),
    ("seratus ribu hari", Span(days=100_000)),
    ("fourteen days", Span(days=14)),
    ("twenty-five days", Span(days=25)),
    ("ninety days", Span(days=90)),
    ("one hundred and twenty days", Span(days=120)),
    ("two thousand hours", Span(hours=2000)),
    # one number times another
    ("3x24 jam", Span(hours=72)),
    ("3 x 24 jam", Span(hours=72)),
    ("3×24 jam", Span(hours=72)),
    ("3 kali 24 jam", Span(hours=72)),
    ("3x24 hours", Span(hours=72)),
    ("tiga kali dua puluh empat jam", Span(hours=72)),
    # calendar units together
    ("2 tahun 6 bulan", Span(years=2, months=6)),
    ("2 tahun dan 6 bulan", Span(years=2, months=6)),
    ("1 bulan 10 hari", Span(months=1, days=10)),
    ("1 tahun, 2 bulan dan 3 hari", Span(years=1, months=2, days=3)),
    ("1 minggu 2 hari", Span(days=9)),
    ("2 years and 6 months", Span(years=2, months=6)),
    # English units, singular and plural
    ("1 day", Span(days=1)),
    ("3 calendar days", Span(days=3)),
    ("1 working day", Span(working_days=1)),
    ("5 business days", Span(working_days=5)),
    ("1 hour", Span(hours=1)),
    ("2 weeks", Span(days=14)),
    ("1 month", Span(months=1)),
    ("3 years", Span(years=3)),
]


@pytest.mark.parametrize(("amount", "span"), AMOUNTS, ids=[a for a, _ in AMOUNTS])
def test_amounts(amount: str, span: Span) -> None:
    assert parse_phrase(f"{amount} setelah X").span == span


# --- direction, counting, edge, leading verbs --------------------------------------------------

DIRECTIONS = [
    ("setelah", AFTER, NEXT_DAY),
    ("sesudah", AFTER, NEXT_DAY),
    ("sejak", AFTER, ANCHOR_DAY),
    ("terhitung sejak", AFTER, ANCHOR_DAY),
    ("terhitung mulai", AFTER, ANCHOR_DAY),
    ("terhitung dari", AFTER, ANCHOR_DAY),
    ("dihitung sejak", AFTER, ANCHOR_DAY),
    ("sebelum", BEFORE, NEXT_DAY),
    ("after", AFTER, NEXT_DAY),
    ("from", AFTER, ANCHOR_DAY),
    ("since", AFTER, ANCHOR_DAY),
    ("counting from", AFTER, ANCHOR_DAY),
    ("before", BEFORE, NEXT_DAY),
]


@pytest.mark.parametrize(("word", "direction", "counting"), DIRECTIONS)
def test_each_counting_and_direction_word(word: str, direction: Direction,
                                          counting: Counting) -> None:
    phrase = parse_phrase(f"5 hari {word} 17 Agustus 2024")
    assert (phrase.direction, phrase.counting) == (direction, counting)
    assert phrase.anchor == "17 Agustus 2024" and phrase.edge is None


EDGES = [
    ("berakhirnya masa kampanye", Edge.END, "masa kampanye"),
    ("akhir masa kampanye", Edge.END, "masa kampanye"),
    ("selesainya rekapitulasi", Edge.END, "rekapitulasi"),
    ("dimulainya masa kampanye", Edge.START, "masa kampanye"),
    ("awal masa kampanye", Edge.START, "masa kampanye"),
    ("dimulai pemungutan suara", Edge.START, "pemungutan suara"),
    ("the end of the campaign", Edge.END, "the campaign"),
    ("end of the campaign", Edge.END, "the campaign"),
    ("the start of the campaign", Edge.START, "the campaign"),
    ("start of the campaign", Edge.START, "the campaign"),
    ("the beginning of the campaign", Edge.START, "the campaign"),
    ("BERAKHIRNYA pemilu-2024/kampanye", Edge.END, "pemilu-2024/kampanye"),
    # no edge: the word is part of a stage id, or there is none
    ("awal-kampanye", None, "awal-kampanye"),
    ("pemilu-2024/akhir-masa", None, "pemilu-2024/akhir-masa"),
    ("25 Maret 2024", None, "25 Maret 2024"),
]


@pytest.mark.parametrize(("anchor", "edge", "rest"), EDGES, ids=[a for a, _, _ in EDGES])
def test_edge_words(anchor: str, edge: Edge | None, rest: str) -> None:
    phrase = parse_phrase(f"paling lambat 3 hari sebelum {anchor}")
    assert (phrase.edge, phrase.anchor) == (edge, rest)


@pytest.mark.parametrize("verb", ["dimulai", "dilaksanakan", "diselenggarakan", "ditetapkan",
                                  "diajukan", "diumumkan", "disampaikan", "starts", "held",
                                  "filed"])
def test_leading_verbs_are_ignored(verb: str) -> None:
    phrase = parse_phrase(f"{verb} paling lambat 7 hari setelah X")
    assert phrase == Phrase(Sense.AT_LATEST, Span(days=7), None, AFTER, NEXT_DAY, None, "X")


def test_english_forms() -> None:
    assert parse_phrase("filed no later than 3 days after the end of the count") == Phrase(
        Sense.AT_LATEST, Span(days=3), None, AFTER, NEXT_DAY, Edge.END, "the count")
    assert parse_phrase("held at least fourteen days before 14 February 2024") == Phrase(
        Sense.AT_EARLIEST, Span(days=14), None, BEFORE, NEXT_DAY, None, "14 February 2024")
    assert parse_phrase("within 3x24 hours since the start of voting") == Phrase(
        Sense.AT_LATEST, Span(hours=72), None, AFTER, ANCHOR_DAY, Edge.START, "voting")


# --- refusals ---------------------------------------------------------------------------------

def test_unknown_word_where_the_direction_belongs() -> None:
    english, indonesian = refused("paling lambat 14 hari lusa", "phrase.unexpected")
    assert english == ("Cannot read the rule: after 'paling lambat 14 hari' expected after, "
                       "from or before (setelah, sejak, sebelum), then the anchor, found 'lusa'.")
    assert "'paling lambat 14 hari'" in indonesian and "'lusa'" in indonesian


def test_no_amount() -> None:
    english, indonesian = refused("paling lambat sejak X", "phrase.no_amount")
    assert english == ("No amount in the rule 'paling lambat sejak X': write e.g. '14 days' "
                       "or '3 working days'.")
    assert "'paling lambat sejak X'" in indonesian
    english, _ = refused("paling lambat hari kerja sejak X", "phrase.no_amount")
    assert "'paling lambat hari kerja sejak X'" in english


def test_number_and_words_that_differ() -> None:
    english, indonesian = refused("paling lambat 14 (lima belas) hari setelah X",
                                  "phrase.number_mismatch")
    assert english == "'14 (lima belas)': the number and its words differ (14 and 15)."
    assert "'14 (lima belas)'" in indonesian and "14 dan 15" in indonesian


def test_something_else_before_the_amount() -> None:
    english, _ = refused("lusa 3 hari setelah X", "phrase.unexpected_first")
    assert "found 'lusa 3 hari setelah X'" in english
    english, _ = refused("dilaksanakan besok 3 hari setelah X", "phrase.unexpected")
    assert "after 'dilaksanakan'" in english and "found 'besok 3 hari setelah X'" in english


def test_a_number_without_a_unit() -> None:
    english, indonesian = refused("14 harian setelah X", "phrase.unexpected")
    assert "after '14'" in english and "a unit" in english and "found 'harian setelah X'" \
        in english
    assert "satuan waktu" in indonesian


def test_the_rule_ends_too_soon() -> None:
    english, _ = refused("paling lambat 14 hari", "phrase.ended")
    assert "after 'paling lambat 14 hari' expected after, from or before" in english
    english, _ = refused("paling lambat", "phrase.ended")
    assert "after 'paling lambat' expected an amount" in english


def test_no_anchor() -> None:
    english, indonesian = refused("paling lambat 3 hari sejak", "phrase.no_anchor")
    assert "what comes after 'sejak'?" in english
    assert "'sejak'" in indonesian
    english, _ = refused("3 hari sebelum berakhirnya   ", "phrase.no_anchor")
    assert "after 'sebelum berakhirnya'" in english


def test_brackets_and_factors_left_open() -> None:
    english, _ = refused("14 (empat belas hari setelah X", "phrase.unexpected")
    assert "after '14 (empat belas' expected a closing bracket" in english
    assert "found 'hari setelah X'" in english
    english, _ = refused("14 (hari) setelah X", "phrase.unexpected")
    assert "the same number in the brackets" in english and "found 'hari) setelah X'" in english
    english, _ = refused("3x jam setelah X", "phrase.unexpected")
    assert "a number after the 'x'" in english and "found 'jam setelah X'" in english


def test_units_written_twice_or_mixed() -> None:
    english, _ = refused("2 tahun 3 tahun setelah X", "phrase.unit_twice")
    assert english.startswith("'2 tahun 3 tahun' names 'tahun' twice")
    english, _ = refused("1 hari 2 hari kalender setelah X", "phrase.unit_twice")
    assert "'hari kalender'" in english
    english, _ = refused("3 hari kerja 2 hari setelah X", "phrase.unit_mix")
    assert english.startswith("'3 hari kerja 2 hari': 'hari kerja' does not combine")
    english, _ = refused("2 hari 3 jam setelah X", "phrase.unit_mix")
    assert english.startswith("'2 hari 3 jam': 'jam' does not combine")


def test_windows_that_cannot_be() -> None:
    english, _ = refused("paling singkat 2 tahun dan paling lama 3 jam sejak X",
                         "phrase.window_units")
    assert "'2 tahun' and '3 jam' differ" in english
    english, _ = refused("paling singkat 5 hari kerja dan paling lama 10 hari sejak X",
                         "phrase.window_units")
    assert "'5 hari kerja' and '10 hari'" in english
    english, _ = refused("paling lambat 3 hari dan paling cepat 5 hari setelah X",
                         "phrase.window_order")
    assert english.startswith("'paling lambat 3 hari dan paling cepat 5 hari'")
    english, _ = refused("paling singkat 3 tahun dan paling lama 2 tahun sejak X",
                         "phrase.window_reversed")
    assert "'3 tahun'" in english and "'2 tahun'" in english
    english, _ = refused("paling singkat 2 tahun dan besok setelah X", "phrase.unexpected")
    assert "after 'paling singkat 2 tahun dan'" in english and "found 'besok setelah X'" \
        in english
    english, _ = refused("paling singkat 2 tahun atau 3 bulan setelah X", "phrase.unexpected")
    assert "the window's latest bound" in english and "found '3 bulan setelah X'" in english


def test_limits() -> None:
    english, _ = refused("100001 hari setelah X", "phrase.too_large")
    assert english == "'100001' is too large: at most 100000."
    english, _ = refused("sembilan ratus ribu hari setelah X", "phrase.too_large")
    assert "'sembilan ratus ribu'" in english
    english, _ = refused("1000x1000 jam setelah X", "phrase.too_large")
    assert "'1000x1000'" in english
    refused("20000 minggu setelah X", "phrase.too_large")  # 140000 days
    assert parse_phrase("0 hari setelah X").span == Span()  # the anchor's own day
    refused("", "phrase.empty")
    refused("   \t ", "phrase.empty")
    text = "3 hari setelah " + "x" * MAX_LENGTH
    english, _ = refused(text, "phrase.too_long")
    assert f"({len(text)} characters)" in english


def test_quotes_are_cut_and_made_safe() -> None:
    english, _ = refused("paling lambat 14 hari lusa " + "y" * 100, "phrase.unexpected")
    assert "found 'lusa " + "y" * 55 + "…'" in english
    english, _ = refused("3 hari \x1b[31mnanti\u202e", "phrase.control")
    assert "U+001B" in english
    assert "\x1b" not in english and "\u202e" not in english
    for hidden in ("\u2028", "\u200b", "\ufeff", "\U000e0001"):
        refused(f"3 hari{hidden} setelah X", "phrase.control")
    refused("² hari setelah X", "phrase.unexpected_first")  # digits are 0-9 only
    refused("١٤ hari setelah X", "phrase.unexpected_first")
    assert visible("a\x00b\U000e0001") == "a\\u0000b\\U000e0001"


def test_reading_takes_linear_time() -> None:
    hostile = [
        "dua puluh " * 49,
        "1 hari " * 70,
        "paling lambat " + "(" * 480,
        "3" + "x3" * 240,
        "setelah " * 60,
        "1.000" * 99,
        "satu ratus " * 45,
    ]
    start = time.perf_counter()
    for text in hostile:
        with pytest.raises(InvalidInput):
            parse_phrase(text[:MAX_LENGTH])
    assert time.perf_counter() - start < 1.0


def test_an_amount_alone() -> None:
    assert parse_amount("2 tahun 6 bulan") == Span(years=2, months=6)
    assert parse_amount(" 3x24 jam ") == Span(hours=72)
    with pytest.raises(InvalidInput) as caught:
        parse_amount("2 tahun lusa", "--latest")
    assert caught.value.key == "phrase.option"
    assert caught.value.message("en") == (
        "--latest refused. Cannot read the rule: after '2 tahun' expected nothing after the "
        "amount, found 'lusa'.")
    with pytest.raises(InvalidInput) as caught:
        parse_amount("200000 hari", "--latest")
    assert caught.value.message("id") == "--latest ditolak. '200000' terlalu besar: paling " \
        "besar 100000."
