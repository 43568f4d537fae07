"""Prints the plain-English checks of live health pages (their published revisions), for
operators and CI; exits 1 when a page is above its target reading age or flagged."""

import json

from django.core.management.base import BaseCommand, CommandError

from editorial.plain_english import stored
from editorial.plain_english.checks import check_page, known_terms


class Command(BaseCommand):
    help = (
        "Checks live health pages for plain English: reading age against its target, medical "
        "words without their everyday alternative, and the health page rules. Exits 1 when a "
        "page is above target or flagged."
    )

    def add_arguments(self, parser):
        parser.add_argument("--json", action="store_true", help="Print JSON, one list.")
        parser.add_argument(
            "paths",
            nargs="*",
            metavar="URL_PATH",
            help="Pages by their address, e.g. /specific-back-pain/sciatica/ (default: every "
            "live health page).",
        )

    def handle(self, *args, paths, json=False, **options):
        pages = stored.live_health_pages().specific().prefetch_related("explained_terms__term")
        if paths:
            pages = [self.page_at(pages, path) for path in paths]
        else:
            pages = list(pages.order_by("path"))
        terms = known_terms()
        results = [(page, check_page(page, terms=terms)) for page in pages]
        if json:
            self.stdout.write(as_json(results))
        else:
            for page, result in results:
                self.stdout.write(as_text(page, result))
        if any(result.failed for _page, result in results):
            raise SystemExit(1)

    def page_at(self, pages, path):
        path = "/" + path.strip("/") + "/" if path.strip("/") else "/"
        for page in pages.filter(url_path__endswith=path):
            if page.url_path.split("/", 2)[-1] == path.lstrip("/") or page.url == path:
                return page
        raise CommandError(f"No live health page at {path}")


def address(page):
    return page.get_url() or page.url_path


def as_json(results):
    return json.dumps(
        [
            {"path": address(page), "title": page.title, **result.as_json()}
            for page, result in results
        ],
        indent=2,
        ensure_ascii=False,
    )


def as_text(page, result):
    level = result.level
    lines = [f"{address(page)}  {page.title}"]
    if level.reading_age is None:
        lines.append(f"  {level.note}")
    else:
        scores = f"Flesch–Kincaid grade {level.fk_grade}"
        if level.smog is not None:
            scores = f"SMOG grade {level.smog}, {scores}"
        lines.append(
            f"  reading age {level.reading_age:g} (target {result.target}): {result.verdict}; "
            f"{scores}"
        )
        if level.smog is None:
            lines.append(f"  {level.note}")
    for flag in result.flags:
        suggestion = f" → {flag['suggestion']}" if flag["suggestion"] else ""
        lines.append(f"  - {flag['kind']}: {flag['text']}{suggestion}")
    return "\n".join(lines)
