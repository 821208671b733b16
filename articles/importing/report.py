"""The import report: one entry per file, one per article, and the one table of their labels.

The command writes the entries as JSON (`import_corpus --report`, read by the scoring tools:
keep the keys and their order) and prints the summary with these labels; the admin's import
page shows the same report, stored by the import jobs, with the same labels. No Django here.
"""

from dataclasses import dataclass, field

from articles.importing.records import ParsedArticle

# The summary's counters, in the order the command and the import page show them.
SUMMARY_LABELS = {
    "files": "Fichiers",
    "articles": "Articles",
    "created": "Créés",
    "updated": "Mis à jour",
    "unchanged": "Inchangés",
    "conflicts": "Conflits",
    "skipped": "Ignorés",
    "errors": "Erreurs",
    "warnings": "Avertissements",
}
SUMMARY_KEYS = tuple(SUMMARY_LABELS)
FILE_STATUS_LABELS = {"ok": "Importé", "skipped": "Ignoré", "error": "Erreur"}
DRY_RUN = "none (dry run)"
ACTION_LABELS = {
    "created": "Créé",
    "updated": "Mis à jour",
    "unchanged": "Inchangé",
    "conflict": "Conflit",
    DRY_RUN: "Simulation",
}
# An article's warning when its source changed after editors changed it in the back office.
CONFLICT_WARNING = (
    "Conflit d'import : le fichier source a changé mais l'article a été modifié dans le back "
    "office ; la version de la rédaction est conservée."
)


def empty_summary() -> dict[str, int]:
    return dict.fromkeys(SUMMARY_KEYS, 0)


@dataclass(eq=False)
class ArticleEntry:
    """One parsed article and what the import did with it (`action`, one of ACTION_LABELS)."""

    parsed: ParsedArticle
    id: int | None = None
    slug: str | None = None
    action: str = DRY_RUN
    # The parser's doubts, and the importer's own (an import conflict) added to them.
    warnings: list[str] = field(init=False)

    def __post_init__(self):
        self.warnings = list(self.parsed.warnings)

    def done(self, article, action: str):
        self.id, self.slug, self.action = article.pk, article.slug, action

    def as_json(self) -> dict:
        return {
            "id": self.id,
            "slug": self.slug,
            **self.parsed.as_report(),
            "warnings": list(self.warnings),
            "action": self.action,
        }


@dataclass(eq=False)
class FileEntry:
    """One source file: imported ("ok"), "skipped" (nothing to import) or in "error"."""

    file: str
    status: str
    message: str | None = None
    articles: list[ArticleEntry] = field(default_factory=list)

    @property
    def ok(self) -> bool:
        return self.status == "ok"

    def as_json(self) -> dict:
        return {
            "file": self.file,
            "status": self.status,
            "message": self.message,
            "articles": [article.as_json() for article in self.articles],
        }
