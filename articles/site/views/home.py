"""The home page, and robots.txt."""

from django.template.loader import render_to_string
from django.utils.safestring import mark_safe
from django.views.generic import TemplateView

from articles import counters
from articles.aggregates import cached_aggregate, prefetch_aggregates
from articles.links import slug_url
from articles.models import Article, Issue
from articles.site.cards import CARD_FIELDS, NEVER_SHOWN, with_cards
from articles.site.views.lists import TOP_TAGS_SHOWN

EDITORIAL = "partials/editorial_box.html"
ISSUE_BOX = "partials/issue_box.html"


class HomeView(TemplateView):
    """The latest articles, the current issue and its contents, the top tags, the editorial."""

    template_name = "articles/home.html"

    def get_context_data(self, **kwargs):
        prefetch_aggregates([("home-issue", ""), ("top-tags", "home")])
        cards = Article.objects.published().newest_first().select_related("section")
        latest = list(cards.only(*CARD_FIELDS)[:12])
        editorial = cards.defer(*NEVER_SHOWN).filter(kind=Article.Kind.EDITO).first()
        # Kept with the cards, or rendered with them: one pair of queries for their links.
        with_cards(latest, also=[(editorial, EDITORIAL)] if editorial else [])
        issue, issue_box = cached_aggregate("home-issue", "", current_issue_box)
        return super().get_context_data(
            articles=latest,
            editorial=editorial,
            issue=issue,
            issue_box=mark_safe(issue_box),  # noqa: S308 - our template
            top_tags=cached_aggregate(
                "top-tags", "home", lambda: counters.most_used_tags(TOP_TAGS_SHOWN)
            ),
            **kwargs,
        )


def current_issue_box():
    """The current issue and its box's HTML: cover, date and contents.

    An issue of the archive holds hundreds of articles, each a section and a linked title: read
    as plain rows and rendered once per content generation (`cached_aggregate`), not at every
    request (two queries and a third of the page's time).
    """
    issue = Issue.objects.with_published_articles().order_by("-number").first()
    if issue is None:
        return None, ""
    rows = Article.objects.published().filter(issue=issue).order_by("issue_position", "pk")
    contents = [
        {"title": title, "url": slug_url("articles:detail", slug), "section": section}
        for title, slug, section in rows.values_list("title", "slug", "section__name")
    ]
    return issue, render_to_string(ISSUE_BOX, {"issue": issue, "contents": contents})


class RobotsView(TemplateView):
    """robots.txt: the back office, previews and search results stay out of search engines."""

    template_name = "robots.txt"
    content_type = "text/plain; charset=utf-8"
