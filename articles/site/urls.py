"""The public site's addresses, in French: /articles/, /mots-cles/, /auteurs/, /numeros/,
/flux/…, sitemap.xml and robots.txt.

Two namespaces, as templates name them: `articles:` and `authors:` (under /auteurs/).
"""

from django.contrib.sitemaps.views import sitemap
from django.urls import include, path

from articles.site import feeds
from articles.site.sitemaps import SITEMAPS
from articles.site.views import article, directories, home, lists, search

articles = (
    [
        path("", home.HomeView.as_view(), name="home"),
        path("articles/", lists.ArticleListView.as_view(), name="list"),
        path("articles/<slug:slug>/", article.ArticleDetailView.as_view(), name="detail"),
        path("apercu/<int:pk>/", article.preview, name="preview"),
        path("recherche/", search.SearchView.as_view(), name="search"),
        path("mots-cles/", directories.TagListView.as_view(), name="tags"),
        path("mots-cles/<slug:slug>/", lists.TagView.as_view(), name="tag"),
        path("rubriques/", directories.SectionListView.as_view(), name="sections"),
        path("rubriques/<slug:slug>/", lists.SectionView.as_view(), name="section"),
        path("numeros/", directories.IssueListView.as_view(), name="issues"),
        path("numeros/<int:number>/", lists.IssueView.as_view(), name="issue"),
        path("archives/<int:year>/", lists.YearArchiveView.as_view(), name="year"),
        path("flux/rss/", feeds.LatestArticlesFeed(), name="feed_rss"),
        path("flux/atom/", feeds.LatestArticlesAtomFeed(), name="feed_atom"),
        path("flux/mots-cles/<slug:slug>/rss/", feeds.TagFeed(), name="tag_feed_rss"),
        path("flux/mots-cles/<slug:slug>/atom/", feeds.TagAtomFeed(), name="tag_feed_atom"),
        path("flux/auteurs/<slug:slug>/rss/", feeds.AuthorFeed(), name="author_feed_rss"),
        path("flux/auteurs/<slug:slug>/atom/", feeds.AuthorAtomFeed(), name="author_feed_atom"),
        path("flux/numeros/<int:number>/rss/", feeds.IssueFeed(), name="issue_feed_rss"),
        path("flux/numeros/<int:number>/atom/", feeds.IssueAtomFeed(), name="issue_feed_atom"),
    ],
    "articles",
)

authors = (
    [
        path("", directories.AuthorListView.as_view(), name="list"),
        path("<slug:slug>/", lists.AuthorDetailView.as_view(), name="detail"),
    ],
    "authors",
)

urlpatterns = [
    path("sitemap.xml", sitemap, {"sitemaps": SITEMAPS}, name="sitemap"),
    path("robots.txt", home.RobotsView.as_view(), name="robots"),
    path("auteurs/", include(authors)),
    path("", include(articles)),
]
