"""`cek`: check the dates a text claims against the schedule."""

from __future__ import annotations

from pathlib import Path
from typing import Annotated

import typer

from pemilu_timeline.cli.options import (
    AtOption,
    JsonOption,
    Lang,
    LangOption,
    console,
    open_view,
    print_json,
    read_input,
)
from pemilu_timeline.errors import ExitStatus, InvalidInput, UsageError

MAX_TEXT_BYTES = 8 * 1024 * 1024  # a long article is some tens of kilobytes
DEFAULT_AUTHOR = "pemilu-timeline"


def cek(
    text: Annotated[str | None, typer.Argument(metavar="[TEXT]", show_default=False)] = None,
    text_file: Annotated[Path | None, typer.Option(
        "--file", "-f", metavar="FILE", show_default=False)] = None,
    schedule_file: Annotated[Path | None, typer.Option(
        "--schedule", metavar="FILE", show_default=False)] = None,
    as_json: JsonOption = False,
    claimreview: Annotated[bool, typer.Option("--claimreview")] = False,
    url: Annotated[str | None, typer.Option("--url", metavar="URL",
                                            show_default=False)] = None,
    author: Annotated[str | None, typer.Option("--author", metavar="NAME",
                                               show_default=False)] = None,
    appearance: Annotated[str | None, typer.Option("--appearance", metavar="URL",
                                                   show_default=False)] = None,
    at: AtOption = None,
    lang: LangOption = Lang.id,
) -> None:
    from pemilu_timeline.factcheck.review import review
    from pemilu_timeline.factcheck.verify import Verdict

    if text is not None and text_file is not None:
        raise UsageError("cek.text_and_file")
    if (url is not None or author is not None or appearance is not None) and not claimreview:
        raise UsageError("cek.url_needs_claimreview")
    view = open_view(schedule_file, at, "Asia/Jakarta", lang)
    content = text if text is not None else read_input(text_file, MAX_TEXT_BYTES, empty="cek.empty")
    if not content.strip():
        raise InvalidInput("cek.empty")
    findings = review(view.schedule, content)
    if claimreview:
        from pemilu_timeline.exports.factcheck import claimreview as reviews

        print_json(reviews(view.schedule, findings, view.lang, published=view.at.date(),
                           author=author or DEFAULT_AUTHOR, url=url, appearance=appearance))
    elif as_json:
        from pemilu_timeline.exports.factcheck import findings_to_dict

        print_json(findings_to_dict(view.schedule, findings, view.lang))
    else:
        from pemilu_timeline.views.factcheck import report_view

        console().print(report_view(view.schedule, findings, view.lang))
    if any(f.verdict is Verdict.CONTRADICTED for f in findings):
        raise typer.Exit(ExitStatus.CONTRADICTED)


