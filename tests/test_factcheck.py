"""`cek`: claims read from real sentences, verdicts against the bundled schedule, the corpus
figures the README reports, the JSON and ClaimReview shapes, and the command's edges."""

from __future__ import annotations

import datetime as dt
import json
import re
import sys
import time
from pathlib import Path

import pytest
from typer.testing import CliRunner

from pemilu_timeline.cli.app import app
from pemilu_timeline.errors import ExitStatus
from pemilu_timeline.factcheck.extract import Clock, Point, read_sentence, sentences
from pemilu_timeline.factcheck.match import StageIndex
from pemilu_timeline.factcheck.review import review
from pemilu_timeline.schedule.read import load_schedule

sys.path.insert(0, str(Path(__file__).parent))
import factcheck_corpus as corpus

README = Path(__file__).resolve().parents[1] / "README.md"
ENV = {"COLUMNS": "100", "NO_COLOR": "1", "PEMILU_TIMELINE_LANG": ""}


def run(*args: str, stdin: str | None = None):  # type: ignore[no-untyped-def]
    return CliRunner().invoke(app, ["cek", *args], env=ENV, input=stdin)


def one(text: str):  # type: ignore[no-untyped-def]
    found = review(load_schedule(), text)
    assert len(found) == 1, [f.date_words for f in found]
    return found[0]


# --- the corpus -------------------------------------------------------------------------

def test_corpus_has_every_kind_of_sentence() -> None:
    kinds = {k: sum(e["kind"] == k for e in corpus.entries())
             for k in ("real", "seed", "constructed")}
    assert kinds == {"real": 84, "seed": 1, "constructed": 10}
    stages = {s.key for s in load_schedule()}
    for entry in corpus.entries():
        assert set(entry["stages"]) <= stages, entry["id"]
        assert entry["verdict"] in corpus.VERDICTS


def test_no_false_contradicted_in_the_corpus() -> None:
    """A wrong "salah" is worse than "tidak dapat diverifikasi": every sentence `cek` calls
    contradicted is one the research pass found contradicted."""
    wrong = [o.entry["id"] for o in corpus.outcomes()
             if o.got == "contradicted" and o.expected != "contradicted"]
    assert wrong == []


def test_corpus_figures_hold() -> None:
    """The floor under the README's figures: a change that loses recall fails here."""
    found = corpus.scores()
    hits, said, _ = found["contradicted"]
    assert hits == said and hits >= 9
    assert found["consistent"][0] >= 31
    assert sum(o.got == o.expected for o in corpus.real()) >= 57


def test_readme_reports_the_corpus_figures() -> None:
    assert corpus.table() in README.read_text(encoding="utf-8")


@pytest.mark.parametrize("sentence_id,verdict", [
    ("R01", "consistent"), ("R02", "consistent"), ("R05", "contradicted"),
    ("R07", "consistent"), ("R12", "consistent"), ("R14", "contradicted"),
    ("R24", "partly"), ("R26", "consistent"), ("P02", "partly"), ("P03", "consistent"),
    ("P06", "partly"), ("P07", "contradicted"), ("P13", "contradicted"),
    ("S03", "consistent"), ("S05", "contradicted"), ("S06", "contradicted"),
    ("S08", "consistent"), ("S09", "contradicted"), ("S13", "consistent"),
    ("M01", "consistent"), ("SEED", "consistent"),
    # traps: a date of another event, a gap after a stage, a statement's day
    ("R08", "unverifiable"), ("R15", "unverifiable"), ("S02", "unverifiable"),
    ("S07", "unverifiable"), ("N01", "unverifiable"),
])
def test_corpus_sentences(sentence_id: str, verdict: str) -> None:
    outcome = next(o for o in corpus.outcomes() if o.entry["id"] == sentence_id)
    assert outcome.got == verdict


# --- reading the dates ------------------------------------------------------------------

@pytest.mark.parametrize("text,start,end", [
    ("Masa tenang 11–13 Februari 2024", (2024, 2, 11), (2024, 2, 13)),
    ("kampanye 28 November 2023 hingga 10 Februari 2024", (2023, 11, 28), (2024, 2, 10)),
    ("dimulai di bulan November 2023 hingga 10 Febuari 2024", (2023, 11, None), (2024, 2, 10)),
    ("rekapitulasi 15 Februari sampai 20 Maret 2024", (2024, 2, 15), (2024, 3, 20)),
    ("Minggu (11/2/2024) sampai Selasa (13/2/2024)", (2024, 2, 11), (2024, 2, 13)),
    ("from October 14, 2023 to February 11, 2024", (2023, 10, 14), (2024, 2, 11)),
    ("4-–5 Februari 2025", (2025, 2, 4), (2025, 2, 5)),
    ("pada tanggal 27 sampai 21 September 2024", (2024, 8, 27), (2024, 9, 21)),
    ("antara Desember 2030 hingga Juni 2031", (2030, 12, None), (2031, 6, None)),
])
def test_ranges_are_read(text: str, start: tuple[int, int, int | None],
                         end: tuple[int, int, int | None]) -> None:
    (mention,) = read_sentence(text).mentions
    assert mention.start is not None and mention.end is not None
    assert (mention.start.year, mention.start.month, mention.start.day) == start
    assert (mention.end.year, mention.end.month, mention.end.day) == end


def test_days_weekdays_and_times_are_read() -> None:
    (day,) = read_sentence("digelar pada Selasa, 14 Febuari 2024 pukul 07.00 WIB").mentions
    assert day.start == Point(2024, 2, 14, "Selasa")
    assert day.clock == Clock(dt.time(7), None, "Asia/Jakarta")
    (hours,) = read_sentence("Pencoblosan dimulai pukul 07-13.00 WIB.").mentions
    assert hours.start is None and hours.clock == Clock(dt.time(7), dt.time(13),
                                                        "Asia/Jakarta")
    (english,) = read_sentence("open from 7 a.m. to 1 p.m. local time").mentions
    assert english.clock == Clock(dt.time(7), dt.time(13), "local")
    (yearless,) = read_sentence("dibacakan pada Kamis (26/6) lalu").mentions
    assert yearless.start == Point(0, 6, 26, "Kamis", year_written=False)


def test_numbers_that_are_not_dates_are_left_alone() -> None:
    text = ("Menurut PKPU 3/2022 dan Putusan MK 135/PUU-XXII/2024, 211.865.861 pemilih "
            "memilih di 2.000 TPS; hasil 60,15 persen.")
    assert read_sentence(text).mentions == []


def test_sentences_split_after_a_full_stop_not_an_abbreviation() -> None:
    text = "Voting ends at 1 p.m. Jakarta time. Counting runs until Dec. 16. Lalu rekap."
    assert [s for s, _ in sentences(text)] == [
        "Voting ends at 1 p.m. Jakarta time.", "Counting runs until Dec. 16.", "Lalu rekap."]


def test_statement_dates_are_not_claims() -> None:
    found = review(load_schedule(), "Masa kampanye 28 November 2023 hingga 10 Februari "
                                    "2024, ujar Idham dalam keterangannya pada Kamis 15 "
                                    "Desember 2022.")
    assert [f.date_words for f in found] == ["28 November 2023 hingga 10 Februari 2024"]


# --- verdicts ---------------------------------------------------------------------------

def test_the_issues_three_sentences() -> None:
    schedule = load_schedule()
    campaign, = review(schedule, "Masa kampanye dimulai 13 November 2023")
    assert campaign.verdict.value == "contradicted"
    assert campaign.stage is not None and campaign.stage.key == "pemilu-2024/masa-kampanye"
    papua, = review(schedule, "PSU Pilgub Papua digelar 9 Agustus 2025")
    assert papua.verdict.value == "contradicted"
    assert papua.stage is not None and papua.stage.key == "psu-pilkada-2025/psu-prov-papua"
    hoax, = review(schedule, "KPU mengumumkan tahapan resmi Pemilu 2029 pada Senin, "
                             "4 Juli 2025")
    assert hoax.verdict.value == "unverifiable"
    assert [f.value for f in hoax.flags] == ["weekday_mismatch"]
    assert "4 Juli 2025 jatuh pada hari Jumat, bukan Senin." in [
        n.in_language("id") for n in hoax.check.notes]


def test_each_clause_has_its_election() -> None:
    found = review(load_schedule(), "Masa tenang Pemilu 2024: 11–13 Feb 2024; masa tenang "
                                    "Pilkada: 24–26 Nov 2024.")
    assert [(f.stage.key if f.stage else None, f.verdict.value) for f in found] == [
        ("pemilu-2024/masa-tenang", "consistent"), ("pilkada-2024/masa-tenang", "consistent")]
    wrong = one("Masa tenang Pemilu 2024 berlangsung 24–26 November 2024.")
    assert wrong.verdict.value == "contradicted"


def test_english_claims() -> None:
    quiet = one("The quiet period runs from 11 to 13 February 2024")
    assert quiet.verdict.value == "consistent"
    assert quiet.stage is not None and quiet.stage.key == "pemilu-2024/masa-tenang"


def test_a_weekday_that_does_not_fit_is_never_consistent() -> None:
    finding = one("Pemungutan suara Pemilu 2024 digelar Senin, 14 Februari 2024.")
    assert finding.verdict.value == "partly"
    assert [f.value for f in finding.flags] == ["weekday_mismatch"]


def test_a_month_for_a_day() -> None:
    right = one("Pilkada 2024 dilangsungkan pada November 2024.")
    assert (right.verdict.value, [f.value for f in right.flags]) == ("consistent",
                                                                      ["precision"])
    wrong = one("Pilkada 2024 dilangsungkan pada Desember 2024.")
    assert wrong.verdict.value == "contradicted"


def test_one_end_right_is_partly() -> None:
    finding = one("Masa kampanye Pemilu 2024: 14 Oktober 2023 hingga 10 Februari 2024.")
    assert finding.verdict.value == "partly"


def test_wib_hours_for_local_time_are_partly_with_zone() -> None:
    finding = one("Pemungutan suara Pemilu 2024 di TPS dibuka pukul 07.00–13.00 WIB.")
    assert finding.stage is not None and finding.stage.is_timed
    assert (finding.verdict.value, [f.value for f in finding.flags]) == ("partly", ["zone"])
    local = one("Pemungutan suara Pemilu 2024 di TPS dibuka pukul 07.00–13.00 waktu setempat.")
    assert local.verdict.value == "consistent"


def test_quick_count_embargo_is_one_moment() -> None:
    right = one("Quick count Pemilu 2024 boleh diumumkan 14 Februari 2024 pukul 16.00 WITA.")
    assert right.verdict.value == "consistent"
    wrong = one("Quick count Pemilu 2024 boleh diumumkan 14 Februari 2024 pukul 15.00 WITA.")
    assert wrong.verdict.value == "partly" and [f.value for f in wrong.flags] == ["zone"]


def test_a_cancelled_stage() -> None:
    held = one("Pemungutan suara putaran kedua Pemilu 2024 digelar 26 Juni 2024.")
    assert (held.verdict.value, [f.value for f in held.flags]) == ("contradicted",
                                                                    ["cancelled"])
    planned = one("Pemungutan suara putaran kedua Pemilu 2024 dijadwalkan 26 Juni 2024.")
    assert planned.verdict.value == "consistent"
    assert [f.value for f in planned.flags] == ["cancelled"]


def test_undated_and_tentative_stages_are_unverifiable() -> None:
    assert one("The 2029 general election will take place on 14 February 2029."
               ).verdict.value == "unverifiable"
    assert one("Pemilu daerah digelar pada November 2031.").verdict.value == "unverifiable"
    assert one("Pemilu daerah direncanakan berlangsung antara Desember 2030 hingga Juni 2031."
               ).verdict.value == "contradicted"


def test_unknown_words_are_named() -> None:
    finding = one("Rapat koordinasi bupati digelar 3 Maret 2025.")
    assert finding.stage is None and finding.verdict.value == "unverifiable"
    assert "koordinasi" in finding.unknown


def test_a_whole_article_checks_in_well_under_a_second() -> None:
    text = " ".join(e["text"] for e in corpus.entries())
    article = " ".join([text] * (2000 // len(text.split()) + 1))
    assert len(article.split()) >= 2000
    schedule = load_schedule()
    started = time.perf_counter()
    review(schedule, article, StageIndex(schedule))
    assert time.perf_counter() - started < 1.0


def test_cost_grows_with_the_text_not_faster() -> None:
    schedule = load_schedule()
    index = StageIndex(schedule)
    piece = "Masa kampanye 28 November 2023 hingga 10 Februari 2024. " * 50
    started = time.perf_counter()
    review(schedule, piece, index)
    small = time.perf_counter() - started
    started = time.perf_counter()
    review(schedule, piece * 8, index)
    assert time.perf_counter() - started < 8 * small * 3 + 0.05


# --- the command ------------------------------------------------------------------------

def test_report_marks_the_date_words_and_exits_4_on_a_contradiction() -> None:
    result = run("Masa kampanye dimulai 13 November 2023")
    assert result.exit_code == ExitStatus.CONTRADICTED == 4
    assert "TIDAK SESUAI" in result.output
    assert "Menurut PKPU 3/2022" in result.output
    assert "28 November 2023 – 10 Februari 2024" in result.output
    ok = run("Masa tenang 11-13 Februari 2024", "--lang", "en")
    assert ok.exit_code == 0 and "CONSISTENT" in ok.output


def test_json_shape() -> None:
    result = run("PSU Pilgub Papua digelar 9 Agustus 2025", "--json")
    assert result.exit_code == 4
    data = json.loads(result.output)
    (claim,) = data["claims"]
    assert {"text", "stage", "election", "claimed", "verdict", "flags", "expected",
            "source"} <= set(claim)
    assert claim["stage"] == "psu-pilkada-2025/psu-prov-papua"
    assert claim["election"] == "psu-pilkada-2025"
    assert claim["claimed"]["start"] == claim["claimed"]["end"] == "2025-08-09"
    assert claim["expected"]["start"] == "2025-08-06"
    assert claim["verdict"] == "contradicted" and claim["flags"] == []
    assert data["summary"]["contradicted"] == 1


def test_claimreview_jsonld() -> None:
    result = run("Masa kampanye dimulai 13 November 2023", "--claimreview", "--url",
                 "https://cekfakta.example/kampanye", "--author", "Redaksi Cek Fakta",
                 "--at", "2026-12-02")
    assert result.exit_code == 4
    (review_ld,) = json.loads(result.output)
    assert review_ld["@context"] == "https://schema.org"
    assert review_ld["@type"] == "ClaimReview"
    assert review_ld["claimReviewed"] == "Masa kampanye dimulai 13 November 2023"
    assert review_ld["reviewRating"]["alternateName"] == "Tidak sesuai"
    assert review_ld["reviewRating"]["ratingValue"] == 1
    assert review_ld["itemReviewed"]["@type"] == "Claim"
    assert review_ld["author"] == {"@type": "Organization", "name": "Redaksi Cek Fakta"}
    assert review_ld["url"] == "https://cekfakta.example/kampanye"
    assert review_ld["datePublished"] == "2026-12-02"


def test_text_from_a_file_and_from_stdin(tmp_path: Path) -> None:
    article = tmp_path / "berita.txt"
    article.write_text("Masa tenang Pemilu 2024 dimulai 11 Februari 2024.\n\n"
                       "Pilkada 2024 digelar 27 November 2024.", encoding="utf-8")
    from_file = run("--file", str(article), "--json")
    assert from_file.exit_code == 0
    assert [c["verdict"] for c in json.loads(from_file.output)["claims"]] == [
        "consistent", "consistent"]
    from_stdin = run("--json", stdin=article.read_text(encoding="utf-8"))
    assert json.loads(from_stdin.output) == json.loads(from_file.output)


@pytest.mark.parametrize("args,stdin,code,words", [
    (("",), None, 1, "Teks kosong"),
    (("teks", "--file", "x.txt"), None, 2, "bukan keduanya"),
    (("teks", "--url", "https://a.example"), None, 2, "--claimreview"),
])
def test_refusals_are_one_line(args: tuple[str, ...], stdin: str | None, code: int,
                               words: str) -> None:
    result = run(*args, stdin=stdin)
    assert result.exit_code == code
    assert words in result.output
    assert "Traceback" not in result.output


def test_a_binary_file_is_refused(tmp_path: Path) -> None:
    binary = tmp_path / "gambar.png"
    binary.write_bytes(b"\x89PNG\r\n\x1a\n\xff\xfe\x00")
    result = run("--file", str(binary))
    assert result.exit_code == 1 and "UTF-8" in result.output


def test_hostile_text_is_quoted_not_obeyed() -> None:
    text = "Masa tenang [bold red]11[/] 11–13 Februari 2024 \x1b[31m\u202e tamat"
    result = run(text)
    assert result.exit_code == 0
    assert "\x1b" not in result.output and "\u202e" not in result.output
    assert "[bold red]" in result.output
    assert re.search(r"\\x1b|\\u202e", result.output)


def test_no_claims() -> None:
    result = run("Tidak ada tanggal di sini.")
    assert result.exit_code == 0 and "Tidak ada klaim tanggal" in result.output


def test_a_date_without_its_year_and_no_stage() -> None:
    result = run("Rapat koordinasi digelar 26 Juni lalu.", "--json")
    assert result.exit_code == 0
    (claim,) = json.loads(result.output)["claims"]
    assert claim["claimed"]["start"] is None and claim["claimed"]["text"] == "26 Juni"
    assert "26 Juni" in run("Rapat koordinasi digelar 26 Juni lalu.").output


def test_any_mix_of_the_corpus_runs_without_a_traceback() -> None:
    """Sentences cut and joined at random (a seeded shuffle), in all three outputs."""
    import random

    pieces = [w for e in corpus.entries() for w in e["text"].split()]
    rng = random.Random(14)
    texts = [" ".join(rng.choice(pieces) for _ in range(rng.randint(1, 40)))
             for _ in range(150)]
    schedule = load_schedule()
    index = StageIndex(schedule)
    from pemilu_timeline.exports.factcheck import claimreview, findings_to_dict
    from pemilu_timeline.views.console import make_console
    from pemilu_timeline.views.factcheck import report_view

    console = make_console()
    for text in texts:
        found = review(schedule, text, index)
        json.dumps(findings_to_dict(schedule, found, "id"))
        json.dumps(claimreview(schedule, found, "en", published=dt.date(2026, 12, 2),
                               author="x", url=None, appearance=None))
        with console.capture():
            console.print(report_view(schedule, found, "en"))


def test_unreadable_text_files(tmp_path: Path) -> None:
    missing = run("--file", str(tmp_path / "tidak-ada.txt"))
    assert missing.exit_code == 1 and "tidak dapat dibaca" in missing.output
    folder = run("--file", str(tmp_path))
    assert folder.exit_code == 1 and "Traceback" not in folder.output
    big = tmp_path / "besar.txt"
    big.write_bytes(b"a" * (8 * 1024 * 1024 + 1))
    assert "terlalu besar" in run("--file", str(big)).output
