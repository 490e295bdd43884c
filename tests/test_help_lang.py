"""Help, click's own messages and the `remove` prompt follow --lang and $PEMILU_TIMELINE_LANG.

The help catalog (i18n/help.py) is the one place for every command's and option's words: the
declarations carry none, every parameter finds its entry in both languages, every entry is
used, and every command's help ends with an example that runs.
"""

from __future__ import annotations

import shlex
import shutil
import string
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
from typer.main import get_command
from typer.testing import CliRunner, Result

from pemilu_timeline.cli import edit as cli_edit
from pemilu_timeline.cli.app import ALIAS_OF, COMPLETE_ENV, app, app_for
from pemilu_timeline.i18n.help import HELP, command_key, param_key
from tests.conftest import SMALL
from tests.helpers import run
from tests.test_startup import console_script

# Options typer adds to the app itself, with typer's own help text in the declaration.
TYPERS_OWN = {"install_completion", "show_completion"}


def commands(command: Any = None, path: tuple[str, ...] = ()) -> Iterator[tuple[tuple[str, ...],
                                                                               Any]]:
    """(path, click command) for the app and everything under it, the hidden aliases too;
    an alias's path is the command it stands for."""
    command = command if command is not None else get_command(app)
    yield path, command
    for name, sub in getattr(command, "commands", {}).items():
        yield from commands(sub, (*path, ALIAS_OF.get(name, name)))


def used_keys() -> set[str]:
    used = {"param.help"}
    for path, command in commands():
        used |= {f"command.{command_key(path)}", f"about.{command_key(path)}"}
        for param in command.params:
            key = param_key(path, param.name)
            assert key is not None, f"no help for {' '.join(path)} {param.name}"
            used.add(key)
            if getattr(param, "rich_help_panel", None):
                used.add(f"panel.{param.rich_help_panel}")
    return used


def placeholders(text: str) -> set[str]:
    return {name for _, name, _, _ in string.Formatter().parse(text) if name is not None}


def test_every_command_and_parameter_has_help_and_every_entry_is_used() -> None:
    assert used_keys() == set(HELP)


@pytest.mark.parametrize("key", sorted(HELP))
def test_both_languages_say_it_with_the_same_placeholders(key: str) -> None:
    indonesian, english = HELP[key]
    assert indonesian.strip() and english.strip() and indonesian != english, key
    assert placeholders(indonesian) == placeholders(english), key


def test_the_declarations_carry_no_help_of_their_own() -> None:
    """The catalog is the one place: English kept in a declaration would be a second copy."""
    found = []
    for path, command in commands():
        if command.help:
            found.append(f"{' '.join(path) or 'the app'}: {command.help[:40]!r}")
        found += [f"{' '.join(path)} {param.name}: {param.help[:40]!r}"
                  for param in command.params
                  if getattr(param, "help", None) and param.name not in TYPERS_OWN]
    assert found == []


def examples() -> list[tuple[str, str]]:
    """(language, example command line) of every command, in the order the app lists them."""
    found = []
    for lang, word in (("id", "Contoh: "), ("en", "Example: ")):
        for path, _ in commands():
            about = HELP[f"about.{command_key(path)}"][lang == "en"]
            head, _, line = about.rpartition(word)
            assert head.endswith("\n\n") and "\n" not in line, (path, lang)
            found.append((lang, line))
    return found


@pytest.mark.parametrize("path", [path for path, _ in commands()], ids=" ".join)
def test_every_command_s_help_ends_with_its_example(path: tuple[str, ...]) -> None:
    names = {*path[-1:], *(alias for alias, name in ALIAS_OF.items() if name in path[-1:])}
    for lang, word in (("id", "Contoh: pemilu-timeline "), ("en", "Example: pemilu-timeline ")):
        line = HELP[f"about.{command_key(path)}"][lang == "en"].rpartition(word)[2]
        words = shlex.split(line)
        assert not path or (words[:len(path) - 1] == list(path[:-1])
                            and words[len(path) - 1] in names), (lang, line)
        assert ("--lang" in words) == (lang == "en"), line


def test_the_examples_run(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """Each language's examples in order, on a copy made by `init` (as a new user would)."""
    for lang in ("id", "en"):
        home = tmp_path / lang
        home.mkdir()
        monkeypatch.chdir(home)
        monkeypatch.setenv("XDG_DATA_HOME", str(home / "data"))
        for name in ("lama.toml", "baru.toml", "old.toml", "new.toml"):
            shutil.copyfile(SMALL, home / name)
        office_in_git(home / ("kantor" if lang == "id" else "office"), monkeypatch)
        for example_lang, line in examples():
            if example_lang == lang:
                result = CliRunner().invoke(app, shlex.split(line)[1:])
                assert result.exit_code == 0, (line, result.output)


def office_in_git(folder: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """A schedule repository with a remote, for the examples of log and sync."""
    import subprocess

    if shutil.which("git") is None:
        pytest.skip("git is not installed: the examples of log and sync need it")
    monkeypatch.setenv("GIT_CONFIG_NOSYSTEM", "1")
    monkeypatch.setenv("HOME", str(folder.parent))
    for role in ("AUTHOR", "COMMITTER"):
        monkeypatch.setenv(f"GIT_{role}_NAME", "Ana KPU")
        monkeypatch.setenv(f"GIT_{role}_EMAIL", "ana@example.org")
    run("init", "--git", folder)
    hub = folder.with_name(folder.name + ".git")
    subprocess.run(["git", "clone", "-q", "--bare", str(folder), str(hub)], check=True)
    subprocess.run(["git", "-C", str(folder), "remote", "add", "origin", str(hub)], check=True)


def help_of(*args: str, env: dict[str, str] | None = None) -> str:
    result = run(*args, env=env)
    return result.stdout


@pytest.mark.parametrize("args", [["now", "--help"], ["now", "-h"]])
def test_help_is_indonesian_by_default(args: list[str]) -> None:
    text = help_of(*args)
    assert "Tahapan yang berlangsung sekarang, lalu yang berikutnya." in text
    assert "Contoh: pemilu-timeline now --at 2024-02-12" in text
    for word in ("Penggunaan: pemilu-timeline now", "Opsi", "Berkas jadwal",
                 "Tampilkan bantuan ini lalu keluar.", "[bawaan: id]"):
        assert word in text
    assert "Usage" not in text and "Options" not in text and "Schedule file" not in text


@pytest.mark.parametrize("args", [["now", "--help", "--lang", "en"], ["now", "--lang", "en", "-h"],
                                  ["now", "--lang=EN", "--help"]])
def test_help_in_english_with_lang_before_or_after_help(args: list[str]) -> None:
    text = help_of(*args)
    assert "The stages on now, then the next ones." in text
    for word in ("Usage: pemilu-timeline now", "Options", "Schedule file",
                 "Show this message and exit.", "Example: pemilu-timeline now"):
        assert word in text
    assert "Tahapan yang berlangsung" not in text and "Opsi" not in text


def test_help_in_english_from_the_environment() -> None:
    text = help_of("now", "--help", env={"PEMILU_TIMELINE_LANG": "en"})
    assert "The stages on now, then the next ones." in text
    assert "Tahapan yang berlangsung" not in text


def test_lang_on_the_line_beats_the_environment() -> None:
    text = help_of("now", "--help", "--lang", "id", env={"PEMILU_TIMELINE_LANG": "en"})
    assert "Tahapan yang berlangsung sekarang" in text


def test_the_app_and_a_group_list_their_commands_in_the_language() -> None:
    english = {"PEMILU_TIMELINE_LANG": "en"}
    assert "Commands" in help_of("--help", env=english)
    assert "All stages by start date" in help_of("--help", env=english)
    assert "Semua tahapan menurut tanggal mulai" in help_of("--help")
    shown = CliRunner().invoke(app, [])  # no arguments: the help, as click exits for it
    assert "Perintah" in shown.stdout and "Contoh: pemilu-timeline now" in shown.stdout
    group = CliRunner().invoke(app, ["election"], env=english)
    assert "Add an election." in group.stdout and "Tambah pemilihan" not in group.stdout


def test_a_rule_option_panel_is_named_in_the_language() -> None:
    assert "Aturan (tanggal relatif)" in help_of("add", "--help")
    assert "Rule (relative dates)" in help_of("edit", "--help", "--lang", "en")


@pytest.mark.parametrize("args", [["now", "--help", "--lang", "en"], ["election", "add", "-h"],
                                  ["calc", "--help"], ["holidays", "-h", "--lang", "en"]])
def test_a_command_s_help_is_the_same_in_its_own_app(args: list[str]) -> None:
    whole = CliRunner().invoke(app, args)
    single = CliRunner().invoke(app_for(args), args)
    assert whole.exit_code == 0 and single.stdout == whole.stdout


# --- click's own messages -------------------------------------------------------------------

# (arguments, what the error says in Indonesian, what click says in English)
CLICK_ERRORS = [
    (["show"], "Argumen 'STAGE...' belum diberikan.", "Missing argument 'STAGE...'."),
    (["export"], "Argumen 'FORMAT' belum diberikan. Pilih salah satu:",
     "Missing argument 'FORMAT'. Choose from:"),
    (["now", "--foo"], "Opsi --foo tidak dikenal.", "No such option: --foo"),
    (["now", "--jsn"], "Opsi --jsn tidak dikenal. Mungkin maksudnya --json?",
     "No such option: --jsn (Possible options: --json)"),
    (["now", "--lang", "xx"], "Nilai '--lang' tidak sah: 'xx' bukan salah satu dari 'id', 'en'.",
     "Invalid value for '--lang': 'xx' is not one of 'id', 'en'."),
    (["now", "extra"], "Argumen yang tidak diharapkan: extra",
     "Got unexpected extra argument(s) (extra)"),
    (["nwo"], "Perintah 'nwo' tidak ada. Mungkin maksudnya 'now'?",
     "No such command 'nwo'. Did you mean 'now'?"),
    (["election", "zzz"], "Perintah 'zzz' tidak ada.", "No such command 'zzz'."),
    (["now", "--at"], "Opsi '--at' perlu sebuah nilai.", "Option '--at' requires an argument."),
    (["now", "--json=1"], "Opsi '--json' tidak menerima nilai.",
     "Option '--json' does not take a value."),
    (["timeline", "--width", "3"], "Nilai '--width' tidak sah: 3 di luar rentang x>=40.",
     "Invalid value for '--width': 3 is not in the range x>=40."),
    (["timeline", "--width", "abc"], "'abc' bukan bilangan bulat.",
     "'abc' is not a valid int range."),
    (["libur", "abc"], "Nilai '[YEAR]' tidak sah: 'abc' bukan bilangan bulat.",
     "Invalid value for '[YEAR]': 'abc' is not a valid int."),
    (["init", "--lock-timeout", "abc"], "'abc' bukan angka.", "'abc' is not a valid float."),
]


def error_of(result: Result) -> str:
    """The message inside typer's error panel, its lines joined."""
    lines = [line.strip("│ ").rstrip() for line in result.stderr.splitlines()
             if line.startswith("│")]
    return " ".join(lines)


@pytest.mark.parametrize(("args", "indonesian", "english"), CLICK_ERRORS,
                         ids=[" ".join(case[0]) for case in CLICK_ERRORS])
def test_click_s_usage_errors_in_the_language(args: list[str], indonesian: str,
                                              english: str) -> None:
    said = CliRunner().invoke(app, args)
    assert said.exit_code == 2
    assert indonesian.replace("\n", " ") in error_of(said).replace("\t", " "), said.stderr
    assert "Kesalahan" in said.stderr
    told = CliRunner().invoke(app, args, env={"PEMILU_TIMELINE_LANG": "en"})
    assert told.exit_code == 2
    assert english in error_of(told), told.stderr


def test_the_usage_and_the_hint_around_an_error_are_worded_too() -> None:
    said = CliRunner().invoke(app, ["now", "--foo"])
    assert said.stderr.splitlines()[:2] == ["Penggunaan: pemilu-timeline now [OPTIONS]",
                                            "Coba 'pemilu-timeline now -h' untuk bantuan."]
    told = CliRunner().invoke(app, ["now", "--foo", "--lang", "en"])
    assert told.stderr.splitlines()[:2] == ["Usage: pemilu-timeline now [OPTIONS]",
                                            "Try 'pemilu-timeline now -h' for help."]


@pytest.mark.parametrize(("env", "words"), [({}, "Semua tahapan menurut tanggal mulai"),
                                             ({"PEMILU_TIMELINE_LANG": "en"},
                                              "All stages by start date")])
def test_zsh_completion_describes_the_commands_in_the_language(
        monkeypatch: pytest.MonkeyPatch, env: dict[str, str], words: str) -> None:
    monkeypatch.setenv("_TYPER_COMPLETE_ARGS", "pemilu-timeline li")
    result = CliRunner().invoke(app, [], env={COMPLETE_ENV: "complete_zsh", **env},
                                prog_name="pemilu-timeline")
    assert result.exit_code == 0 and words in result.stdout, result.output


def test_a_normal_run_loads_no_help_words(tmp_path: Path) -> None:
    """Help and click's messages are worded only when shown: `now` never imports them."""
    loaded = console_script(["now", "--at", "2024-02-12"], tmp_path)
    assert [m for m in ("pemilu_timeline.cli.wording", "pemilu_timeline.i18n.help",
                        "typer.rich_utils") if m in loaded] == []


# --- the remove prompt ----------------------------------------------------------------------

@pytest.fixture
def at_a_terminal(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(cli_edit, "_interactive", lambda: True)


def remove(file: Path, answer: str, *extra: str, code: int) -> Result:
    return run("remove", "pemilu-2024/masa-tenang", "-f", file, *extra, input=answer, code=code)


@pytest.mark.parametrize("answer", ["ya", "YA", "y", "Yes", "iya"])
def test_remove_takes_yes_in_either_language(small_file: Path, at_a_terminal: None,
                                             answer: str) -> None:
    result = remove(small_file, f"{answer}\n", code=0)
    assert "[y/T]: " in result.stdout and "Dihapus pemilu-2024/masa-tenang" in result.stdout


@pytest.mark.parametrize("answer", ["tidak", "T", "n", "No", ""])
def test_remove_takes_no_in_either_language(small_file: Path, at_a_terminal: None,
                                            answer: str) -> None:
    before = small_file.read_bytes()
    assert "Tidak dihapus." in remove(small_file, f"{answer}\n", code=1).stdout
    assert small_file.read_bytes() == before


def test_remove_asks_again_after_another_answer(small_file: Path, at_a_terminal: None) -> None:
    result = remove(small_file, "mungkin\nya\n", code=0)
    assert "Jawab ya atau tidak (y/t)." in result.stdout
    assert result.stdout.count("[y/T]: ") == 2


def test_remove_asks_in_english(small_file: Path, at_a_terminal: None) -> None:
    result = remove(small_file, "maybe\nyes\n", "--lang", "en", code=0)
    assert "[y/N]: " in result.stdout and "Answer yes or no (y/n)." in result.stdout


@pytest.mark.parametrize(("extra", "word"), [((), "Dibatalkan."), (("--lang", "en"), "Aborted.")])
def test_the_end_of_input_at_the_prompt_aborts_and_writes_nothing(
        small_file: Path, at_a_terminal: None, extra: tuple[str, ...], word: str) -> None:
    before = small_file.read_bytes()
    result = remove(small_file, "", *extra, code=1)
    assert result.stderr.strip() == word
    assert small_file.read_bytes() == before
