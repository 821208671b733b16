"""An article's page, beside it related articles and its neighbours in the issue, and the
newsroom's preview of any article in the same layout."""

from django.db import connection
from django.db.models import Count, Exists, OuterRef, Q, Subquery
from django.http import Http404
from django.shortcuts import get_object_or_404, redirect, render
from django.template.loader import render_to_string
from django.utils import timezone
from django.utils.safestring import mark_safe
from django.views.decorators.cache import never_cache
from django.views.generic import DetailView

from articles.aggregates import cached_aggregate
from articles.models import LISTING_ORDER, Article, Tag, TaggedArticle
from articles.site.cards import NEVER_SHOWN
from authors.models import Author

RELATED_SHOWN = 4
CONTENT = "articles/article_content.html"

# Related articles are looked for among this many articles sharing a tag, half published
# before the article and half after: counting shared tags over the whole archive would read
# most of it for a common tag (seven articles in ten carry "relation client").
RELATED_CANDIDATES = 400


def get_with_reader_data(queryset, **lookup):
    """One article of `queryset` with its issue and section, or 404."""
    return get_object_or_404(queryset.select_related("issue", "section"), **lookup)


def reader_links(article):
    """The article's authors, in byline order, and its tags, by name: one query each."""
    authors = Author.objects.filter(bylines__article=article).order_by("bylines__position")
    tags = Tag.objects.filter(tagged_articles__content_object=article).order_by("name")
    return {
        "article_authors": list(authors.only("name", "slug", "role")),
        "article_tags": list(tags.only("name", "slug")),
    }


def related_articles(article, tag_ids):
    """Published articles sharing the most tags with `article`, newest first.

    They are looked for among the RELATED_CANDIDATES articles sharing at least one tag that
    were published closest to it, half before and half after (the newest ones for an undated
    article): each half is read from the listing index and stops there.
    """
    sharing = TaggedArticle.objects.filter(content_object=OuterRef("pk"), tag__in=tag_ids)
    others = Article.objects.published().exclude(pk=article.pk).filter(Exists(sharing))
    half = RELATED_CANDIDATES // 2
    if article.published_at is None:
        near = Q(pk__in=others.newest_first().values("pk")[:RELATED_CANDIDATES])
    else:
        before = others.filter(published_at__lte=article.published_at).newest_first()
        after = others.filter(published_at__gt=article.published_at).order_by("published_at", "pk")
        before, after = before.values("pk")[:half], after.values("pk")[:half]
        if connection.features.supports_slicing_ordering_in_compound:
            # One list of candidates: PostgreSQL would test an OR of two lists on every row.
            near = Q(pk__in=before.union(after, all=True))
        else:
            near = Q(pk__in=before) | Q(pk__in=after)
    shared = Q(taggedarticle__tag__in=tag_ids)
    return (
        Article.objects.published()
        .filter(near)
        .annotate(shared=Count("taggedarticle", filter=shared))
        .only("title", "slug", "published_at", "section")
        .select_related("section")
        .order_by("-shared", *LISTING_ORDER)[:RELATED_SHOWN]
    )


def reading_context(article):
    """What an article page shows around the article's text: its authors and tags
    (`reader_links`), related pieces, neighbours in the issue."""
    links = reader_links(article)
    tag_ids = [tag.pk for tag in links["article_tags"]]
    related = related_articles(article, tag_ids)
    previous = following = None
    if article.issue_id:
        # Plain rows: an issue of the archive holds hundreds of articles, two are shown.
        siblings = list(
            Article.objects.published()
            .filter(issue_id=article.issue_id)
            .order_by("issue_position", "pk")
            .values_list("pk", "title", "slug")
        )
        position = next((i for i, row in enumerate(siblings) if row[0] == article.pk), None)
        if position is not None:
            if position > 0:
                pk, title, slug = siblings[position - 1]
                previous = Article(pk=pk, title=title, slug=slug)
            if position + 1 < len(siblings):
                pk, title, slug = siblings[position + 1]
                following = Article(pk=pk, title=title, slug=slug)
    return {
        **links,
        "related": list(related) if tag_ids else [],
        "previous": previous,
        "next": following,
    }


def kept(article):
    """What an article page keeps per content generation: its `reading_context` and its
    content rendered with it (articles/article_content.html), a third of the page's time,
    which depends on the content alone (the page's <head> has absolute addresses)."""
    reading = reading_context(article)
    context = {"article": article, **reading}
    return {**reading, "content": render_to_string(CONTENT, context)}


def structured_data(request, article, authors, tags):
    """The article as a schema.org NewsArticle, for search engines (JSON-LD)."""
    url = request.build_absolute_uri(article.get_absolute_url())
    data = {
        "@context": "https://schema.org",
        "@type": "NewsArticle",
        "headline": article.title[:110],
        "url": url,
        "mainEntityOfPage": url,
        "inLanguage": "fr",
        "author": [
            {
                "@type": "Person",
                "name": author.name,
                "url": request.build_absolute_uri(author.get_absolute_url()),
            }
            for author in authors
        ],
        "publisher": {"@type": "Organization", "name": "En-Contact"},
        "dateModified": timezone.localtime(article.updated_at).isoformat(),
        "keywords": [tag.name for tag in tags],
    }
    if article.published_at:
        data["datePublished"] = timezone.localtime(article.published_at).isoformat()
    if article.standfirst:
        data["description"] = article.standfirst
    if article.section:
        data["articleSection"] = article.section.name
    if article.lead_image:
        file, (width, height) = article.lead_image.share
        data["image"] = {
            "@type": "ImageObject",
            "url": request.build_absolute_uri(file.url),
            "width": width,
            "height": height,
        }
        if article.image_caption:
            data["image"]["caption"] = article.image_caption
        if article.photo_credit:
            data["image"]["creditText"] = article.photo_credit
    elif article.issue and article.issue.cover:
        data["image"] = request.build_absolute_uri(article.issue.cover.url)
    return data


class ArticleDetailView(DetailView):
    """An article; at a slug it no longer has, a permanent redirect to its current address."""

    template_name = "articles/article_detail.html"
    context_object_name = "article"

    def get(self, request, *args, **kwargs):
        try:
            return super().get(request, *args, **kwargs)
        except Http404:
            renamed = self.renamed_article(kwargs["slug"])
            if renamed is None:
                raise
            return redirect(renamed, permanent=True)

    def get_object(self, queryset=None):
        articles = Article.objects.published().defer(*NEVER_SHOWN)
        return get_with_reader_data(articles, slug=self.kwargs["slug"])

    def renamed_article(self, slug):
        """The published article that most recently had `slug`, from its history."""
        had_slug = Article.history.filter(slug=slug)
        last_time = had_slug.filter(id=OuterRef("pk")).order_by("-history_date")
        return (
            Article.objects.published()
            .filter(pk__in=had_slug.values("id"))
            .exclude(slug=slug)
            .annotate(had_slug_at=Subquery(last_time.values("history_date")[:1]))
            .order_by("-had_slug_at")
            .only("slug")
            .first()
        )

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        # Authors, tags, related articles and the issue's neighbours change only with the
        # content (four queries, most of the page's database time), and so does the content
        # rendered with them: kept like the lists' aggregates (`kept`).
        article = self.object
        context.update(cached_aggregate("article-page", str(article.pk), lambda: kept(article)))
        context["content"] = mark_safe(context["content"])  # noqa: S308 - our template
        context["structured_data"] = structured_data(
            self.request, article, context["article_authors"], context["article_tags"]
        )
        return context


def can_preview(user):
    """Previews are for the newsroom: active staff allowed to see articles in the back office."""
    return user.is_active and user.is_staff and user.has_perm("articles.view_article")


@never_cache
def preview(request, pk):
    """Any article (draft, in review, scheduled) in the public layout, for the newsroom.

    Everyone else gets a 404, as if the address did not exist: neither 403 nor a login page
    tells a stranger that an unpublished article is there.
    """
    if not can_preview(request.user):
        raise Http404("Aperçu réservé à la rédaction.")
    article = get_with_reader_data(Article.objects.all(), pk=pk)
    reading = reading_context(article)
    authors, tags = reading["article_authors"], reading["article_tags"]
    context = {
        "article": article,
        "preview": True,
        "structured_data": structured_data(request, article, authors, tags),
        **reading,
    }
    response = render(request, "articles/article_detail.html", context)
    response["X-Robots-Tag"] = "noindex, nofollow"
    return response
