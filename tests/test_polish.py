"""Small things a new user tripped over (a first part of the polish list): one status
vocabulary in both languages, the language variable in any case, ranges and tags that cannot
match, diff as a check, countdown JSON with every key, and API errors that name no flag."""

from __future__ import annotations

import datetime as dt
import os
import re
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

from pemilu_timeline import InvalidInput, parse_moment, resolve_zone
from pemilu_timeline.cli.options import LANG_ENV, settle_lang_env
from pemilu_timeline.errors import ExitStatus
from pemilu_timeline.schedule.locate import bundled_path
from tests.helpers import run, run_json


@pytest.mark.parametrize("word", ["berlangsung", "active", "ACTIVE", "Berlangsung"])
def test_status_takes_the_words_the_tables_show(word: str) -> None:
    keys = [s["key"] for s in run_json("list", "--status", word, "--at", "2024-02-12T10:00")]
    assert "pemilu-2024/masa-tenang" in keys


def test_status_with_a_space_or_a_hyphen_and_a_bad_one() -> None:
    spaced = run_json("list", "--status", "akan datang", "--at", "2026-12-01")
    hyphen = run_json("list", "--status", "akan-datang", "--at", "2026-12-01")
    assert spaced == hyphen and spaced
    result = run("list", "--status", "sedang", "--lang", "en", code=2)
    assert "--status 'sedang' is unknown" in result.stderr and "berlangsung" in result.stderr


def test_the_language_variable_in_any_case(monkeypatch: pytest.MonkeyPatch,
                                           capsys: pytest.CaptureFixture[str]) -> None:
    monkeypatch.setenv(LANG_ENV, "EN")
    settle_lang_env()
    assert os.environ[LANG_ENV] == "en"
    monkeypatch.setenv(LANG_ENV, "fr")
    settle_lang_env()
    assert LANG_ENV not in os.environ
    assert "bukan bahasa yang dikenal" in capsys.readouterr().err  # said in the default


def test_an_unknown_language_variable_still_runs_the_command(tmp_path: Path) -> None:
    env = {**os.environ, LANG_ENV: "fr", "XDG_CACHE_HOME": str(tmp_path)}
    result = subprocess.run([sys.executable, "-m", "pemilu_timeline", "now", "--at",
                             "2024-02-12"], capture_output=True, text=True, env=env,
                            check=False)
    assert result.returncode == 0 and "Tahapan berlangsung" in result.stdout
    assert result.stderr.count("PEMILU_TIMELINE_LANG") == 1


def test_a_reversed_range_an_empty_zone_and_an_unknown_tag_are_named() -> None:
    result = run("list", "--from", "2024-03-01", "--to", "2024-02-01", "--lang", "en", code=2)
    assert "--to 2024-02-01 is before --from 2024-03-01" in result.stderr
    result = run("now", "--tz", "", "--lang", "en", code=1)
    assert "zone" in result.stderr
    result = run("list", "--tag", "kampanya", "--lang", "en", "--json")
    assert result.stdout.strip() == "[]"  # what a script expects, and a word for a person
    assert "no stage carries the tag 'kampanya'" in result.stderr
    assert "kampanye" in result.stderr


def test_diff_exit_code_says_whether_the_files_differ(tmp_path: Path) -> None:
    old, new = tmp_path / "old.toml", tmp_path / "new.toml"
    shutil.copyfile(bundled_path(), old)
    shutil.copyfile(bundled_path(), new)
    run("diff", old, new, "--exit-code")
    run("edit", "pemilu-2024/masa-tenang", "-f", new, "--note", "Catatan baru")
    assert "~ " in run("diff", old, new, "--exit-code", code=ExitStatus.DIFFERENT).stdout
    run("diff", old, new)  # without the flag a difference is not a failure


def test_countdown_json_keeps_its_keys_when_there_is_nothing_to_count_to() -> None:
    data = run_json("countdown", "--at", "2040-01-01")
    assert {"target", "target_at", "seconds", "remaining", "span"} <= set(data)
    assert data["stage"] is None and data["target"] is None


def test_parse_moment_names_no_flag_unless_told() -> None:
    with pytest.raises(InvalidInput) as error:
        parse_moment("besok", resolve_zone("WIB"))
    assert "--at" not in error.value.message("en") and "'besok'" in error.value.message("en")
    with pytest.raises(InvalidInput) as error:
        parse_moment("besok", resolve_zone("WIB"), "--at")
    assert error.value.message("en").startswith("--at 'besok'")
    assert parse_moment("2024-02-12", resolve_zone("WIB")).date() == dt.date(2024, 2, 12)


def test_the_last_minute_of_a_countdown_is_counted_in_seconds() -> None:
    # One minute before the 15.00 WIB quick-count embargo of 14 February 2024.
    out = run("countdown", "pemilu-2024/hitung-cepat-boleh-diumumkan",
              "--at", "2024-02-14T14:59:01", "--lang", "en").stdout
    assert "in 59 seconds" in out and "0 days 0 hours 0 minutes 59 seconds" in out
    assert "now" not in out
    data = run_json("countdown", "pemilu-2024/hitung-cepat-boleh-diumumkan",
                    "--at", "2024-02-14T14:59:01")
    assert data["seconds"] == 59 and data["span"]["second"] == 59
    out = run("countdown", "pemilu-2024/hitung-cepat-boleh-diumumkan",
              "--at", "2024-02-14T14:59:59.5", "--lang", "en").stdout
    assert "in 1 second" in out  # never "now" before the moment
    out = run("countdown", "pemilu-2024/hitung-cepat-boleh-diumumkan",
              "--at", "2024-02-14T13:00", "--lang", "en").stdout
    assert "in 2 hours" in out and "seconds" not in out  # seconds only in the last hour


def test_watch_with_at_is_a_rehearsal_not_a_refusal(monkeypatch: pytest.MonkeyPatch) -> None:
    from pemilu_timeline.views import console

    frames: list[str] = []

    def one_frame(frame: object, lang: str) -> None:
        from rich.console import Console

        out = Console(width=100, record=True)
        out.print(frame())  # type: ignore[operator]
        frames.append(out.export_text())

    monkeypatch.setattr(console, "watch", one_frame)
    run("countdown", "pemilu-2024/hitung-cepat-boleh-diumumkan", "--watch",
        "--at", "2024-02-14T14:59:01", "--lang", "en")
    assert frames and re.search(r"in 5[0-9] seconds", frames[0])  # the clock has run on
    assert "does not go with --json" in run("countdown", "--watch", "--json", "--lang", "en",
                                            code=2).stderr


# Matching words to stages: what the user most likely meant wins.

def _named(*stages: tuple[str, str, str]) -> str:
    """A schedule of stages given as (id, name, extra TOML lines)."""
    text = ('[elections.uji]\nname = "Uji"\nname_en = "Test"\ntimezone = "Asia/Jakarta"\n'
            'source = "test fixture"\n')
    for day, (stage_id, name, extra) in enumerate(stages, start=1):
        text += (f'\n[[stages]]\nid = "{stage_id}"\nelection = "uji"\nname = "{name}"\n'
                 f'name_en = "Stage {day}"\nstart = 2030-01-{day:02d}\n'
                 f'source = "test fixture"\n{extra}')
    return text


def _find(text: str, query: str) -> str:
    from pemilu_timeline import parse_schedule

    return parse_schedule(text).find(query).key


def test_a_number_is_a_whole_word() -> None:
    tests = _named(("t1", "Tes 1", ""), ("t10", "Tes 10", ""), ("t11", "Tes 11", ""),
                   ("t14", "Tes 14", ""))
    assert _find(tests, "tes 1") == "uji/t1"
    assert _find(tests, "Tes 14") == "uji/t14"


def test_an_exact_name_beats_a_partial_match() -> None:
    text = _named(("debat", "Debat Kandidat", ""),
                  ("debat-ulang", "Debat Kandidat Ulang", ""))
    assert _find(text, "debat kandidat") == "uji/debat"


def test_a_stage_held_beats_one_called_off() -> None:
    text = _named(("tenang", "Masa Tenang", ""),
                  ("tenang-2", "Masa Tenang", 'state = "cancelled"\nreason = "tidak perlu"\n'
                                              'reason_en = "not needed"\n'))
    assert _find(text, "masa tenang") == "uji/tenang"
    from pemilu_timeline import load_schedule

    pool = load_schedule().of_elections(["pemilu-2024"])
    assert pool.find("Masa Tenang pemilu").key == "pemilu-2024/masa-tenang"
    result = run("show", "Masa", "Tenang", "pemilu", code=1)  # 2024 and 2029, not the runoff
    assert "masa-tenang-putaran-kedua" not in result.stderr
    assert "pemilu-2029/masa-tenang" in result.stderr


def test_tags_and_english_names_are_searched() -> None:
    result = run("show", "pelantikan", "presiden", code=1)
    assert "pemilu-2024/sumpah-presiden" in result.stderr
    assert "pemilu-2029/sumpah-presiden" in result.stderr
    assert "pemilu-daerah-2031" not in result.stderr  # its name only mentions one
    shown = run("show", "pelantikan", "presiden", "2029").stdout
    assert "pemilu-2029/sumpah-presiden" in shown
    assert "pemilu-2024/masa-tenang-putaran-kedua" in run("show", "runoff", "quiet").stdout


def test_a_word_prefix_still_finds_a_stage() -> None:
    text = _named(("rekap", "Rekapitulasi Suara", ""), ("tenang", "Masa Tenang", ""))
    assert _find(text, "rekapitulasi") == "uji/rekap"
    assert _find(text, "rekap") == "uji/rekap"  # the id, then the start of a word
    assert _find(text, "rekapitul") == "uji/rekap"
    assert _find(text, "itulasi") == "uji/rekap"  # inside a word, as the loosest reading


# One date grammar: --at, --from and --to read the dates staff and reporters write.

@pytest.mark.parametrize("written", ["14 Februari 2024 pukul 14.59 WIB",
                                     "Rabu, 14/02/2024 14:59", "2024-02-14T14:59"])
def test_at_reads_a_date_as_the_news_write_it(written: str) -> None:
    data = run_json("countdown", "pemilu-2024/hitung-cepat-boleh-diumumkan", "--at", written,
                    "--json")
    assert data["seconds"] == 60


def test_at_with_another_zone_word_is_on_that_clock() -> None:
    wita = run_json("now", "--at", "14 Februari 2024 pukul 08.00 WITA", "--json")
    assert wita["at"] == "2024-02-14T07:00:00+07:00"


def test_a_wrong_weekday_in_at_is_refused() -> None:
    result = run("now", "--at", "Senin, 14 Februari 2024", "--lang", "en", code=1)
    assert "Wednesday" in result.stderr and "--at" in result.stderr


def test_from_and_to_read_indonesian_days() -> None:
    words = run_json("list", "--from", "11 Februari 2024", "--to", "Selasa, 13 Feb 2024",
                     "--election", "pemilu-2024", "--json")
    iso = run_json("list", "--from", "2024-02-11", "--to", "2024-02-13",
                   "--election", "pemilu-2024", "--json")
    assert words == iso and any(s["key"] == "pemilu-2024/masa-tenang" for s in words)
    result = run("list", "--to", "14 Februari 2024 pukul 10.00", "--lang", "en", code=1)
    assert "--to" in result.stderr and "takes a day only" in result.stderr


def test_iso_at_never_imports_the_date_reader() -> None:
    code = ("import sys; from pemilu_timeline.cli.options import read_moment; "
            "from pemilu_timeline.timing import resolve_zone; "
            "read_moment('2024-02-14T10:00', resolve_zone('WIB')); "
            "print('pemilu_timeline.dateparse' in sys.modules, 'dateutil' in sys.modules)")
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True,
                         check=True).stdout
    assert out.split() == ["False", "False"]


# What a walk through every command found.

def test_lang_before_the_command_and_on_group_help() -> None:
    assert "Active stages" in run("--lang", "en", "now", "--at", "2024-02-14T10:00").stdout
    assert "Indonesian election timelines" in run("--help", "--lang", "en").stdout
    assert "The elections of the schedule" in run("election", "--help", "--lang=en").stdout
    assert "Perintah 'nwo' tidak ada" in run("--lang", "id", "nwo", code=2).stderr


def test_a_bad_lang_on_the_line_does_not_blame_the_variable() -> None:
    result = run("now", "--lang", "fr", code=2)
    assert "'fr'" in result.stderr and "PEMILU_TIMELINE_LANG" not in result.stderr


def test_the_language_variable_as_a_locale_and_beside_lang(
        monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]) -> None:
    monkeypatch.setenv(LANG_ENV, "en_US.UTF-8")
    settle_lang_env()
    assert os.environ[LANG_ENV] == "en"
    monkeypatch.setenv(LANG_ENV, "fr")
    settle_lang_env(["now", "--lang", "en"])  # the variable does not matter: nothing said
    assert LANG_ENV not in os.environ and capsys.readouterr().err == ""


def test_diff_counts_elections_when_only_they_changed(tmp_path: Path) -> None:
    old = tmp_path / "old.toml"
    shutil.copyfile(bundled_path(), old)
    new = tmp_path / "new.toml"
    shutil.copyfile(old, new)
    run("election", "edit", "pdpb", "--note", "uji", "--file", new)
    out = run("diff", old, new, "--lang", "en").stdout
    assert "stages 0 added, 0 removed, 0 changed; elections 0 added, 0 removed, 1 changed" in out


def test_a_long_ambiguity_says_how_many_more() -> None:
    result = run("show", "2024", "--lang", "en", code=1)
    listed = result.stderr.split("matches several stages: ")[1].split(". Name it")[0]
    shown = listed.split(", and ")[0].split(", ")
    more = int(listed.split(", and ")[1].split()[0])
    assert len(shown) == 12 and more > 0


def test_single_letters_do_not_match_inside_words() -> None:
    for query in ("a/b/c", "ñ"):
        assert "Unknown stage" in run("show", query, "--lang", "en", code=1).stderr


def test_the_clock_readout_counts_in_english_plurals() -> None:
    second = run("countdown", "pemilu-2024/pemungutan-suara", "--at", "2024-02-13T23:59:59",
                 "--lang", "en").stdout
    assert "0 days 0 hours 0 minutes 1 second" in second and "1 seconds" not in second
    day = run("countdown", "pemilu-2024/pemungutan-suara", "--at", "2024-02-13T00:00",
              "--lang", "en").stdout
    assert "1 day 0 hours 0 minutes" in day


def test_an_empty_at_is_refused_and_empty_clauses_are_left_out() -> None:
    assert "--at ''" in run("now", "--at", "", code=1).stderr
    assert "Close:" not in run("list", "--tag", "xyz", "--lang", "en").stderr
    none = run("countdown", "--election", "pdpb", "--at", "2026-01-01", "--lang", "en").stdout
    assert "The last one" not in none and "-." not in none


def test_a_date_in_a_rule_is_named_in_words() -> None:
    result = run("hitung", "14 hari setelah 31 Februari 2024", "--lang", "en", code=1)
    assert result.stderr.startswith("Error: The date in the rule '31 Februari 2024'")
    assert "PHRASE" not in result.stderr


def test_confirming_a_stage_shows_the_state_it_gets(tmp_path: Path) -> None:
    schedule = tmp_path / "s.toml"
    shutil.copyfile(bundled_path(), schedule)
    out = run("edit", "pemilu-2024/masa-tenang-putaran-kedua", "--state", "confirmed",
              "--file", schedule, "--lang", "en").stdout
    assert "state: cancelled → confirmed" in out


def test_a_web_address_needs_a_site(tmp_path: Path) -> None:
    schedule = tmp_path / "s.toml"
    shutil.copyfile(bundled_path(), schedule)
    before = schedule.read_bytes()
    result = run("edit", "pemilu-2024/masa-tenang", "--url", "https:///x", "--file", schedule,
                 "--lang", "en", code=1)
    assert "site's name" in result.stderr and schedule.read_bytes() == before


def test_an_empty_file_is_an_error_for_the_read_commands(tmp_path: Path) -> None:
    empty = tmp_path / "empty.toml"
    empty.write_text("# nothing yet\n", encoding="utf-8")
    for command in ("now", "list", "countdown"):
        result = run(command, "--file", empty, "--lang", "en", code=1)
        assert "holds no election" in result.stderr and "election add" in result.stderr
