"""Every kind of page passes axe-core's WCAG 2.2 AA and best-practice checks on a phone and a
desktop, and the site works with the keyboard alone, without motion, and on paper."""

from functools import cache
from pathlib import Path

import pytest
from playwright.sync_api import expect

from tests.site_pages import (
    A_TO_Z,
    BACK_PAIN_OVERVIEW,
    BACK_PAIN_PRODUCTS,
    BACK_PAIN_TYPES,
    CHAIRS,
    CONTACT,
    EDITORIAL_POLICY,
    LEARN_MORE,
    MANAGEMENT_EXERCISES,
    NEWSLETTER,
    SCIATICA,
    SUBSCRIBE,
    TELL_YOUR_STORY,
    WHATS_NEW,
)

pytestmark = pytest.mark.browser

AXE = Path(__file__).resolve().parents[2] / "node_modules/axe-core/axe.min.js"
AXE_TAGS = ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa", "wcag22aa", "best-practice"]
CONDITION = SCIATICA.url  # has sources, so their back-links are checked too
STORIES = TELL_YOUR_STORY.url

# One page of each kind, by what it is.
PAGES = {
    "home": "/",
    "section of articles and stories": BACK_PAIN_OVERVIEW.url,
    "section of conditions": BACK_PAIN_TYPES.url,
    "section of product guides": BACK_PAIN_PRODUCTS.url,
    "section of standard pages and a form": LEARN_MORE.url,
    "condition": CONDITION,
    "article": MANAGEMENT_EXERCISES.url,
    "product guide": CHAIRS.url,
    "standard page": EDITORIAL_POLICY.url,
    "contact form": CONTACT.url,
    "newsletter": NEWSLETTER.url,
    "tell your story, with its form": STORIES,
    "story": STORIES + "my-first-pilates-class/",
    "people": "/people/",
    "person": "/people/alex-morgan/",
    "site map": "/site-map/",
    "search with results": "/search/?q=sciatica",
    "search without results": "/search/?q=xylophone",
    "what's new": WHATS_NEW.url,
    "subscribe": SUBSCRIBE.url,
    "a-z": A_TO_Z.url,
    "not found": "/no-such-page/",
    "newsletter confirm, bad link": "/newsletter/confirm/not-a-token/",
    "newsletter unsubscribe, bad link": "/newsletter/unsubscribe/not-a-token/",
}
WIDTHS = {"phone": 320, "desktop": 1280}
PHONE = {"width": 320, "height": 800}


@pytest.fixture(scope="module", params=WIDTHS.values(), ids=WIDTHS.keys())
def reader(browser, request):
    """One tab at a width, reused page after page (a new context per page is slower)."""
    context = browser.new_context(viewport={"width": request.param, "height": 800})
    yield context.new_page()
    context.close()


@cache
def axe_source():
    """axe-core from npm (package.json; `make test` installs it with `npm ci`), read when first
    needed, so that collecting the tests without the browser ones works without it."""
    return AXE.read_text()


def axe_violations(page):
    """axe-core's violations on the page as loaded (injected as a script, not from the site)."""
    page.evaluate(axe_source())
    return page.evaluate(
        "tags => axe.run(document, {runOnly: {type: 'tag', values: tags}})"
        ".then(results => results.violations)",
        AXE_TAGS,
    )


def describe(violations):
    """What a reader of the CI log needs to fix each violation: the rule, its help and where."""
    lines = []
    for violation in violations:
        lines.append(f"{violation['id']} ({violation['impact']}): {violation['help']}")
        lines.append(f"  {violation['helpUrl']}")
        for node in violation["nodes"]:
            lines.append(f"  - {' '.join(map(str, node['target']))}: {node['html'][:160]}")
            summary = node.get("failureSummary")
            if summary:
                lines.extend(f"      {line}" for line in summary.splitlines())
    return "\n".join(lines)


@pytest.mark.parametrize("path", PAGES.values(), ids=PAGES.keys())
def test_every_kind_of_page_has_no_accessibility_violations(reader, site_url, path):
    reader.goto(site_url + path)
    violations = axe_violations(reader)
    assert not violations, f"axe-core on {path}:\n{describe(violations)}"


# Links as the newsletter's e-mails carry them, signed with the demo site's key for a
# subscriber nobody has: their pages show a button without reading the database.
MAKE_LINKS = """
import uuid
from newsletter import tokens

print(tokens.for_confirming(uuid.uuid4()), tokens.for_unsubscribing(uuid.uuid4()))
"""


@pytest.fixture(scope="module")
def newsletter_links(demo_site):
    confirm, unsubscribe = demo_site.manage("shell", stdin=MAKE_LINKS).split()[-2:]
    return {
        "confirm": f"/newsletter/confirm/{confirm}/",
        "unsubscribe": f"/newsletter/unsubscribe/{unsubscribe}/",
    }


def test_the_newsletter_links_pages_have_no_accessibility_violations(
    reader, site_url, newsletter_links
):
    found = {}
    for name, path in newsletter_links.items():
        reader.goto(site_url + path)
        found[name] = axe_violations(reader)
    # Unsubscribing (nobody, here) answers with a page of its own.
    reader.get_by_role("button", name="Unsubscribe").click()
    expect(reader.get_by_role("heading", level=1)).to_contain_text("unsubscribed")
    found["unsubscribed"] = axe_violations(reader)
    assert not any(found.values()), "\n".join(
        f"axe-core on the {name} page:\n{describe(violations)}"
        for name, violations in found.items()
        if violations
    )


# Each public form and its button, to send it empty and check the page that lists the mistakes.
FORMS = {
    "contact": (CONTACT.url, "Send"),
    "newsletter": (NEWSLETTER.url, "Sign up"),
    "story": (STORIES, "Send my story"),
}


def test_forms_sent_with_mistakes_have_no_accessibility_violations(browser, site_url):
    context = browser.new_context(viewport=PHONE)
    tabs = {name: context.new_page() for name in FORMS}
    for name, (path, _button) in FORMS.items():
        tabs[name].goto(site_url + path)
    found = {}
    for name, (_path, button) in FORMS.items():
        page = tabs[name]
        page.locator("main").get_by_role("button", name=button, exact=True).click()
        expect(page.locator("main .form__error").first).to_be_visible()
        found[name] = axe_violations(page)
    assert not any(found.values()), "\n".join(
        f"axe-core on the {name} form with mistakes:\n{describe(violations)}"
        for name, violations in found.items()
        if violations
    )
    context.close()


def test_the_open_phone_menu_has_no_accessibility_violations(browser, site_url):
    context = browser.new_context(viewport=PHONE)
    page = context.new_page()
    page.goto(site_url + CONDITION)
    page.get_by_text("Menu", exact=True).click()
    expect(page.get_by_role("navigation", name="Main")).to_be_visible()
    violations = axe_violations(page)
    assert not violations, f"axe-core with the menu open:\n{describe(violations)}"
    context.close()


def test_search_suggestions_have_no_accessibility_violations(browser, site_url):
    context = browser.new_context(viewport=PHONE)
    page = context.new_page()
    page.goto(site_url + "/")
    page.locator("#header-search").press_sequentially("scia", delay=20)
    expect(page.get_by_role("listbox")).to_be_visible()
    violations = axe_violations(page)
    assert not violations, f"axe-core with suggestions shown:\n{describe(violations)}"
    context.close()


def focused(page):
    """What has the keyboard focus: its tag, id, text and whether it is inside <main>."""
    return page.evaluate(
        """() => {
            const el = document.activeElement;
            return {tag: el.tagName.toLowerCase(), id: el.id, text: el.textContent.trim(),
                    inMain: !!el.closest('main'), inMenu: !!el.closest('nav[aria-label=Main]')};
        }"""
    )


def tab_until(page, matches, limit=60):
    """Presses Tab until the focused element matches; fails after `limit` presses."""
    for _press in range(limit):
        page.keyboard.press("Tab")
        if matches(focused(page)):
            return focused(page)
    raise AssertionError(f"not reached with {limit} presses of Tab")


@pytest.mark.parametrize("width", WIDTHS.values(), ids=WIDTHS.keys())
def test_the_first_tab_reaches_a_skip_link_that_moves_focus_to_the_content(
    browser, site_url, width
):
    context = browser.new_context(viewport={"width": width, "height": 800})
    page = context.new_page()
    page.goto(site_url + CONDITION)
    page.keyboard.press("Tab")
    skip = page.get_by_role("link", name="Skip to main content")
    expect(skip).to_be_focused()
    box = skip.bounding_box()
    assert box["y"] >= 0 and box["x"] >= 0 and box["width"] > 0  # shown, not off-screen

    page.keyboard.press("Enter")
    expect(page.locator("main")).to_be_focused()
    page.keyboard.press("Tab")  # on from the content, not back at the header
    assert focused(page)["inMain"], focused(page)
    context.close()


def test_the_phone_menu_opens_with_the_keyboard_and_its_links_take_the_focus(browser, site_url):
    context = browser.new_context(viewport=PHONE)
    page = context.new_page()
    page.goto(site_url + "/")
    menu = page.get_by_role("navigation", name="Main")
    expect(menu).to_be_hidden()

    tab_until(page, lambda element: element["text"] == "Menu")
    page.keyboard.press("Enter")
    expect(menu).to_be_visible()
    reached = tab_until(page, lambda element: element["text"] == "Sciatica")
    assert reached["inMenu"]
    expect(menu.get_by_role("link", name="Sciatica")).to_be_in_viewport()
    page.keyboard.press("Enter")
    page.wait_for_url("**/specific-back-pain/sciatica/")
    context.close()


def test_the_search_box_takes_the_focus_and_enter_shows_the_results(browser, site_url):
    context = browser.new_context(viewport=PHONE)
    page = context.new_page()
    page.goto(site_url + "/")
    tab_until(page, lambda element: element["id"] == "header-search")
    page.keyboard.type("sciatica")
    page.keyboard.press("Enter")
    page.wait_for_url("**/search/?q=sciatica")
    results = page.locator("main ol.search-results > li")
    expect(results.first).to_be_visible()
    expect(results.get_by_role("link", name="Sciatica", exact=True)).to_be_visible()
    context.close()


# The outline and shadow of each element, to compare with and without the focus.
FOCUS_STYLE = """el => {
    const style = getComputedStyle(el);
    return {outline: style.outlineStyle === 'none' ? 'none'
                : `${style.outlineStyle} ${style.outlineWidth} ${style.outlineColor}`,
            shadow: style.boxShadow, html: el.outerHTML.slice(0, 120)};
}"""


@pytest.mark.parametrize("path", [CONDITION, CONTACT.url], ids=["condition", "form"])
def test_everything_the_keyboard_reaches_shows_that_it_has_the_focus(browser, site_url, path):
    context = browser.new_context(viewport={"width": 1280, "height": 800})
    page = context.new_page()
    page.goto(site_url + path)
    page.evaluate("() => { window.reached = []; }")
    with_focus = []
    for _press in range(300):  # Tab through the page, from the skip link to the footer's end
        page.keyboard.press("Tab")
        style = page.evaluate(
            f"""() => {{
                const el = document.activeElement;
                if (el === document.body || window.reached.includes(el)) return null;
                window.reached.push(el);
                return ({FOCUS_STYLE})(el);
            }}"""
        )
        if style is None:
            break
        with_focus.append(style)
    else:
        raise AssertionError("the focus never left the page nor came round again")
    page.evaluate("() => document.activeElement.blur()")
    without_focus = page.evaluate(f"() => window.reached.map({FOCUS_STYLE})")

    assert len(with_focus) > 20  # the walk went through the page, not just the header
    unmarked = [
        focus["html"]
        for focus, rest in zip(with_focus, without_focus, strict=True)
        if focus["outline"] == "none"
        or (focus["outline"], focus["shadow"]) == (rest["outline"], rest["shadow"])
    ]
    assert not unmarked, "no visible focus indicator on:\n" + "\n".join(unmarked)
    context.close()


def test_nothing_moves_for_readers_who_ask_for_reduced_motion(browser, site_url):
    context = browser.new_context(viewport=PHONE, reduced_motion="reduce")
    page = context.new_page()
    page.goto(site_url + CONDITION)
    page.get_by_text("Menu", exact=True).click()  # the menu's open state too
    moving = page.evaluate(
        """() => {
            const moving = [];
            for (const el of document.querySelectorAll('*')) {
                for (const pseudo of [null, '::before', '::after']) {
                    const style = getComputedStyle(el, pseudo);
                    const durations = (style.transitionDuration + ',' + style.animationDuration)
                        .split(',').map(parseFloat);
                    if (style.animationName !== 'none' || durations.some(d => d > 0)) {
                        moving.push(el.tagName + (pseudo || '') + '.' + el.className);
                    }
                }
            }
            return moving;
        }"""
    )
    assert moving == []
    assert page.evaluate("getComputedStyle(document.documentElement).scrollBehavior") == "auto"
    assert page.evaluate("document.getAnimations().length") == 0

    # The site's rule wins over any transition or smooth scrolling added later.
    stopped = page.evaluate(
        """() => {
            const box = document.querySelector('.site-nav__toggle');
            box.style.transition = 'opacity 1s';
            box.style.animation = 'spin 1s infinite';
            document.documentElement.style.scrollBehavior = 'smooth';
            const style = getComputedStyle(box);
            return [style.transitionDuration, style.animationName,
                    getComputedStyle(document.documentElement).scrollBehavior];
        }"""
    )
    assert stopped == ["0s", "none", "auto"]
    context.close()


def test_a_printed_condition_page_is_the_article_without_the_site_around_it(browser, site_url):
    context = browser.new_context(viewport={"width": 1280, "height": 800})
    page = context.new_page()
    page.goto(site_url + CONDITION)
    signup = page.locator(".newsletter-signup")
    expect(signup).to_be_visible()  # on screen, so that hiding it in print means something
    page.emulate_media(media="print")

    for hidden in [
        page.get_by_role("navigation", name="Quick links"),
        page.get_by_role("navigation", name="Main"),
        page.get_by_role("navigation", name="Breadcrumb"),
        page.get_by_role("search", name="Site search"),
        signup,
        page.locator(".site-footer__subscribe"),
        page.locator(".site-footer__links"),
        page.get_by_role("link", name="Skip to main content"),
    ]:
        expect(hidden).to_be_hidden()
    expect(page.get_by_role("heading", level=1)).to_have_text("Sciatica")
    expect(page.locator("main p").first).to_be_visible()
    expect(page.locator("main .sources")).to_be_visible()
    expect(page.locator(".site-footer__copyright")).to_be_visible()
    context.close()
