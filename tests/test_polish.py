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
