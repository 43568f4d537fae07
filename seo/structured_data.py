"""JSON-LD (schema.org) that tells search engines what a page is: built only from what
editors entered (no ratings, prices or reviews are ever made up)."""

import json
from urllib.parse import urljoin

from django.templatetags.static import static
from django.utils.safestring import mark_safe

SCHEMA = "https://schema.org"
# Shipped with the site (healthsite/static/img): the organization's logo, and the picture a
# page without an image of its own is shared with, at the size share cards are drawn.
LOGO = ("img/logo.png", 512, 512)
SHARE_IMAGE = ("img/share.png", 1200, 630)
# Characters that could end the <script> element or start markup inside it.
ESCAPES = {ord("<"): "\\u003C", ord(">"): "\\u003E", ord("&"): "\\u0026"}


def script(nodes):
    """A non-executable <script type="application/ld+json"> holding `nodes`."""
    data = {"@context": SCHEMA, "@graph": nodes}
    text = json.dumps(data, ensure_ascii=False, separators=(",", ":")).translate(ESCAPES)
    return mark_safe(f'<script type="application/ld+json">{text}</script>')  # noqa: S308 - escaped


def date(value):
    return value.isoformat() if value else None


def compact(node):
    """`node` without its empty values."""
    return {key: value for key, value in node.items() if value not in (None, "", [], {})}


def static_image(root_url, image):
    """(absolute URL, width, height) of one of the images shipped with the site."""
    path, width, height = image
    return urljoin(f"{root_url}/", static(path)), width, height  # STATIC_URL may be a CDN


def person(person, root_url):
    """A person, identified by their profile's address (which describes them in full)."""
    url = root_url + person.get_absolute_url()
    return compact(
        {
            "@type": "Person",
            "@id": f"{url}#person",
            "name": person.name,
            "url": url,
            "jobTitle": person.profession or person.role,
            "description": person.credentials,
        }
    )


def organization(site):
    logo, width, height = static_image(site.root_url, LOGO)
    return {
        "@type": "Organization",
        "@id": f"{site.root_url}/#organization",
        "name": site.site_name,
        "url": f"{site.root_url}/",
        "logo": {"@type": "ImageObject", "url": logo, "width": width, "height": height},
    }


def website(site):
    return {
        "@type": "WebSite",
        "@id": f"{site.root_url}/#website",
        "name": site.site_name,
        "url": f"{site.root_url}/",
        "inLanguage": "en-GB",
        "publisher": {"@id": f"{site.root_url}/#organization"},
        "potentialAction": {
            "@type": "SearchAction",
            "target": {
                "@type": "EntryPoint",
                "urlTemplate": f"{site.root_url}/search/?q={{search_term_string}}",
            },
            "query-input": "required name=search_term_string",
        },
    }


def breadcrumbs(trail):
    """A BreadcrumbList from (name, absolute URL) pairs, home first."""
    return {
        "@type": "BreadcrumbList",
        "itemListElement": [
            {"@type": "ListItem", "position": position, "name": name, "item": url}
            for position, (name, url) in enumerate(trail, start=1)
        ],
    }


def item_list(names):
    return {
        "@type": "ItemList",
        "itemListElement": [
            {"@type": "ListItem", "position": position, "name": name}
            for position, name in enumerate(names, start=1)
        ],
    }
