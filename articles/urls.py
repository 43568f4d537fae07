from django.urls import path

from . import feeds

app_name = "articles"
rss, atom, json = (
    feeds.cacheable(view) for view in (feeds.RssFeed(), feeds.AtomFeed(), feeds.json_feed)
)
urlpatterns = [
    path("feed/", rss, name="feed"),
    path("feed/atom/", atom, name="feed_atom"),
    path("feed/json/", json, name="feed_json"),
    path("<slug:section>/feed/", rss, name="section_feed"),
    path("<slug:section>/feed/atom/", atom, name="section_feed_atom"),
    path("<slug:section>/feed/json/", json, name="section_feed_json"),
]
