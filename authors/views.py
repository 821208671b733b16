"""Author pages: bio, photo and their published articles."""

from django.shortcuts import get_object_or_404

from articles.views import PaginatedList, public_articles
from authors.models import Author


class AuthorDetailView(PaginatedList):
    """An author and their published articles; 404 when none is published yet."""

    template_name = "authors/author_detail.html"

    def get_queryset(self):
        self.author = get_object_or_404(Author, slug=self.kwargs["slug"])
        return public_articles().filter(authors=self.author)

    def get_context_data(self, **kwargs):
        return super().get_context_data(author=self.author, **kwargs)
