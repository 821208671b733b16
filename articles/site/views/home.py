"""The home page, and robots.txt."""

from django.views.generic import TemplateView

from articles import counters
from articles.aggregates import cached_aggregate
from articles.links import slug_url
from articles.models import Article, Issue
from articles.site.cards import NEVER_SHOWN, with_cards
from articles.site.views.lists import TOP_TAGS_SHOWN

EDITORIAL = "partials/editorial_box.html"


class HomeView(TemplateView):
    """The latest articles, the current issue and its contents, the top tags, the editorial."""

    template_name = "articles/home.html"

    def get_context_data(self, **kwargs):
        published = Article.objects.published()
        cards = published.newest_first().defer(*NEVER_SHOWN).select_related("issue", "section")
        latest = list(cards[:12])
        editorial = cards.filter(kind=Article.Kind.EDITO).first()
        issue = Issue.objects.with_published_articles().order_by("-number").first()
        # The issue's contents show a section and a linked title, as plain rows: an issue of
        # the archive holds hundreds of articles.
        rows = published.filter(issue=issue).order_by("issue_position", "pk")
        contents = [
            {"title": title, "url": slug_url("articles:detail", slug), "section": section}
            for title, slug, section in (
                rows.values_list("title", "slug", "section__name") if issue else []
            )
        ]
        # Kept with the cards, or rendered with them: one pair of queries for their links.
        with_cards(latest, also=[(editorial, EDITORIAL)] if editorial else [])
        return super().get_context_data(
            articles=latest,
            editorial=editorial,
            issue=issue,
            contents=contents,
            top_tags=cached_aggregate(
                "top-tags", "home", lambda: counters.most_used_tags(TOP_TAGS_SHOWN)
            ),
            **kwargs,
        )


class RobotsView(TemplateView):
    """robots.txt: the back office, previews and search results stay out of search engines."""

    template_name = "robots.txt"
    content_type = "text/plain; charset=utf-8"
