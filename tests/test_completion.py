"""Shell completion: the callbacks called directly, then a Tab press as each shell's script
asks it of the console script (bash, zsh, fish), on temporary schedules."""

from __future__ import annotations

import os
import shlex
import subprocess
import sys
from pathlib import Path
from types import SimpleNamespace
from typing import Any, cast

import pytest
import typer
from typer.testing import CliRunner

from pemilu_timeline.cli import complete
from pemilu_timeline.cli.app import COMPLETE_ENV, app, app_for
from pemilu_timeline.cli.options import Lang
from pemilu_timeline.schedule.read import load_schedule
from tests.conftest import SMALL
from tests.test_startup import console_script

TWO_ELECTIONS = """\
[elections.pemilu-2024]
name = "Pemilihan Umum 2024"
name_en = "2024 General Election"
timezone = "Asia/Jakarta"
source = "PKPU 3/2022"

[elections.pilkada-2024]
name = "Pemilihan Serentak 2024"
name_en = "2024 Regional Elections"
timezone = "Asia/Jakarta"
source = "PKPU 2/2024"

[regions.36]
name = "Banten"
kind = "provinsi"
timezone = "Asia/Jakarta"
source = "Kepmendagri"

[regions."36.04"]
name = "Kabupaten Serang"
kind = "kabupaten"
source = "Kepmendagri"

[[stages]]
id = "masa-tenang"
election = "pemilu-2024"
name = "Masa Tenang"
name_en = "Quiet period"
start = 2024-02-11
end = 2024-02-13
tags = ["kampanye"]
source = "PKPU 3/2022"

[[stages]]
id = "masa-tenang"
election = "pilkada-2024"
name = "Masa Tenang Pilkada"
name_en = "Regional quiet period"
start = 2024-11-24
end = 2024-11-26
tags = ["kampanye"]
source = "PKPU 2/2024"

[[stages]]
id = "pemungutan-suara"
election = "pemilu-2024"
name = "Pemungutan Suara"
name_en = "Voting day"
start = 2024-02-14
tags = ["pemungutan-suara"]
source = "PKPU 3/2022"

[[stages]]
id = "rapat-pleno"
election = "pilkada-2024"
name = "Rapat [/tutup] Pleno"
name_en = "Plenary [meeting]"
start = 2024-12-01
tags = ["rekapitulasi"]
region = "36.04"
source = "PKPU 2/2024"
"""


@pytest.fixture
def two_elections(tmp_path: Path) -> Path:
    """Two elections that share a stage id, a province with a kabupaten, markup-like names."""
    path = tmp_path / "dua.toml"
    path.write_text(TWO_ELECTIONS, encoding="utf-8")
    load_schedule(path)  # a valid file: what the tests below complete from
    return path


@pytest.fixture
def broken(tmp_path: Path) -> Path:
    path = tmp_path / "rusak.toml"
    path.write_text('[elections.x]\nname = "unterminated\n', encoding="utf-8")
    return path


def context(parent: Any = None, **params: Any) -> typer.Context:
    """What a callback reads of click's context: the parameters parsed so far, the parent."""
    return cast(typer.Context, SimpleNamespace(params=params, parent=parent))


def values(items: list[tuple[str, str]] | list[str]) -> list[str]:
    return [item[0] if isinstance(item, tuple) else item for item in items]


# --- The callbacks ------------------------------------------------------------------------

def test_stage_keys_by_election_and_by_bare_id() -> None:
    small = context(file=SMALL)
    assert complete.stage_keys(small, "pemilu-2024/p") == [
        ("pemilu-2024/pemungutan-suara", "Pemungutan Suara")]
    assert values(complete.stage_keys(small, "masa")) == ["masa-tenang"]
    assert values(complete.stage_keys(small, "")) == [
        "jam-pemungutan-suara", "kampanye", "masa-tenang", "pemungutan-suara", "rekapitulasi"]
    assert "pemilu-2024/kampanye" in values(complete.stage_keys(small, "pem"))
    assert "pemungutan-suara" in values(complete.stage_keys(small, "pem"))


def test_stage_keys_help_is_in_the_language_asked() -> None:
    assert complete.stage_keys(context(file=SMALL, lang=Lang.en), "pemilu-2024/masa") == [
        ("pemilu-2024/masa-tenang", "Quiet period")]


def test_an_id_two_elections_share_names_them_unless_one_is_chosen(two_elections: Path
                                                                   ) -> None:
    assert complete.stage_keys(context(file=two_elections), "masa") == [
        ("masa-tenang", "Masa Tenang (pemilu-2024, pilkada-2024)")]
    assert complete.stage_keys(context(file=two_elections, election=["pilkada-2024"]),
                               "masa") == [("masa-tenang", "Masa Tenang Pilkada")]
    assert values(complete.stage_keys(context(file=two_elections), "pilkada-2024/")) == [
        "pilkada-2024/masa-tenang", "pilkada-2024/rapat-pleno"]


def test_stage_keys_typed_in_capitals_are_offered_in_capitals() -> None:
    """Typer passes on only what starts with the word as typed; keys are read in any case."""
    assert values(complete.stage_keys(context(file=SMALL), "PEMILU-2024/MASA")) == [
        "PEMILU-2024/MASA-TENANG"]


def test_the_words_after_a_stage_are_not_completed() -> None:
    """`show masa tenang` is one query: a key after its first word would spoil it."""
    assert complete.stage_keys(context(file=SMALL, stage=["masa"]), "") == []


def test_elections_tags_and_zones(two_elections: Path) -> None:
    file = context(file=two_elections)
    assert complete.elections(file, "pil") == [("pilkada-2024", "Pemilihan Serentak 2024")]
    assert complete.elections(file, "") == [("pemilu-2024", "Pemilihan Umum 2024"),
                                            ("pilkada-2024", "Pemilihan Serentak 2024")]
    assert complete.tags(file, "") == ["kampanye", "pemungutan-suara", "rekapitulasi"]
    assert complete.tags(file, "pe") == ["pemungutan-suara"]
    assert complete.zones("WI") == [("WIB", "Asia/Jakarta"), ("WITA", "Asia/Makassar"),
                                    ("WIT", "Asia/Jayapura")]
    assert values(complete.zones("wi")) == ["wib", "wita", "wit"]  # resolve_zone takes any case
    assert values(complete.zones("Asia/J")) == ["Asia/Jakarta", "Asia/Jayapura"]


def test_regions_by_code_and_by_name(two_elections: Path, monkeypatch: pytest.MonkeyPatch
                                     ) -> None:
    file = context(file=two_elections)
    assert complete.regions(file, "36") == [("36", "Banten"),
                                            ("36.04", "Kabupaten Serang, Banten")]
    assert complete.regions(file, "kab") == [("kabupaten serang", "36.04")]
    assert complete.regions(file, "Ban") == [("Banten", "36")]
    monkeypatch.setenv("COMP_WORDS", "pemilu-timeline list --region Kab")  # bash asks
    assert complete.regions(file, "Kab") == []  # bash would insert the space unquoted
    assert complete.regions(file, "Ban") == [("Banten", "36")]


def test_regions_of_the_bundled_schedule() -> None:
    assert ("36.04", "Kabupaten Serang, Banten") in complete.regions(context(), "36.")
    assert "Papua" in values(complete.regions(context(), "Pap"))


def test_help_is_escaped_as_markup_and_read_back_as_written(two_elections: Path) -> None:
    [(key, text)] = complete.stage_keys(context(file=two_elections), "pilkada-2024/rap")
    assert (key, complete.plain_help(text)) == ("pilkada-2024/rapat-pleno",
                                               "Rapat [/tutup] Pleno")
    assert complete.plain_help("Ekspor. [dim]Export.[/dim]") == "Ekspor. Export."
    assert complete.plain_help("\\[dim] \\\\[dim]x") == "[dim] \\x"


def test_the_file_typed_on_the_line_then_the_environment(two_elections: Path,
                                                         monkeypatch: pytest.MonkeyPatch
                                                         ) -> None:
    assert values(complete.elections(context(), "pil")) == ["pilkada-2024"]  # bundled
    assert complete.elections(context(file=SMALL), "pil") == []
    assert values(complete.elections(context(parent=context(file=SMALL)), "pem")) == [
        "pemilu-2024"]
    monkeypatch.setenv("PEMILU_TIMELINE_FILE", str(SMALL))
    assert values(complete.elections(context(), "")) == ["pemilu-2024"]
    assert values(complete.elections(context(file=two_elections), "")) == [
        "pemilu-2024", "pilkada-2024"]


def test_a_file_named_with_a_tilde_is_read_as_the_shell_will(two_elections: Path,
                                                             monkeypatch: pytest.MonkeyPatch
                                                             ) -> None:
    monkeypatch.setenv("HOME", str(two_elections.parent))
    assert values(complete.tags(context(file=Path("~/dua.toml")), "rek")) == ["rekapitulasi"]


@pytest.mark.parametrize("callback", [complete.stage_keys, complete.elections, complete.tags,
                                      complete.regions])
def test_a_broken_or_missing_file_completes_nothing_and_says_nothing(
        callback: Any, broken: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    assert callback(context(file=broken), "") == []
    assert callback(context(file=tmp_path / "tidak-ada.toml"), "") == []
    assert callback(context(file=tmp_path), "") == []  # a folder
    assert capsys.readouterr() == ("", "")


# --- A Tab press through the console script -----------------------------------------------

def tab(shell: str, line: str, action: str = "get-args") -> subprocess.CompletedProcess[str]:
    """Run the program as ``shell``'s completion script does for a Tab at the end of
    ``line`` (typer's _completion_shared.py has the scripts)."""
    env = {**os.environ, COMPLETE_ENV: f"complete_{shell}"}
    if shell == "bash":
        words = shlex.split(line) + ([""] if line.endswith(" ") else [])
        env.update(COMP_WORDS=line, COMP_CWORD=str(len(words) - 1))
    else:
        env["_TYPER_COMPLETE_ARGS"] = line
        env["_TYPER_COMPLETE_FISH_ACTION"] = action
    script = Path(sys.executable).with_name("pemilu-timeline")
    argv = [str(script)] if script.exists() else [sys.executable, "-m", "pemilu_timeline"]
    return subprocess.run(argv, env=env, capture_output=True, text=True, timeout=120,
                          check=False)


@pytest.mark.parametrize("line, first", [
    ("show pemilu-2024/masa-t", "pemilu-2024/masa-tenang"),
    ("countdown pemilu-2024/masa-t", "pemilu-2024/masa-tenang"),
    ("edit pemilu-2024/masa-t", "pemilu-2024/masa-tenang"),
    ("remove pemilu-2024/masa-t", "pemilu-2024/masa-tenang"),
    ("list --election pil", "pilkada-2024"),
    ("add x --election pil", "pilkada-2024"),
    ("list --tag rekap", "rekapitulasi"),
    ("now --tz WIT", "WIT"),
    ("export ical --tz WIT", "WIT"),
    ("now --region 36.0", "36.04"),
    ("add x --region 36.0", "36.04"),
    ("edit x --region 36.0", "36.04"),
    ("election edit pil", "pilkada-2024"),
    ("election remove pil", "pilkada-2024"),
])
def test_every_declaration_is_wired(line: str, first: str) -> None:
    """Through the whole app, in process, on the bundled schedule."""
    words = ["pemilu-timeline", *line.split()]
    env = {COMPLETE_ENV: "complete_bash", "COMP_WORDS": " ".join(words),
           "COMP_CWORD": str(len(words) - 1)}
    result = CliRunner().invoke(app, [], env=env, prog_name="pemilu-timeline")
    assert result.exit_code == 0, result.output
    assert first in result.stdout.split()


def test_bash_gets_one_value_a_line() -> None:
    result = tab("bash", "pemilu-timeline show pemilu-2024/masa-t")
    assert (result.returncode, result.stderr) == (0, "")
    assert result.stdout.split() == ["pemilu-2024/masa-tenang",
                                     "pemilu-2024/masa-tenang-putaran-kedua"]
    assert tab("bash", "pemilu-timeline list --tz WI").stdout.split() == ["WIB", "WITA", "WIT"]


def test_zsh_gets_values_with_their_names() -> None:
    result = tab("zsh", "pemilu-timeline countdown pemilu-2024/masa-t")
    assert (result.returncode, result.stderr) == (0, "")
    assert result.stdout.startswith("_arguments '*: :((")
    assert '"pemilu-2024/masa-tenang":"Masa Tenang"' in result.stdout


def test_fish_gets_values_with_their_names_and_asks_first_whether_there_are_any() -> None:
    result = tab("fish", "pemilu-timeline export ical --election pemilu-20")
    assert (result.returncode, result.stderr) == (0, "")
    assert "pemilu-2024\tPemilihan Umum 2024" in result.stdout.splitlines()
    assert tab("fish", "pemilu-timeline list --tag kamp", "is-args").returncode == 0
    assert tab("fish", "pemilu-timeline list --tag zzz", "is-args").returncode == 1


def test_the_file_on_the_command_line_is_the_one_completed_from(two_elections: Path) -> None:
    result = tab("bash", f"pemilu-timeline remove --file {two_elections} pilkada-2024/")
    assert result.stdout.split() == ["pilkada-2024/masa-tenang", "pilkada-2024/rapat-pleno"]
    result = tab("zsh", f"pemilu-timeline edit -f {two_elections} rap")
    assert '"rapat-pleno":"Rapat [/tutup] Pleno"' in result.stdout


@pytest.mark.parametrize("shell, nothing", [("bash", ""), ("zsh", "_files"), ("fish", "")])
def test_a_broken_file_gives_no_completions_and_no_noise(shell: str, nothing: str,
                                                        broken: Path) -> None:
    """zsh's answer for no completions is typer's `_files`: the shell offers file names."""
    result = tab(shell, f"pemilu-timeline show --file {broken} ")
    assert (result.returncode, result.stdout.strip(), result.stderr) == (0, nothing, "")


def test_zsh_and_fish_help_is_read_without_typers_rich_renderer(
        tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """typer.rich_utils (Markdown, tracebacks) would cost more than the whole completion."""
    monkeypatch.setenv(COMPLETE_ENV, "complete_zsh")
    monkeypatch.setenv("_TYPER_COMPLETE_ARGS", "pemilu-timeline show pemilu-2024/")
    loaded = console_script([], tmp_path)
    assert "typer.rich_utils" not in loaded
    assert "pemilu_timeline.cli.complete" in loaded


@pytest.mark.parametrize("line", [
    "pemilu-timeline show pemilu-2024/masa-t", "pemilu-timeline list --tz ",
    "pemilu-timeline countdown -e pilkada-2024 masa", "pemilu-timeline list --",
    "pemilu-timeline sh", "pemilu-timeline ", "pemilu-timeline election ",
    "pemilu-timeline calc --",
])
def test_the_command_being_completed_completes_alone_as_in_the_whole_app(
        line: str, monkeypatch: pytest.MonkeyPatch) -> None:
    """So a completion need build only the command the words before the cursor name."""
    monkeypatch.setenv("_TYPER_COMPLETE_ARGS", line)
    single = app_for(complete.words_before_cursor())
    env = {COMPLETE_ENV: "complete_zsh"}
    whole = CliRunner().invoke(app, [], env=env, prog_name="pemilu-timeline")
    alone = CliRunner().invoke(single, [], env=env, prog_name="pemilu-timeline")
    assert whole.exit_code == 0, whole.output
    assert (alone.exit_code, alone.stdout) == (whole.exit_code, whole.stdout)


def test_words_before_cursor_as_each_shell_passes_them(monkeypatch: pytest.MonkeyPatch
                                                       ) -> None:
    monkeypatch.setenv("_TYPER_COMPLETE_ARGS", "pemilu-timeline show pemilu-2024/mas")
    assert complete.words_before_cursor() == ["show"]
    monkeypatch.setenv("_TYPER_COMPLETE_ARGS", "pemilu-timeline show ")
    assert complete.words_before_cursor() == ["show"]
    monkeypatch.setenv("_TYPER_COMPLETE_ARGS", "pemilu-timeline sh")
    assert complete.words_before_cursor() == []
    monkeypatch.setenv("COMP_WORDS", "pemilu-timeline\nlist\n--tz\nW")
    monkeypatch.setenv("COMP_CWORD", "3")
    assert complete.words_before_cursor() == ["list", "--tz"]
