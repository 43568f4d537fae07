"""What each type of page says about itself in JSON-LD, and the picture it is shared with.

Built from the live page as readers get it, and only from what editors entered: the page, its
breadcrumbs, the organization and the website for every page (so that every `@id` a page
refers to is in its own graph); an Article for articles; the condition and its sections for
condition pages; the products a guide recommends, each with the author's review. Page types
keep their content; what search engines read of it is made here. People's profiles and the
other pages outside the page tree are described by `for_view`.
"""

from healthsite import renditions

from . import structured_data as schema

# A recommended product's picture in JSON-LD: one of the sizes prepared for the product cards
# (healthsite.renditions "product").
PRODUCT_IMAGE = "format-jpeg|fill-800x600"


def social_image(page):
    """The page's hero image as shared on social media: (absolute URL, rendition), or None."""
    if not getattr(page, "hero_image", None):
        return None
    rendition = page.hero_image.get_rendition(renditions.SPECS["social"])
    return page.site.root_url + rendition.url, rendition


def for_page(page, request=None):
    """schema.org nodes describing `page` (none for a page no site serves, such as the preview
    of a new home page). With the request, Wagtail works out the site's root paths once for
    all the URLs."""
    if page.get_url(request) is None:
        return []
    trail = [*page.get_breadcrumbs(), page]
    crumbs = [
        ("Home" if crumb.depth == 2 else crumb.title, crumb.get_full_url(request))
        for crumb in trail
    ]
    build = BUILDERS.get(page._meta.label_lower, page_nodes)
    site = page.site
    return [
        schema.breadcrumbs(crumbs),
        *build(page, site, request),
        schema.organization(site),
        schema.website(site),
    ]


def for_view(site, path, name, description, trail=(), main_entity=None):
    """schema.org nodes for a page outside the page tree (people's profiles, the list of them):
    a WebPage, or a ProfilePage about `main_entity`, with its breadcrumbs from (name, path)
    pairs below Home."""
    root = site.root_url
    url = root + path
    node = {
        "@type": "ProfilePage" if main_entity else "WebPage",
        "@id": f"{url}#webpage",
        "url": url,
        "name": name,
        "description": description,
        "inLanguage": "en-GB",
        "isPartOf": {"@id": f"{root}/#website"},
        "mainEntity": main_entity,
    }
    crumbs = [("Home", f"{root}/"), *((crumb, root + crumb_path) for crumb, crumb_path in trail)]
    return [
        schema.breadcrumbs(crumbs),
        schema.compact(node),
        schema.organization(site),
        schema.website(site),
    ]


def page_nodes(page, site, request=None):
    """The page itself: a MedicalWebPage with its author and reviewer for health pages."""
    url = page.get_full_url(request)
    image = social_image(page)
    node = {
        "@type": "MedicalWebPage" if page.is_health_page else "WebPage",
        "@id": f"{url}#webpage",
        "url": url,
        "name": page.title,
        "description": page.summary,
        "inLanguage": "en-GB",
        "isPartOf": {"@id": f"{site.root_url}/#website"},
        "datePublished": schema.date(page.first_published_at),
        "dateModified": schema.date(page.last_updated),
        "primaryImageOfPage": image[0] if image else None,
    }
    if page.is_health_page:
        people = {"author": page.author, "reviewedBy": page.reviewed_by}
        for key, person in people.items():
            node[key] = person and schema.person(person, site.root_url)
        node["lastReviewed"] = schema.date(page.last_reviewed)
    return [schema.compact(node)]


def article_nodes(page, site, request=None):
    node, *rest = page_nodes(page, site, request)
    article = {
        "@type": "Article",
        "headline": page.title[:110],
        "description": page.summary,
        "author": node.get("author"),
        "datePublished": node.get("datePublished"),
        "dateModified": node.get("dateModified"),
        "image": node.get("primaryImageOfPage"),
        "publisher": {"@id": f"{site.root_url}/#organization"},
        "mainEntityOfPage": {"@id": node["@id"]},
    }
    return [node, schema.compact(article), *rest]


def condition_nodes(page, site, request=None):
    node, *rest = page_nodes(page, site, request)
    node["about"] = {"@type": "MedicalCondition", "name": page.title}
    node["hasPart"] = [
        {
            "@type": "HealthTopicContent",
            "name": heading,
            "url": f"{node['url']}#{field.replace('_', '-')}",
            "hasHealthAspect": f"https://schema.org/{page.HEALTH_ASPECTS[field]}",
        }
        for field, heading in page.SECTIONS
        if getattr(page, field)
    ]
    return [node, *rest]


def guide_nodes(page, site, request=None):
    """The page, and the products it recommends as an ItemList.

    Each product is a Product holding the author's Review of it: why it helps as the review's
    text, the pros and cons as its positive and negative notes (Google reads pros and cons only
    in a review, and a Product needs a review, a rating or an offer). Only what the editor
    wrote: no rating, price or offer. A guide without an author has no one to attribute a
    review to, so its products are listed by name only."""
    author = page.author and schema.person(page.author, site.root_url)
    products = []
    for position, product in enumerate(page.recommended_products, start=1):
        if not author:
            products.append({"@type": "ListItem", "position": position, "name": product.name})
            continue
        review = {
            "@type": "Review",
            "author": author,
            "datePublished": schema.date(page.first_published_at),
            "reviewBody": product.why_it_helps,
            "positiveNotes": product.pros_list and schema.item_list(product.pros_list),
            "negativeNotes": product.cons_list and schema.item_list(product.cons_list),
        }
        item = {
            "@type": "Product",
            "name": product.name,
            "url": product.link,
            "image": product.image
            and site.root_url + product.image.get_rendition(PRODUCT_IMAGE).url,
            "review": schema.compact(review),
        }
        products.append({"@type": "ListItem", "position": position, "item": schema.compact(item)})
    if not products:
        return page_nodes(page, site, request)
    recommended = {
        "@type": "ItemList",
        "name": f"{page.title}: products we recommend",
        "itemListElement": products,
    }
    return [*page_nodes(page, site, request), recommended]


# Page types by their model's label; any other page is described as a page.
BUILDERS = {
    "articles.articlepage": article_nodes,
    "articles.conditionpage": condition_nodes,
    "products.productguidepage": guide_nodes,
}
