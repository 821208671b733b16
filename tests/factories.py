"""factory_boy factories for the models, shared by every test module."""

import contextlib
from datetime import timedelta
from io import BytesIO
from unittest import mock

import factory
from django.core.files.base import ContentFile
from django.core.files.storage import FileSystemStorage
from django.utils import timezone
from PIL import Image

from articles.models import Article, ArticleAuthor, Issue, Section, Tag
from authors.models import Author


def image_file(name="photo.jpg", size=(1600, 1000), color="#1d4e89"):
    """An uploaded image, JPEG or PNG by its name, of `size` pixels."""
    buffer = BytesIO()
    Image.new("RGB", size, color).save(buffer, "PNG" if name.endswith(".png") else "JPEG")
    return ContentFile(buffer.getvalue(), name=name)


@contextlib.contextmanager
def file_access_forbidden():
    """Fail whatever looks for, opens, writes or measures a media file meanwhile; yields the
    mock that counts the attempts."""
    untouchable = mock.Mock(side_effect=AssertionError("file access while serving a page"))
    with contextlib.ExitStack() as stack:
        for name in ("exists", "_open", "_save", "size"):
            stack.enter_context(mock.patch.object(FileSystemStorage, name, untouchable))
        stack.enter_context(mock.patch.object(Image, "open", untouchable))
        yield untouchable


class AuthorFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Author

    name = factory.Sequence(lambda n: f"Camille Auteur{n}")
    role = "Journaliste"


class IssueFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Issue

    number = factory.Sequence(lambda n: 100 + n)
    title = factory.LazyAttribute(lambda o: f"Numéro {o.number}")


class SectionFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Section
        django_get_or_create = ("name",)

    name = factory.Sequence(lambda n: f"Rubrique {n}")


class TagFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Tag
        django_get_or_create = ("name",)

    name = factory.Sequence(lambda n: f"sujet {n}")


class ArticleFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Article
        skip_postgeneration_save = True

    title = factory.Sequence(lambda n: f"Le centre d'appels de demain, épisode {n}")
    standfirst = "La relation client change de visage."
    body = factory.Faker("paragraph", nb_sentences=8, locale="fr_FR")
    status = Article.Status.PUBLISHED
    published_at = factory.LazyFunction(lambda: timezone.now() - timedelta(days=1))

    @factory.post_generation
    def authors(self, create, extracted, **kwargs):
        if create and extracted:
            for position, author in enumerate(extracted):
                ArticleAuthor.objects.create(article=self, author=author, position=position)

    @factory.post_generation
    def tag_names(self, create, extracted, **kwargs):
        if create and extracted:
            self.tags.add(*extracted)
