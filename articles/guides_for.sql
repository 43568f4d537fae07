-- The live, public product guides a saved condition page links (articles/related.py,
-- guides_for), in the editor's order; a guide linked twice comes twice. Parameter: the
-- condition page's id. Runs as it is on PostgreSQL and SQLite.
SELECT
    page.id, content.page_ptr_id, guide.contentpage_ptr_id, page.title, page.slug, page.path,
    page.depth, page.url_path, page.live, page.locale_id, page.content_type_id,
    content.summary, content.flag_new, page.first_published_at, page.last_published_at,
    content.last_updated, content.last_update_note
FROM articles_conditionguide AS link
JOIN products_productguidepage AS guide ON guide.contentpage_ptr_id = link.guide_id
JOIN healthsite_contentpage AS content ON content.page_ptr_id = link.guide_id
JOIN wagtailcore_page AS page ON page.id = link.guide_id
WHERE link.condition_id = %s
    AND page.live
    -- .public(): no view restriction on the page or above it
    AND NOT EXISTS (
        SELECT 1
        FROM wagtailcore_pageviewrestriction AS restriction
        JOIN wagtailcore_page AS restricted ON restricted.id = restriction.page_id
        WHERE SUBSTR(page.path, 1, LENGTH(restricted.path)) = restricted.path
    )
ORDER BY link.sort_order, link.id
