-- What to read after a saved page (articles/related.py, read_next): its candidates (the
-- editor's picks, the pages sharing its tags, its section's newest other pages), numbered in
-- the order of related_pages, the section's pages just before and after it marked in_pager.
-- Runs as it is on PostgreSQL and SQLite.
WITH me AS (
    SELECT
        CAST(%s AS INTEGER) AS id, CAST(%s AS VARCHAR(255)) AS path,
        CAST(%s AS VARCHAR(255)) AS parent, CAST(%s AS INTEGER) AS depth
),
picked AS (  -- the editor's picks, each at its first place in the editor's order
    SELECT target_id, MIN(place) AS place
    FROM (
        SELECT target_id, ROW_NUMBER() OVER (ORDER BY sort_order, id) AS place
        FROM healthsite_relatedpage
        WHERE page_id = (SELECT id FROM me)
    ) AS numbered
    GROUP BY target_id
),
shared AS (  -- pages sharing tags with it, and how many
    SELECT theirs.content_object_id AS page_id, COUNT(*) AS tags
    FROM healthsite_pagetag AS mine
    JOIN healthsite_pagetag AS theirs ON theirs.tag_id = mine.tag_id
    WHERE mine.content_object_id = (SELECT id FROM me)
    GROUP BY theirs.content_object_id
),
restricted AS (  -- .public(): no view restriction on the page or above it
    SELECT page.path
    FROM wagtailcore_pageviewrestriction AS restriction
    JOIN wagtailcore_page AS page ON page.id = restriction.page_id
),
section AS (  -- its section's other live, public pages, found through the path index
    SELECT page.id, page.path, content.last_updated
    FROM wagtailcore_page AS page
    JOIN healthsite_contentpage AS content ON content.page_ptr_id = page.id
    CROSS JOIN me
    -- The parent's children: paths are the parent's followed by four of 0-9A-Z.
    WHERE page.path > me.parent AND page.path <= me.parent || 'ZZZZ'
        AND page.depth = me.depth
        AND page.live
        AND page.id <> me.id
        AND NOT EXISTS (
            SELECT 1 FROM restricted
            WHERE SUBSTR(page.path, 1, LENGTH(restricted.path)) = restricted.path
        )
),
pool AS (  -- only these can rank (a section may hold thousands of pages); in_pager: beside it
    SELECT target_id AS id, 0 AS in_pager FROM picked
    UNION SELECT page_id, 0 FROM shared
    UNION SELECT id, 0 FROM (
        SELECT section.id FROM section
        ORDER BY section.last_updated IS NULL, section.last_updated DESC, section.id DESC
        LIMIT %s
    ) AS newest
    UNION SELECT id, 1 FROM (
        SELECT section.id FROM section, me WHERE section.path < me.path
        ORDER BY section.path DESC LIMIT 1
    ) AS before_me
    UNION SELECT id, 1 FROM (
        SELECT section.id FROM section, me WHERE section.path > me.path
        ORDER BY section.path LIMIT 1
    ) AS after_me
),
candidates AS (
    SELECT
        page.id, content.page_ptr_id, page.title, page.slug, page.path, page.depth,
        page.url_path, page.live, page.locale_id, page.content_type_id, content.summary,
        content.flag_new, page.first_published_at, page.last_published_at,
        content.last_updated, content.last_update_note, pool.in_pager,
        ROW_NUMBER() OVER (
            ORDER BY
                picked.place IS NULL, picked.place,
                COALESCE(shared.tags, 0) DESC,
                content.last_updated IS NULL, content.last_updated DESC,
                page.id DESC
        ) AS place
    FROM (SELECT id, MAX(in_pager) AS in_pager FROM pool GROUP BY id) AS pool
    JOIN wagtailcore_page AS page ON page.id = pool.id
    JOIN healthsite_contentpage AS content ON content.page_ptr_id = page.id
    CROSS JOIN me
    LEFT JOIN picked ON picked.target_id = page.id
    LEFT JOIN shared ON shared.page_id = page.id
    WHERE page.live
        AND page.id <> me.id
        AND NOT EXISTS (
            SELECT 1 FROM restricted
            WHERE SUBSTR(page.path, 1, LENGTH(restricted.path)) = restricted.path
        )
)
SELECT candidates.*
FROM candidates
ORDER BY in_pager DESC, place
LIMIT %s
