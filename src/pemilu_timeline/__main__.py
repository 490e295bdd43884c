"""`python -m pemilu_timeline` and the `pemilu-timeline` console script."""

from pemilu_timeline.cli import app


def main() -> None:
    app(prog_name="pemilu-timeline")


if __name__ == "__main__":
    main()
