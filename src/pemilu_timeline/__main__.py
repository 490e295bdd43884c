"""`python -m pemilu_timeline` and the `pemilu-timeline` console script."""

import sys

from pemilu_timeline.cli import app_for


def main() -> None:
    app_for(sys.argv[1:])(prog_name="pemilu-timeline")


if __name__ == "__main__":
    main()
