"""Realistic filler pages for scale tests and benchmarks: an archive of articles, condition
pages and product guides spread over the sections, out of the menus as a real archive is."""

import multiprocessing
import queue
import random
import traceback
from collections import defaultdict
from contextlib import contextmanager
from datetime import timedelta

from django.contrib.auth import get_user_model
from django.db import connections, transaction
from django.db.models.signals import post_save
from django.utils import timezone
from django.utils.text import slugify

from modelsearch import index
from modelsearch.backends import get_search_backends
from modelsearch.signal_handlers import post_save_signal_handler
from wagtail.models import Page, ReferenceIndex
from wagtail.signal_handlers import disable_reference_index_auto_update

from healthsite.models import ContentPage, SectionPage

GENERATOR_USERNAME = "content-generator"  # owns every generated page, so --remove finds them
BATCH = 100  # pages per transaction, indexed together (10,000 pages in minutes, not an hour)

PLACES = ["lower back", "upper back", "neck", "shoulder", "hip", "side", "buttock", "knee"]
FEELINGS = ["stiff", "aching", "sore", "tight", "sharp", "burning", "nagging", "throbbing"]
ACTIVITIES = [
    "gardening",
    "driving",
    "long flights",
    "desk work",
    "running",
    "cycling",
    "housework",
    "carrying shopping",
    "sleeping on a soft bed",
    "picking up a toddler",
    "yoga",
    "golf",
]
ANGLES = [
    "what helps",
    "when to worry",
    "a physiotherapist's view",
    "simple steps at home",
    "questions to ask your GP",
    "how long it lasts",
    "gentle exercises",
    "what to avoid",
]
THINGS = [
    "standing desk",
    "foam roller",
    "travel pillow",
    "lumbar roll",
    "walking boot",
    "garden kneeler",
    "car seat cushion",
    "recliner chair",
]
SENTENCES = [
    "Most episodes of {feeling} {place} pain settle within a few weeks with simple care.",
    "Keep moving gently: long rest in bed tends to make stiffness worse.",
    "In my clinic I often see people who have been {activity} for hours without a break.",
    "Change position often, and build activity back up a little each day.",
    "Heat can ease tight muscles, and a cold pack can calm a fresh strain.",
    "Pain that spreads down a leg, or numbness and tingling, should be checked by a doctor.",
    "Your pharmacist can tell you which painkillers are suitable for you.",
    "Small changes to how you sit, sleep and lift add up over time.",
    "If a movement makes the pain sharply worse, stop and try a smaller one.",
    "Strength and confidence come back with steady, regular practice.",
]
RED_FLAGS = [
    ("emergency", "Loss of bladder or bowel control, or numbness around your bottom or genitals"),
    ("emergency", "Weakness in both legs, or pain after a serious fall or accident"),
    ("urgent", "Back pain with a fever, or weight loss you cannot explain"),
    ("soon", "Pain that is no better after a few weeks of self-care"),
]


def paragraph(rng, words):
    text = " ".join(rng.choice(SENTENCES) for _ in range(4)).format(**words)
    return {"type": "paragraph", "value": f"<p>{text}</p>"}


def body(rng, words):
    return [
        paragraph(rng, words),
        {"type": "heading", "value": {"text": "What you can do", "level": "h2"}},
        paragraph(rng, words),
        {"type": "bulleted_list", "value": [f"<p>{s}</p>" for s in rng.sample(SENTENCES, 3)]},
        paragraph(rng, words),
    ]


def generated_page(model, rng, number):
    words = {
        "place": rng.choice(PLACES),
        "feeling": rng.choice(FEELINGS),
        "activity": rng.choice(ACTIVITIES),
    }
    if model.__name__ == "ProductGuidePage":
        title = f"Choosing a {rng.choice(THINGS)}: {rng.choice(ANGLES)}"
    else:
        title = f"{words['feeling'].capitalize()} {words['place']} after {words['activity']}: "
        title += rng.choice(ANGLES)
    published = timezone.now() - timedelta(days=rng.randint(40, 365 * 12))
    page = model(
        title=title,
        slug=f"{slugify(title)[:60]}-{number}",
        summary=paragraph(rng, words)["value"][3:-4][:300],
        body=body(rng, words),
        show_in_menus=False,
        live=True,
        first_published_at=published,
        last_published_at=published,
        last_updated=published,
    )
    if hasattr(page, "seek_help"):
        page.overview = [paragraph(rng, words)]
        page.causes = [paragraph(rng, words)]
        page.symptoms = [paragraph(rng, words)]
        page.self_care = [
            {"type": "step", "value": {"title": "", "text": f"<p>{s}</p>"}}
            for s in rng.sample(SENTENCES, 4)
        ]
        page.seek_help = [
            {"type": "red_flag", "value": {"urgency": urgency, "sign": sign}}
            for urgency, sign in RED_FLAGS
        ]
    if hasattr(page, "look_for"):
        page.look_for = [paragraph(rng, words)]
        page.avoid = [paragraph(rng, words)]
    return page


def section_types(section):
    """The newsworthy page type a section already holds most of (its kind of content)."""
    allowed = [m for m in section.specific_class.allowed_subpage_models() if m.newsworthy]
    counts = {model: ContentPage.objects.child_of(section).type(model).count() for model in allowed}
    return max(allowed, key=lambda model: (counts[model], model.__name__ == "ArticlePage"))


def generator_user():
    user, _ = get_user_model().objects.get_or_create(
        username=GENERATOR_USERNAME, defaults={"is_active": False}
    )
    return user


@contextmanager
def indexing_deferred():
    """Saves skip the search and reference indexes, one query each per page: `index_batch`
    indexes the saved pages together instead."""
    models = [m for m in index.get_indexed_models() if getattr(m, "search_auto_update", True)]
    for model in models:
        post_save.disconnect(post_save_signal_handler, sender=model)
    try:
        with disable_reference_index_auto_update():
            yield
    finally:
        for model in models:
            post_save.connect(post_save_signal_handler, sender=model)


def index_batch(pages):
    """Indexes a batch of saved pages as `rebuild_modelsearch_index` does: per model, fetched
    again with their related fields in one query each."""
    by_model = defaultdict(list)
    for page in pages:
        by_model[type(page)].append(page.pk)
        ReferenceIndex.create_or_update_for_object(page)
    for model, pks in by_model.items():
        objects = list(model.get_indexed_objects().filter(pk__in=pks))
        for backend in get_search_backends(with_auto_update=True):
            backend.add_bulk(model, objects)


def generate(count, seed=2026, log=print, jobs=1):
    """Adds `count` pages, a batch per transaction. With jobs > 1, that many processes share
    the sections between them (one section's pages are added by one process, as its tree paths
    are allocated in order); each page's text comes from (seed, number), whatever the jobs."""
    sections = list(SectionPage.objects.live())
    if not sections:
        raise RuntimeError("No section pages: run `python manage.py load_demo_content` first.")
    plan = [(section, section_types(section)) for section in sections]
    owner = generator_user()
    start = Page.objects.filter(owner=owner).count()
    numbers = range(1, count + 1)
    shares = [
        [n for n in numbers if n % len(plan) % jobs == job] for job in range(min(jobs, len(plan)))
    ]
    step = max(1, count // 10)
    done = 0

    def progress(added):
        nonlocal done
        for number in range(done + 1, done + added + 1):
            if number % step == 0 or number == count:
                log(f"  {number}/{count} pages")
        done += added

    if len(shares) == 1:
        add_pages(plan, numbers, start, seed, owner, progress)
        return count
    context = multiprocessing.get_context("fork")
    reports = context.Queue()
    connections.close_all()  # each process opens its own
    workers = [
        context.Process(target=add_share, args=(plan, share, start, seed, owner, reports))
        for share in shares
    ]
    for worker in workers:
        worker.start()
    running = len(workers)
    while running:
        try:
            added = reports.get(timeout=5)
        except queue.Empty:
            if any(worker.exitcode for worker in workers):  # died without a word
                added = "a process stopped with exit code " + str(
                    [worker.exitcode for worker in workers]
                )
            else:
                continue
        if added is None:
            running -= 1
        elif isinstance(added, str):
            for worker in workers:
                worker.terminate()
            raise RuntimeError(f"A generating process failed:\n{added}")
        else:
            progress(added)
    for worker in workers:
        worker.join()
    return count


def add_share(plan, numbers, start, seed, owner, reports):
    """One process's share of the pages; reports each batch added, then None (or the error)."""
    try:
        add_pages(plan, numbers, start, seed, owner, reports.put)
        reports.put(None)
    except Exception:  # handed to the parent, which raises it
        reports.put(traceback.format_exc())
    finally:
        connections.close_all()


def add_pages(plan, numbers, start, seed, owner, progress):
    with indexing_deferred():
        for first in range(0, len(numbers), BATCH):
            batch = []
            with transaction.atomic():
                for number in numbers[first : first + BATCH]:
                    section, model = plan[number % len(plan)]
                    rng = random.Random(f"{seed}:{start + number}")  # noqa: S311 - filler text
                    page = generated_page(model, rng, start + number)
                    page.owner = owner
                    section.add_child(instance=page)
                    batch.append(page)
                index_batch(batch)
            progress(len(batch))


def remove(log=print):
    owner = generator_user()
    pages = Page.objects.filter(owner=owner)
    total = pages.count()
    removed = 0
    while batch := list(pages.values_list("pk", flat=True)[:500]):
        Page.objects.filter(pk__in=batch).delete()
        removed += len(batch)
        log(f"  {removed}/{total} pages removed")
    return total
