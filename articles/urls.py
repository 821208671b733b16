"""Public addresses, in French: /articles/, /mots-cles/, /rubriques/, /numeros/, /flux/…"""

from django.urls import path

from articles import feeds, views
from authors import feeds as author_feeds

app_name = "articles"

urlpatterns = [
    path("", views.HomeView.as_view(), name="home"),
    path("articles/", views.ArticleListView.as_view(), name="list"),
    path("articles/<slug:slug>/", views.ArticleDetailView.as_view(), name="detail"),
    path("apercu/<int:pk>/", views.preview, name="preview"),
    path("recherche/", views.SearchView.as_view(), name="search"),
    path("mots-cles/", views.TagListView.as_view(), name="tags"),
    path("mots-cles/<slug:slug>/", views.TagView.as_view(), name="tag"),
    path("rubriques/", views.SectionListView.as_view(), name="sections"),
    path("rubriques/<slug:slug>/", views.SectionView.as_view(), name="section"),
    path("numeros/", views.IssueListView.as_view(), name="issues"),
    path("numeros/<int:number>/", views.IssueView.as_view(), name="issue"),
    path("archives/<int:year>/", views.YearArchiveView.as_view(), name="year"),
    path("flux/rss/", feeds.LatestArticlesFeed(), name="feed_rss"),
    path("flux/atom/", feeds.LatestArticlesAtomFeed(), name="feed_atom"),
    path("flux/mots-cles/<slug:slug>/rss/", feeds.TagFeed(), name="tag_feed_rss"),
    path("flux/mots-cles/<slug:slug>/atom/", feeds.TagAtomFeed(), name="tag_feed_atom"),
    path("flux/auteurs/<slug:slug>/rss/", author_feeds.AuthorFeed(), name="author_feed_rss"),
    path("flux/auteurs/<slug:slug>/atom/", author_feeds.AuthorAtomFeed(), name="author_feed_atom"),
    path("flux/numeros/<int:number>/rss/", feeds.IssueFeed(), name="issue_feed_rss"),
    path("flux/numeros/<int:number>/atom/", feeds.IssueAtomFeed(), name="issue_feed_atom"),
]
