"""Start-up and scale benchmark for pemilu-timeline: one command, ratios in one run.

    python benchmarks/run.py            # 5 rounds, sizes 1,000 / 10,000 / 33,000 / 100,000
    python benchmarks/run.py --check    # also exit 1 when a target is missed
    python benchmarks/run.py --sizes 1000,10000 --runs 3   # a quick look

Every command runs as a fresh process, the way a reporter or a script runs it. The rounds are
interleaved (each round runs every command once), so a burst of load on a shared machine hits
all commands alike; the table shows the median of the rounds. Absolute times vary between
machines and minutes; compare the ratios, which are measured in the same run.

Synthetic schedules replicate the bundled stages once per region (ids get a -rNNNN suffix,
as a newsroom tracking regional sub-stages would have). One untimed warm-up run of each
command writes Python's bytecode and the schedule cache first, as a user's second run finds
them; PYTHONDONTWRITEBYTECODE is removed from the environment for that reason.

33,000 stages are every Pilkada region's (545 regions, about 60 stages each); 100,000 is the
headroom. The targets at those sizes are seconds on this machine (the issue's), the others
ratios. `export ical` is also costed per event: the time it adds from 10,000 stages to the
largest, over the events it adds.

The relative-late schedules, at the two largest sizes up to 10,000, are mostly relative
stages waiting for an anchor with no date yet (an MK decision, say): per region a chain of
``after`` rules, each stage counted from the next one in the file, which also sorts after it
(pending stages sort last, by id), ending at an undated stage. `timeline` names each one's
anchor on its row, a Schedule.get per stage; a lookup that scanned the stages (as
Schedule.get once did) made that quadratic. (`list` names them too, but drawing its table
costs far more than the lookups, which would hide them.)

The chain-dated schedules, at the same sizes, are chains of rules in every unit (working days,
months, days before, years) counted back to one dated stage per region, so every rule is
resolved and the holiday calendar is loaded; they run with the cache off, since resolving is
what they measure.

`add` adds a stage to the same file round after round, as staff add stages one after another:
after the first change of the hand-written file (in the warm-up), each is made chunk by chunk
to the writer's text, whose schedule the previous add left in the cache. At the sizes from
10,000 up, a script run beside the commands times how long each add holds the lock; at
10,000, WRITERS `add` processes are started at once on one file with the default lock timeout
(how many land, how many fail, how long all take), and `add --from-file` adds as many stages
in one change.

The history cases (only where git is installed) time the same `edit` of a copy of the
bundled schedule outside a repository and in one made by `init --git`, where each run is a
commit (target: at most GIT_EDIT_RATIO times the plain edit), and `show --as-of` in the middle
of a history of HISTORY_COMMITS commits (target: under AS_OF_SECONDS).

The completion cases answer a shell's Tab press as typer's bash and zsh scripts ask it: the
stage keys of `show pemilu-2024/mas`, read from the bundled schedule; zsh's answer carries
each stage's name as help (fish's is the same answer, asked twice per Tab).
"""

from __future__ import annotations

import argparse
import datetime as dt
import itertools
import os
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parents[1]
SIZES = (1_000, 10_000, 33_000, 100_000)
REGIONAL = 33_000  # every Pilkada region's stages
HEADROOM = 100_000
WITHIN_A_SECOND = ("now", "now --at busy", "list --json", "show", "countdown")  # at REGIONAL
QUIET_AT_HEADROOM = 0.5  # seconds for a quiet `now` at HEADROOM
EXPORT_MIB = 300  # peak RSS of each export at HEADROOM
ICAL_EVENT_US = 150  # µs an event adds to `export ical`
VALIDATE_SECONDS = 5.0  # `validate` at HEADROOM
RELATIVE_LARGEST = 10_000  # the relative-late and chain-dated schedules: sizes up to this
BUSY_MOMENT = "2024-02-12T10:00"  # masa tenang: many stages active per region
FLOOR_GC = "floor, GC as the CLI sets it"
RELATIVE_CHAIN = 10  # stages per region in a relative-late schedule, the undated anchor last
CHAIN_LIST = "list --json (chain-dated, uncached)"
COMPLETE_VAR = "_PEMILU_TIMELINE_COMPLETE"
CONCURRENT_SIZE = 10_000  # the size of the concurrency run and the batch
WRITERS = 96  # staff adding a stage each, at once
BATCH = f"add --from-file ({WRITERS} stages)"
LOCK_TARGETS = {10_000: 0.3, 100_000: 2.0}  # seconds an add may hold the lock, by size
EDIT_PLAIN = "edit (bundled copy, plain file)"
EDIT_GIT = "edit (bundled copy, in a git repository)"
AS_OF = "show --as-of (1,000 commits)"
HISTORY_COMMITS = 1_000
GIT_EDIT_RATIO = 2.0  # an edit in a repository against the same edit outside one
AS_OF_SECONDS = 1.0
CEK_ONE = "cek (one sentence)"
CEK_ARTICLE = "cek (2,000-word article)"
ARTICLE_WORDS = 2_000
CORPUS = ROOT / "tests" / "assets" / "factcheck_corpus.toml"
# Exit statuses a command may end with and still have run: `cek` says 4 when a claim in the
# text is contradicted, as the corpus article has some.
EXPECTED_CODES = {CEK_ONE: (0, 4), CEK_ARTICLE: (0, 4)}
# A Tab press after `pemilu-timeline show pemilu-2024/mas`, as each shell's script asks it.
COMPLETIONS = {
    "complete stage keys (bash)": {COMPLETE_VAR: "complete_bash", "COMP_CWORD": "2",
                                   "COMP_WORDS": "pemilu-timeline show pemilu-2024/mas"},
    "complete stage keys (zsh, with help)": {
        COMPLETE_VAR: "complete_zsh", "_TYPER_COMPLETE_ARGS": "pemilu-timeline show pemilu-2024/"},
}


@dataclass
class Result:
    label: str
    size: int | None
    seconds: list[float] = field(default_factory=list)
    rss_kib: list[int] = field(default_factory=list)

    @property
    def median(self) -> float:
        return statistics.median(self.seconds)

    @property
    def peak_mib(self) -> float:
        return max(self.rss_kib) / 1024


# Linux keeps a process's peak RSS across exec, and the peak counted at exec is that of the
# memory the child started from: a child forked (or vforked) from this script, which holds
# the synthetic schedules, would report this script's size. So each command is started by a
# tiny launcher (python -S, ~10 MiB), which times its child and reports the child's peak.
LAUNCHER = """
import os, sys, time
start = time.perf_counter()
pid = os.fork()
if pid == 0:
    devnull = os.open(os.devnull, os.O_WRONLY)
    os.dup2(devnull, 1)
    os.execvpe(sys.argv[1], sys.argv[1:], os.environ)
_, status, usage = os.wait4(pid, 0)
print(time.perf_counter() - start, usage.ru_maxrss, os.waitstatus_to_exitcode(status))
"""


def run_once(argv: list[str], env: dict[str, str], codes: tuple[int, ...] = (0,)
             ) -> tuple[float, int]:
    """Wall time and peak RSS (KiB) of one process, as the launcher measured them."""
    result = subprocess.run([sys.executable, "-S", "-c", LAUNCHER, *argv], env=env,
                            capture_output=True, text=True, check=False)
    try:
        elapsed, rss, code = result.stdout.split()
    except ValueError:
        raise SystemExit(f"benchmark launcher failed: {argv}\n{result.stderr}") from None
    if int(code) not in codes:
        raise SystemExit(f"benchmark command failed ({code}): {argv}\n{result.stderr}")
    return float(elapsed), int(rss)


def synthetic_schedule(size: int, target: Path) -> Path:
    """The bundled stages, replicated per region until there are ``size`` of them."""
    data = bundled_data()
    stages: list[dict[str, object]] = []
    region = 0
    while len(stages) < size:
        for stage in data["stages"]:
            if len(stages) == size:
                break
            copy = dict(stage, id=f"{stage['id']}-r{region:04d}")
            if "after" in copy:
                copy["after"] = dict(copy["after"], stage=f"{copy['after']['stage']}-r{region:04d}")
            stages.append(copy)
        region += 1
    return written(target, data["elections"], stages, data.get("regions", {}))


def relative_late_schedule(size: int, target: Path) -> Path:
    """``size`` stages, per region a chain of rules each counting from the next stage in the
    file (which sorts after it too), ending at an undated stage: all of them pending."""
    elections, election = bundled_elections()
    stages: list[dict[str, object]] = []
    for n in range(size):
        region, step = divmod(n, RELATIVE_CHAIN)
        stage: dict[str, object] = {
            "id": f"turunan-r{region:04d}-{step}", "election": election,
            "name": f"Tahapan Turunan {step} Wilayah {region}",
            "name_en": f"Derived stage {step}, region {region}",
            "source": "benchmark"}
        if step == RELATIVE_CHAIN - 1 or n == size - 1:
            stage["undated"] = True  # the anchor of the chain: waits for a date
        else:
            stage["after"] = {"stage": f"{election}/turunan-r{region:04d}-{step + 1}",
                              "days": step + 1}
        stages.append(stage)
    return written(target, elections, stages)


# What each link of a dated chain counts, in turn: the law's units, working days included
# (which brings in the holiday calendar and its cost).
CHAIN_UNITS = ({"working_days": 3, "counting": "anchor-day"}, {"months": 1},
               {"days": 14, "direction": "before"}, {"working_days": 14},
               {"years": 1, "months": 6})


def chain_dated_schedule(size: int, target: Path) -> Path:
    """``size`` stages, per region a chain of rules in every unit counted back to one dated
    stage, so that every rule is resolved (no cache: the cost of resolving is the point)."""
    elections, election = bundled_elections()
    stages: list[dict[str, object]] = []
    for n in range(size):
        region, step = divmod(n, RELATIVE_CHAIN)
        stage: dict[str, object] = {
            "id": f"berantai-r{region:04d}-{step}", "election": election,
            "name": f"Tahapan Berantai {step} Wilayah {region}",
            "name_en": f"Chained stage {step}, region {region}", "source": "benchmark"}
        if step == 0:
            stage["start"] = dt.date(2029, 1, 15) + dt.timedelta(days=region % 300)
        else:
            stage["after"] = {"stage": f"{election}/berantai-r{region:04d}-{step - 1}",
                              **CHAIN_UNITS[step % len(CHAIN_UNITS)]}
        stages.append(stage)
    return written(target, elections, stages)


def bundled_data() -> dict[str, Any]:
    """The bundled schedule's data, as its file holds it."""
    from pemilu_timeline.schedule.locate import bundled_path
    from pemilu_timeline.schedule.read import parse_toml

    source = bundled_path()
    return parse_toml(source.read_text(encoding="utf-8"), str(source))


def bundled_elections() -> tuple[dict[str, object], str]:
    """The bundled schedule's elections, and the first one's id (the synthetic stages')."""
    elections = bundled_data()["elections"]
    return elections, next(iter(elections))


def written(target: Path, elections: dict[str, object], stages: list[dict[str, object]],
            regions: dict[str, object] | None = None) -> Path:
    import tomli_w

    data: dict[str, object] = {"elections": elections, "stages": stages}
    if regions:
        data["regions"] = regions
    target.write_text(tomli_w.dumps(data), encoding="utf-8")
    return target


def article(target: Path) -> Path:
    """A news text of at least ARTICLE_WORDS words: the fact-check corpus's real sentences,
    repeated, a paragraph each."""
    import tomllib

    sentences = [c["text"] for c in tomllib.loads(CORPUS.read_text(encoding="utf-8"))["claim"]
                 if c["kind"] == "real"]
    paragraphs: list[str] = []
    while sum(len(p.split()) for p in paragraphs) < ARTICLE_WORDS:
        paragraphs.extend(sentences)
    target.write_text("\n\n".join(paragraphs), encoding="utf-8")
    return target


def history_commands(tool: list[str], work: Path, env: dict[str, str]
                     ) -> dict[tuple[str, int | None], list[str]]:
    """The same edit of a copy of the bundled schedule, outside a repository and in one made
    by `init --git` (each a commit); and `show --as-of` in the middle of a history of
    HISTORY_COMMITS commits, a day apart."""
    git_env = {**env, "GIT_CONFIG_NOSYSTEM": "1", "HOME": str(work),
               "GIT_AUTHOR_NAME": "Bench", "GIT_AUTHOR_EMAIL": "bench@example.org",
               "GIT_COMMITTER_NAME": "Bench", "GIT_COMMITTER_EMAIL": "bench@example.org"}
    env.update({k: v for k, v in git_env.items() if k.startswith(("GIT_", "HOME"))})
    plain = work / "plain" / "stages.toml"
    plain.parent.mkdir()
    subprocess.run([*tool, "init", str(plain)], env=env, check=True, capture_output=True)
    subprocess.run([*tool, "init", "--git", str(work / "repo")], env=env, check=True,
                   capture_output=True)
    edit = ["edit", "pemilu-2024/pemungutan-suara"]
    long_history = work / "history"
    subprocess.run([*tool, "init", "--git", str(long_history)], env=env, check=True,
                   capture_output=True)
    many_commits(long_history, env)
    middle = dt.datetime(2026, 1, 1) + dt.timedelta(days=HISTORY_COMMITS // 2, hours=12)
    return {
        (EDIT_PLAIN, None): [*tool, *edit, "--file", str(plain)],
        (EDIT_GIT, None): [*tool, *edit, "--file", str(work / "repo" / "stages.toml")],
        (AS_OF, None): [*tool, "show", "pemilu-2024/pemungutan-suara", "--json", "--as-of",
                        middle.isoformat(timespec="minutes"),
                        "--file", str(long_history / "stages.toml")],
    }


def many_commits(folder: Path, env: dict[str, str]) -> None:
    """HISTORY_COMMITS commits of stages.toml on top of the first, one a day from 2026, each
    changing a stage's note, made in one `git fast-import`."""
    text = (folder / "stages.toml").read_text(encoding="utf-8")
    marker = 'source = "PKPU Nomor 3 Tahun 2022"'
    stream = ["reset refs/heads/main", "from refs/heads/main^0"]
    for n in range(HISTORY_COMMITS):
        content = text.replace(marker, marker[:-1] + f' (revisi {n})"', 1).encode("utf-8")
        stamp = int(dt.datetime(2026, 1, 1, tzinfo=dt.UTC).timestamp()) + n * 86_400
        message = f"bench {n}".encode()
        stream += ["commit refs/heads/main", f"committer Bench <bench@example.org> {stamp} +0000",
                   f"data {len(message)}", message.decode(),
                   "M 100644 inline stages.toml", f"data {len(content)}"]
        stream.append(content.decode("utf-8"))
    data = ("\n".join(stream) + "\n").encode("utf-8")
    subprocess.run(["git", "-C", str(folder), "fast-import", "--quiet"], input=data, env=env,
                   check=True)
    subprocess.run(["git", "-C", str(folder), "reset", "--hard", "--quiet", "main"], env=env,
                   check=True)


def command_line() -> list[str]:
    script = Path(sys.executable).with_name("pemilu-timeline")
    return [str(script)] if script.exists() else [sys.executable, "-m", "pemilu_timeline"]


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--runs", type=int, default=5, help="rounds (median of these)")
    parser.add_argument("--sizes", default=",".join(map(str, SIZES)),
                        help="comma-separated schedule sizes")
    parser.add_argument("--check", action="store_true", help="exit 1 if a target is missed")
    args = parser.parse_args()
    sizes = [int(s) for s in args.sizes.split(",")]
    tool = command_line()
    work = Path(tempfile.mkdtemp(prefix="pemilu-bench-"))
    env = {k: v for k, v in os.environ.items()
           if k not in ("PYTHONDONTWRITEBYTECODE", "PEMILU_TIMELINE_FILE",
                        "PEMILU_TIMELINE_LANG", "PEMILU_TIMELINE_NO_CACHE")}
    env.update(XDG_CACHE_HOME=str(work / "cache"), XDG_DATA_HOME=str(work / "data"),
               COLUMNS="100")
    try:
        files = {n: synthetic_schedule(n, work / f"stages-{n}.toml") for n in sizes}
        relative = {n: relative_late_schedule(n, work / f"relative-late-{n}.toml")
                    for n in relative_sizes(sizes)}
        chained = {n: chain_dated_schedule(n, work / f"chain-dated-{n}.toml")
                   for n in relative_sizes(sizes)}
        commands: dict[tuple[str, int | None], list[str]] = {
            ("python -c pass", None): [sys.executable, "-c", "pass"],
            ("floor: import typer, rich", None):
                [sys.executable, "-c", "import typer, rich.console, rich.table"],
            # The same imports with the collector set as the CLI's entry point sets it: the
            # fair base for "our own work", since that setting speeds up the imports too.
            (FLOOR_GC, None):
                [sys.executable, "-c", "import gc; gc.disable(); "
                 "import typer, rich.console, rich.table; gc.freeze(); gc.enable()"],
            ("now (bundled)", None): [*tool, "now"],
            ("--help", None): [*tool, "--help"],
            ("--version", None): [*tool, "--version"],
            **{(label, None): tool for label in COMPLETIONS},
            (CEK_ONE, None): [*tool, "cek", "Masa kampanye dimulai 13 November 2023"],
            (CEK_ARTICLE, None): [*tool, "cek", "--json", "--file",
                                  str(article(work / "article.txt"))],
        }
        for n, path in files.items():
            f = ["--file", str(path)]
            commands[("now", n)] = [*tool, "now", *f]
            commands[("now --at busy", n)] = [*tool, "now", "--at", BUSY_MOMENT, *f]
            commands[("list --json", n)] = [*tool, "list", "--json", *f]
            commands[("show", n)] = [*tool, "show", "pemilu-2024/pemungutan-suara-r0003", *f]
            commands[("countdown", n)] = [*tool, "countdown", *f]
            commands[("validate", n)] = [*tool, "validate", *f]
            commands[("export ical", n)] = [*tool, "export", "ical", *f]
            if n == max(sizes):
                commands[("export json", n)] = [*tool, "export", "json", *f]
                commands[("export csv", n)] = [*tool, "export", "csv", *f]
            add_file = work / f"add-{n}.toml"
            shutil.copyfile(path, add_file)
            commands[("add", n)] = [*tool, "add", "--election", "pemilu-2024",
                                    "--name", "Tahap Uji", "--name-en", "Bench stage",
                                    "--start", "2024-02-14", "--source", "benchmark",
                                    "--file", str(add_file)]
            if n >= CONCURRENT_SIZE:
                commands[(BATCH, n)] = [*tool, "add", "--from-file", str(work / "batch.toml"),
                                        "--file", str(add_file)]
        for n, path in relative.items():
            f = ["--file", str(path)]
            commands[("timeline (relative-late)", n)] = [*tool, "timeline", *f]
            commands[("list --json (relative-late)", n)] = [*tool, "list", "--json", *f]
        for n, path in chained.items():
            commands[(CHAIN_LIST, n)] = [*tool, "list", "--json", "--file", str(path)]
        if shutil.which("git"):
            commands.update(history_commands(tool, work, env))
        uncached = {**env, "PEMILU_TIMELINE_NO_CACHE": "1"}
        results = {key: Result(*key) for key in commands}

        added = iter(range(1_000_000))  # each add (or batch) adds stages of new ids

        def run(key: tuple[str, int | None]) -> tuple[float, int]:
            if key[0] == "add":  # to the same file, one after another, as staff add stages
                return run_once([*commands[key][:2], f"bench-{next(added)}",
                                 *commands[key][2:]], env)
            if key[0] in (EDIT_PLAIN, EDIT_GIT):  # a real change each time: a new note
                return run_once([*commands[key], "--note", f"bench {next(added)}"], env)
            if key[0] == BATCH:
                batch_file(work / "batch.toml", f"batch-{next(added)}")
            if key[0] in COMPLETIONS:
                return run_once(commands[key], {**env, **COMPLETIONS[key[0]]})
            return run_once(commands[key], uncached if key[0] == CHAIN_LIST else env,
                            EXPECTED_CODES.get(key[0], (0,)))

        for key in commands:  # warm-up: bytecode and schedule cache, untimed
            run(key)
        locks = {n: lock_held(files[n], work / f"lock-{n}.toml", args.runs)
                 for n in sizes if n >= CONCURRENT_SIZE}
        for _ in range(args.runs):
            for key in commands:
                seconds, rss = run(key)
                results[key].seconds.append(seconds)
                results[key].rss_kib.append(rss)
        queue = concurrent_adds(tool, files, work, env) if CONCURRENT_SIZE in files else None
        events = {n: calendar_events([*tool, "export", "ical", "--file", str(files[n])], env)
                  for n in (CONCURRENT_SIZE, max(sizes)) if n in files}
    finally:
        shutil.rmtree(work, ignore_errors=True)
    return report(results, sizes, args, locks, queue, events)


# One change as staff make it, timed from taking the lock to letting it go: the first
# change of a hand-written file parses it, and the writer's text it leaves is then changed
# chunk by chunk; so the first is left out.
LOCK_HELD = """
import contextlib, datetime as dt, json, sys, time
from pathlib import Path
from pemilu_timeline.schedule import edit, store

path, rounds = Path(sys.argv[1]), int(sys.argv[2])
held = []
real_lock = store.locked

@contextlib.contextmanager
def timed(*args, **kwargs):
    with real_lock(*args, **kwargs) as lock:
        began = time.perf_counter()
        try:
            yield lock
        finally:
            held.append(time.perf_counter() - began)

store.locked = timed
stamp = dt.datetime.now(dt.UTC).replace(microsecond=0)
for n in range(rounds + 1):
    store.update(path, lambda data, schedule, n=n: edit.add_stage(
        data, schedule, stage_id=f"kunci-{n}", election="pemilu-2024", name=f"Kunci {n}",
        name_en=None, start=dt.date(2024, 2, 14), source="benchmark", now=stamp))
print(json.dumps(held[1:]))
"""


def lock_held(source: Path, target: Path, rounds: int) -> list[float]:
    """Seconds `add` holds the lock on a file of the writer's text, per round."""
    import json

    shutil.copyfile(source, target)
    result = subprocess.run([sys.executable, "-c", LOCK_HELD, str(target), str(rounds)],
                            capture_output=True, text=True, check=False, cwd=ROOT)
    if result.returncode:
        raise SystemExit(f"lock benchmark failed:\n{result.stderr}")
    return [float(v) for v in json.loads(result.stdout)]


@dataclass
class Queue:
    writers: int
    landed: int
    failed: int
    seconds: float


def concurrent_adds(tool: list[str], files: dict[int, Path], work: Path,
                    env: dict[str, str]) -> Queue:
    """WRITERS `add`s started at once on one file, each with the default lock timeout."""
    from pemilu_timeline.schedule.read import load_schedule

    path = work / "queue.toml"
    shutil.copyfile(files[CONCURRENT_SIZE], path)
    stage = ["--election", "pemilu-2024", "--name", "Antre", "--start", "2024-02-14",
             "--source", "benchmark", "--file", str(path)]
    run_once([*tool, "add", "antre-awal", *stage], env)  # the writer's text, untimed
    began = time.perf_counter()
    writers = [subprocess.Popen([*tool, "add", f"antre-{n}", *stage], env=env,
                                stdout=subprocess.DEVNULL, stderr=subprocess.PIPE)
               for n in range(WRITERS)]
    said = [writer.communicate()[1] for writer in writers]
    failed = sum(1 for writer in writers if writer.returncode != 0)
    seconds = time.perf_counter() - began
    for writer, error in zip(writers, said, strict=True):
        if writer.returncode:
            print(f"a writer failed ({writer.returncode}): {error.decode(errors='replace')}",
                  file=sys.stderr)
    keys = {s.key for s in load_schedule(path)}
    landed = sum(1 for n in range(WRITERS) if f"pemilu-2024/antre-{n}" in keys)
    return Queue(WRITERS, landed, failed, seconds)


def batch_file(target: Path, prefix: str) -> None:
    """WRITERS stages in one batch file, for `add --from-file`."""
    target.write_text("\n".join(
        f'[[stages]]\nid = "{prefix}-{n}"\nelection = "pemilu-2024"\nname = "Antre {n}"\n'
        f'start = 2024-02-14\nsource = "benchmark"\n' for n in range(WRITERS)),
        encoding="utf-8")


def calendar_events(argv: list[str], env: dict[str, str]) -> int:
    """How many events the calendar of a schedule holds (its dated stages)."""
    result = subprocess.run(argv, env=env, capture_output=True, check=True)
    return result.stdout.count(b"BEGIN:VEVENT")


def relative_sizes(sizes: list[int]) -> list[int]:
    """The sizes the relative-late schedules are timed at: the two largest up to
    RELATIVE_LARGEST (they look for growth worse than linear, which a factor of ten shows)."""
    return sorted(n for n in sizes if n <= RELATIVE_LARGEST)[-2:]


def report(results: dict[tuple[str, int | None], Result], sizes: list[int],
           args: argparse.Namespace, locks: dict[int, list[float]], queue: Queue | None,
           events: dict[int, int]) -> int:
    import platform

    print(f"pemilu-timeline benchmark — {time.strftime('%Y-%m-%d')}, {platform.node() or '?'}, "
          f"{platform.machine()}, {os.cpu_count()} CPUs, Python {platform.python_version()}, "
          f"median of {args.runs} interleaved rounds\n")
    print("| command | stages | median s | min s | peak RSS MiB |")
    print("|---|---:|---:|---:|---:|")
    for result in results.values():
        stages = f"{result.size:,}" if result.size else "bundled"
        print(f"| {result.label} | {stages} | {result.median:.3f} | {min(result.seconds):.3f} "
              f"| {result.peak_mib:.1f} |")

    def median(label: str, size: int | None = None) -> float:
        return results[(label, size)].median

    floor = median("floor: import typer, rich")
    checks: list[tuple[str, float, float, bool]] = []  # (what, value, target, lower is ok)
    checks.append(("now (bundled) / floor", median("now (bundled)") / floor, 1.15, True))
    for label in COMPLETIONS:  # a Tab press should cost no more than the fastest command
        checks.append((f"{label} / floor", median(label) / floor, 1.25, True))
    # A whole article costs its checking on top of start-up: "well under a second".
    checks.append((f"{CEK_ARTICLE} - {CEK_ONE} (s)", median(CEK_ARTICLE) - median(CEK_ONE),
                   0.5, True))
    big = max(sizes)
    checks.append((f"now at {big:,} / now (bundled)", median("now", big) / median("now (bundled)"),
                   3.0, True))
    checks.append((f"peak RSS of now at {big:,} (MiB)", results[("now", big)].peak_mib, 100.0,
                   True))
    for low, high in itertools.pairwise(sorted(sizes)):
        for label in ("now", "list --json", "export ical", "add", "validate"):
            checks.append((f"{label}: {high:,} / {low:,}",
                           median(label, high) / median(label, low), high / low * 1.2, True))
    if REGIONAL in sizes:
        for label in WITHIN_A_SECOND:
            checks.append((f"{label} at {REGIONAL:,} (s)", median(label, REGIONAL), 1.0, True))
        checks.append((f"now --at busy / now at {REGIONAL:,}",
                       median("now --at busy", REGIONAL) / median("now", REGIONAL), 2.0, True))
    if HEADROOM in sizes:
        checks.append((f"now at {HEADROOM:,} (s)", median("now", HEADROOM), QUIET_AT_HEADROOM,
                       True))
        checks.append((f"validate at {HEADROOM:,} (s)", median("validate", HEADROOM),
                       VALIDATE_SECONDS, True))
    if big >= CONCURRENT_SIZE:
        for label in ("export ical", "export json", "export csv"):
            checks.append((f"peak RSS of {label} at {big:,} (MiB)",
                           results[(label, big)].peak_mib, EXPORT_MIB, True))
    if len(events) == 2 and big > CONCURRENT_SIZE:
        added = events[big] - events[CONCURRENT_SIZE]
        per_event = (median("export ical", big) - median("export ical", CONCURRENT_SIZE)) \
            / added * 1e6
        checks.append((f"export ical, µs per event ({CONCURRENT_SIZE:,} to {big:,})",
                       per_event, ICAL_EVENT_US, True))
    if len(relative_sizes(sizes)) == 2:
        low, high = relative_sizes(sizes)
        for label in ("timeline (relative-late)", "list --json (relative-late)", CHAIN_LIST):
            checks.append((f"{label}: {high:,} / {low:,}",
                           median(label, high) / median(label, low), high / low * 1.2, True))
    if (EDIT_GIT, None) in results:
        checks.append((f"{EDIT_GIT} / {EDIT_PLAIN}", median(EDIT_GIT) / median(EDIT_PLAIN),
                       GIT_EDIT_RATIO, True))
        checks.append((f"{AS_OF} (s)", median(AS_OF), AS_OF_SECONDS, True))
    for n, held in locks.items():
        if n in LOCK_TARGETS:
            checks.append((f"lock held by add at {n:,} (s, median)", statistics.median(held),
                           LOCK_TARGETS[n], True))
    if queue is not None:
        checks.append((f"{queue.writers} concurrent adds at {CONCURRENT_SIZE:,}: failed",
                       queue.failed, 0, True))
        checks.append((f"{queue.writers} concurrent adds at {CONCURRENT_SIZE:,}: not landed",
                       queue.writers - queue.landed, 0, True))
    print("\n| ratio | measured | target | |")
    print("|---|---:|---:|---|")
    missed = 0
    for what, value, target, _ in checks:
        ok = value <= target
        missed += not ok
        print(f"| {what} | {value:.2f} | ≤ {target:.2f} | {'ok' if ok else 'MISSED'} |")
    print(f"\n- Informational: now (bundled) / floor with the CLI's GC setting = "
          f"{median('now (bundled)') / median(FLOOR_GC):.2f} (our own work, same start-up "
          "tuning on both sides)")
    print(f"- Informational: now --at {BUSY_MOMENT} at {big:,} stages / now (bundled) = "
          f"{median('now --at busy', big) / median('now (bundled)'):.2f} "
          "(copies of one stage on one row)")
    for label in COMPLETIONS:
        print(f"- Informational: {label} = {median(label) * 1000:.0f} ms; / now (bundled) = "
              f"{median(label) / median('now (bundled)'):.2f}; / --version = "
              f"{median(label) / median('--version'):.2f}")
    for n, held in locks.items():
        print(f"- Informational: lock held by add at {n:,}: median "
              f"{statistics.median(held):.3f} s, max {max(held):.3f} s ({len(held)} adds)")
    if queue is not None:
        print(f"- Informational: {queue.writers} adds started at once at {CONCURRENT_SIZE:,} "
              f"stages, default lock timeout: {queue.landed} landed, {queue.failed} failed, "
              f"{queue.seconds:.1f} s for all; the same {queue.writers} stages in one "
              f"`{BATCH}`: {median(BATCH, CONCURRENT_SIZE):.2f} s")
    print(f"- Informational: {CEK_ONE} / floor = {median(CEK_ONE) / floor:.2f}; "
          f"{CEK_ARTICLE} = {median(CEK_ARTICLE):.3f} s")
    return 1 if args.check and missed else 0


if __name__ == "__main__":
    sys.exit(main())
