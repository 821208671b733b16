"""The article list's bulk actions, and the suggested tags' accept and drop.

Every change of articles goes through `ArticleActionsMixin.transition`: one history row per
article (simple-history's bulk update), the counts kept in the same transaction, the page cache
told, one message saying how many articles changed.
"""

from django import forms
from django.contrib import admin, messages
from django.db.models import Max, Q
from django.utils import timezone
from simple_history.utils import bulk_update_with_history

from articles import counters
from articles.admin.common import action_step, plural, submitted
from articles.caching import content_changed
from articles.models import Article, Issue, Tag, TaggedArticle

Status = Article.Status


class IssueChoiceForm(forms.Form):
    issue = forms.ModelChoiceField(
        label="Numéro", queryset=Issue.objects.order_by("-number"), empty_label=None
    )


class TagNameForm(forms.Form):
    name = forms.CharField(
        label="Mot-clé",
        max_length=100,
        help_text="Un mot-clé existant, ou un nouveau, créé s'il n'existe pas encore.",
    )


def accept_suggestions(suggestions):
    """Confirm the suggested taggings among `suggestions`; return how many."""
    count = suggestions.filter(suggested=True).update(suggested=False)
    content_changed()
    return count


def drop_suggestions(suggestions):
    """Delete the suggested taggings among `suggestions`; return how many."""
    suggestions = suggestions.filter(suggested=True)
    with counters.tracking(set(suggestions.values_list("content_object_id", flat=True))):
        count, _ = suggestions.delete()
    return count


def settle_suggestions(model_admin, request, taggings, *, accept):
    """The accept and drop actions of the article list and the tag list."""
    if accept:
        count = accept_suggestions(taggings)
        said = plural(count, "suggestion acceptée", "suggestions acceptées")
    else:
        count = drop_suggestions(taggings)
        said = plural(count, "suggestion retirée", "suggestions retirées")
    model_admin.message_user(request, f"{said}.")


class ArticleActionsMixin:
    """ArticleAdmin's bulk actions on the workflow and the issues. `editable()` (the workflow)
    narrows the selection to the articles this user may change; the actions that need it ask
    for the publish permission."""

    def update_with_history(self, request, articles, fields, reason):
        now = timezone.now()
        for article in articles:
            article.updated_at = now
        with counters.tracking(article.pk for article in articles):
            bulk_update_with_history(
                articles,
                Article,
                [*fields, "updated_at"],
                default_user=request.user,
                default_change_reason=reason,
            )
        # A bulk update sends no signal: tell the page cache ourselves.
        content_changed()

    def transition(
        self, request, queryset, reason, done, *, tail="", level=messages.INFO, **values
    ):
        """Set `values` on the articles of `queryset` (a value may be a function of the
        article) and say how many changed: `done` is the participle, singular and plural
        ("archivé", "archivés"), `tail` what follows, or a function of the articles."""
        articles = list(queryset)
        for article in articles:
            for field, value in values.items():
                setattr(article, field, value(article) if callable(value) else value)
        self.update_with_history(request, articles, list(values), reason)
        said = plural(len(articles), f"article {done[0]}", f"articles {done[1]}")
        self.message_user(request, f"{said}{tail(articles) if callable(tail) else tail}.", level)

    @admin.action(description="Soumettre à la relecture", permissions=["change"])
    def submit_for_review(self, request, queryset):
        drafts = self.editable(request, queryset).filter(status=Status.DRAFT)
        self.transition(
            request,
            drafts,
            "Soumis à la relecture",
            ("soumis", "soumis"),
            tail=" à la relecture",
            status=Status.REVIEW,
        )

    @admin.action(
        description="Marquer comme relu (doutes de l'import levés)", permissions=["change"]
    )
    def mark_reviewed(self, request, queryset):
        doubtful = self.editable(request, queryset).filter(
            Q(needs_review=True) | Q(import_conflict=True)
        )
        self.transition(
            request,
            doubtful,
            "Marqué comme relu",
            ("marqué", "marqués"),
            tail=" comme relu",
            needs_review=False,
            import_conflict=False,
        )

    @admin.action(
        description="Publier (ou programmer, si la date est future)", permissions=["publish"]
    )
    def publish(self, request, queryset):
        now = timezone.now()

        def scheduled(articles):
            count = sum(article.is_scheduled for article in articles)
            if not count:
                return ""
            return f", dont {count} programmé{'s' if count > 1 else ''} (date future)"

        self.transition(
            request,
            queryset.prefetch_related(None).exclude(status=Status.PUBLISHED),
            "Publication",
            ("publié", "publiés"),
            tail=scheduled,
            level=messages.SUCCESS,
            status=Status.PUBLISHED,
            published_at=lambda article: article.published_at or now,
        )

    @admin.action(description="Dépublier (repasser en brouillon)", permissions=["publish"])
    def unpublish(self, request, queryset):
        published = queryset.prefetch_related(None).filter(status=Status.PUBLISHED)
        self.transition(
            request, published, "Dépublication", ("dépublié", "dépubliés"), status=Status.DRAFT
        )

    @admin.action(description="Archiver (retirer du site sans supprimer)", permissions=["publish"])
    def archive(self, request, queryset):
        kept = queryset.prefetch_related(None).exclude(status=Status.ARCHIVED)
        self.transition(request, kept, "Archivage", ("archivé", "archivés"), status=Status.ARCHIVED)

    @admin.action(description="Rattacher à un numéro…", permissions=["change"])
    def assign_issue(self, request, queryset):
        queryset = self.editable(request, queryset)
        form = IssueChoiceForm(request.POST if submitted(request) else None)
        if not form.is_valid():
            return action_step(
                self,
                request,
                queryset,
                form=form,
                title="Rattacher des articles à un numéro",
                intro="Les articles sont ajoutés à la fin du sommaire du numéro choisi.",
                submit_label="Rattacher",
            )
        issue = form.cleaned_data["issue"]
        last = issue.articles.aggregate(last=Max("issue_position"))["last"] or 0
        articles = list(queryset.exclude(issue=issue))
        for position, article in enumerate(articles, start=last + 1):
            article.issue = issue
            article.issue_position = position
        self.update_with_history(
            request, articles, ["issue", "issue_position"], f"Rattaché au {issue}"
        )
        self.message_user(
            request,
            f"{plural(len(articles), 'article rattaché', 'articles rattachés')} au {issue}.",
        )
        return None


class ArticleTagActionsMixin:
    """ArticleAdmin's bulk actions on tags: add one, settle the import's suggestions."""

    @admin.action(description="Ajouter un mot-clé…", permissions=["change"])
    def add_tag(self, request, queryset):
        queryset = self.editable(request, queryset)
        form = TagNameForm(request.POST if submitted(request) else None)
        if form.is_valid():
            tag = find_or_create_tag(request, form.cleaned_data["name"])
            if tag is not None:
                ids = set(queryset.values_list("pk", flat=True))
                linked = TaggedArticle.objects.filter(tag=tag, content_object_id__in=ids)
                linked.filter(suggested=True).update(suggested=False)
                missing = ids - set(linked.values_list("content_object_id", flat=True))
                with counters.tracking(missing):
                    TaggedArticle.objects.bulk_create(
                        TaggedArticle(tag=tag, content_object_id=pk) for pk in sorted(missing)
                    )
                content_changed()
                self.message_user(
                    request, f"« {tag} » ajouté à {plural(len(ids), 'article')}.", messages.SUCCESS
                )
                return None
            form.add_error("name", "Ce mot-clé n'existe pas et vous ne pouvez pas en créer.")
        return action_step(
            self,
            request,
            queryset,
            form=form,
            title="Ajouter un mot-clé aux articles",
            intro="Le mot-clé est ajouté comme confirmé (et confirmé s'il était suggéré).",
            submit_label="Ajouter",
        )

    @admin.action(description="Accepter les mots-clés suggérés", permissions=["change"])
    def accept_suggestions(self, request, queryset):
        taggings = TaggedArticle.objects.filter(content_object__in=self.editable(request, queryset))
        settle_suggestions(self, request, taggings, accept=True)

    @admin.action(description="Retirer les mots-clés suggérés", permissions=["change"])
    def drop_suggestions(self, request, queryset):
        taggings = TaggedArticle.objects.filter(content_object__in=self.editable(request, queryset))
        settle_suggestions(self, request, taggings, accept=False)


def find_or_create_tag(request, name):
    """The tag called `name` (whatever its case), created if the user may; else None."""
    name = " ".join(name.split())
    tag = Tag.objects.filter(name__iexact=name).first()
    if tag is None:
        tag = Tag(name=name)
        tag.slug = tag.slugify(name)
        tag = Tag.objects.filter(slug=tag.slug).first() or tag
    if tag.pk is None:
        if not request.user.has_perm("articles.add_tag"):
            return None
        tag.save()
    return tag
