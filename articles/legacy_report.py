"""What an import did (or a dry run would do) with each file, as plain values: the command
prints them, the admin's Import view keeps them between its steps and shows them."""

from .legacy_headings import phrase_table


def where(page):
    """The page's address as readers see it (for a dry run's new page, where it would be)."""
    site = page.get_site()
    return "/" + page.url_path.removeprefix(site.root_page.url_path if site else "/")


def describe(outcome, dry_run):
    document = outcome.document
    entry = {
        "file": str(document.path),
        "name": document.path.name,
        "action": outcome.action,
        "reason": outcome.reason,
        "dry_run": dry_run,
        "old_path": document.old_path or "",
        "encoding": document.encoding,
        "dropped": [[dropped.signal, dropped.what] for dropped in document.dropped],
        "candidates": [
            {"title": page.title, "url": page.url_path, "id": page.pk, "why": why}
            for page, why in outcome.candidates
        ],
    }
    if outcome.action == "skipped":
        return entry
    page = outcome.page
    entry.update(
        {
            "title": page.title,
            "type": page._meta.verbose_name,
            "where": where(page),
            "page_id": None if dry_run and outcome.action == "created" else page.pk,
            "into": outcome.into,
            "fields": [name.replace("_", " ") for name in outcome.fields],
            "blocks": {kind.replace("_", " "): count for kind, count in outcome.blocks.items()},
            "sections": [[name.replace("_", " "), heading] for name, heading in outcome.sections],
            "links": [[href, bool(target)] for href, target in outcome.links],
            "images": list(outcome.images),
            "notes": list(outcome.notes),
        }
    )
    return entry


def text_lines(entry):
    """The report of one file as the command prints it."""
    name = entry["name"]
    if entry["action"] == "skipped":
        yield "warning", f"{name}: skipped, {entry['reason']}"
        for candidate in entry["candidates"]:
            yield "", f"  possible match: “{candidate['title']}” ({candidate['why']})"
        return
    verb = f"would be {entry['action']}" if entry["dry_run"] else entry["action"]
    kind = (
        f"{entry['type']}, a new draft of the live page"
        if entry["into"]
        else f"{entry['type']}, draft"
    )
    redirected = f", redirected from {entry['old_path']}" if entry["old_path"] else ""
    yield "", f"{name}: {verb} “{entry['title']}” ({kind}) in {entry['where']}{redirected}"
    if entry["into"]:
        yield "", f"  into the page the site has: {entry['into']}"
    for candidate in entry["candidates"]:
        yield (
            "",
            (
                f"  possible match, not used: “{candidate['title']}” {candidate['url']} "
                f"({candidate['why']}); to import into it, name it with --into"
            ),
        )
    if entry["fields"]:
        yield "", f"  fields filled: {', '.join(entry['fields'])}"
    if entry["encoding"] not in ("utf-8", "ascii"):
        yield "", f"  read as {entry['encoding']}"
    if entry["blocks"]:
        yield "", "  blocks: " + ", ".join(f"{n} {kind}" for kind, n in entry["blocks"].items())
    for section, heading in entry["sections"]:
        yield "", f"  “{heading}” → {section}"
    unresolved = [href for href, resolved in entry["links"] if not resolved]
    if entry["links"]:
        resolved = len(entry["links"]) - len(unresolved)
        yield "", f"  links to old pages: {resolved} resolved, {len(unresolved)} not"
    for href in unresolved:
        yield "", f"    not imported (yet): {href}"
    for line in entry["images"]:
        yield "", f"  image {line}"
    for signal, what in entry["dropped"]:
        yield "", f"  dropped as site chrome: {what} ({signal})"
    for note in entry["notes"]:
        yield "warning", f"  note: {note}"


def phrases_text():
    """The section phrase table, one line per section."""
    return [f"{name}: " + ", ".join(f"“{p}”" for p in phrases) for name, phrases in phrase_table()]
