"""The rows imported articles point to: authors, tags, issues and sections, each read once."""

from articles.models import Issue, Section, Tag
from authors.models import Author
from authors.names import name_key
from textkit.slugs import ascii_slug


class KnownRows:
    """Finds or creates the authors, tags, issues and sections of parsed articles.

    Each is looked up once per import and kept; `forget()` after a rollback, which takes the
    rows created in its transaction.
    """

    def __init__(self):
        self._authors: dict[str, Author] = {}
        self._tags: dict[str, Tag] = {}
        self._sections: dict[str, Section] = {}
        self._issues: dict[int, Issue] = {}

    def forget(self):
        self._authors.clear()
        self._tags.clear()
        self._sections.clear()
        self._issues.clear()

    def links(self, item):
        """A parsed article's authors, in order, and tags ({tag: suggested})."""
        authors = self.authors(item.authors)
        tags = {}
        for names, suggested in ((item.suggested_tags, True), (item.tags, False)):
            for name in names:
                if (tag := self.tag(name)) is not None:
                    tags[tag] = suggested
        return authors, tags

    def authors(self, parsed_authors):
        """The authors of parsed bylines, in order, each once."""
        return list(dict.fromkeys(self.author(parsed) for parsed in parsed_authors))

    def issue(self, number):
        if number is None:
            return None
        if number not in self._issues:
            self._issues[number] = Issue.objects.get_or_create(number=number)[0]
        return self._issues[number]

    def section(self, name):
        if not name:
            return None
        key = name_key(name)
        if key not in self._sections:
            section = Section.objects.filter(name__iexact=name.strip()).first()
            self._sections[key] = section or Section.objects.create(name=name.strip()[:100])
        return self._sections[key]

    def author(self, parsed):
        """The author of a parsed byline; a role or handle it lacks is filled in."""
        key = name_key(parsed.name)
        author = self._authors.get(key)
        if author is None:
            author, _ = Author.objects.get_or_create_by_name(parsed.name)
            self._authors[key] = author
        missing = {
            field: value
            for field, value in (("role", parsed.role), ("handle", parsed.handle))
            if value and not getattr(author, field)
        }
        if missing:
            for field, value in missing.items():
                setattr(author, field, value[:200])
            author.save(update_fields=list(missing))
        return author

    def tag(self, name):
        """The tag of that name (by slug), or None for a name with no letter or digit."""
        slug = ascii_slug(name, 90)
        if not slug:
            return None
        tag = self._tags.get(slug)
        if tag is None:
            tag = Tag.objects.filter(slug=slug).first() or Tag.objects.create(
                name=name.strip()[:100], slug=slug
            )
            self._tags[slug] = tag
        return tag
