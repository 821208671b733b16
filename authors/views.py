"""Author pages: bio, photo and their published articles."""

from django.shortcuts import get_object_or_404

from articles.models import ArchiveCount
from articles.views import DirectoryView, PaginatedList, by_initial, public_articles
from authors.models import Author


class AuthorDetailView(PaginatedList):
    """An author and their published articles; 404 when none is published yet."""

    template_name = "authors/author_detail.html"

    def get_queryset(self):
        self.author = get_object_or_404(Author, slug=self.kwargs["slug"])
        self.counted = (ArchiveCount.Kind.AUTHOR, self.author.pk)
        return public_articles().filter(authors=self.author)

    def get_context_data(self, **kwargs):
        return super().get_context_data(author=self.author, **kwargs)


class AuthorListView(DirectoryView):
    """The authors of published articles, A–Z, with their photo, role and number of articles."""

    template_name = "authors/author_list.html"
    model = Author
    relation, to_article = "bylines", "bylines__article__"
    ordering = ("name_key",)

    def get_queryset(self):
        return super().get_queryset().defer("bio")

    def get_context_data(self, **kwargs):
        authors = self.entries()
        return super().get_context_data(
            author_count=len(authors),
            initials=by_initial(authors, lambda author: author.name_key),
            **kwargs,
        )
