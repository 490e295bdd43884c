"""`python -m pemilu_timeline` and the `pemilu-timeline` console script.

Start-up time is a feature of this tool. Importing typer, rich and the commands makes tens
of thousands of objects that live until the process ends, and the cyclic garbage collector
would walk them again and again during the imports and in full at exit, costing about as
much as the command's own work. So collection is off while importing, and what the imports
made is then frozen: left out of every later collection. Objects the command makes are
collected as ever. Nothing is lost: exit still flushes output and runs atexit handlers, and
files and locks are closed by their `with` blocks before that.
"""

import gc
import sys

_collecting = gc.isenabled()
gc.disable()
from pemilu_timeline.cli.app import app_for  # noqa: E402

gc.freeze()
if _collecting:
    gc.enable()


def main() -> None:
    from pemilu_timeline.cli.options import settle_lang_env

    settle_lang_env(sys.argv[1:])
    app_for(sys.argv[1:])(prog_name="pemilu-timeline")


if __name__ == "__main__":
    main()
