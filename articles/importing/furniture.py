"""Site furniture: navigation, calls to action, reading times, taglines, lone punctuation.

Two layers: a data list of known lines (fixtures/furniture.txt, editable in the back office)
and rules for the patterns no list can enumerate.
"""

import re
from functools import lru_cache
from pathlib import Path

from articles.importing.reading import flatten, phrases
from textkit.folding import fold

DEFAULT_FILE = Path(__file__).resolve().parents[2] / "fixtures" / "furniture.txt"
EDGE_CHARS = " •·-–—|>»«*×:;.,!?…/\\()[]\"'+#~_=<"

# Words of menus and buttons: a short line made only of these is furniture ("au magazine",
# "Retour haut de page", "Partager sur Facebook"). Glue words alone never make a line furniture.
GLUE_WORDS = frozenset(
    """
    a au aux de des du d' en et l' la le les mon ma mes nos notre sur un une votre vos
    """.split()
)
MENU_WORDS = GLUE_WORDS | frozenset(
    """
    accueil home recherche rechercher search menu contact contacts contactez-nous magazine
    newsletter newsletters abonnement abonnements abonner s'abonner abonnez-vous connexion
    connecter se deconnexion login logout inscription inscrire s'inscrire creer compte profil
    s'identifier identifiez-vous archives
    numeros publicite annonceurs mentions legales cgu cgv confidentialite cookies partager share
    imprimer print facebook twitter linkedin instagram youtube email e-mail mail envoyer ami
    scroll top haut page retour suivant precedent next previous prev lire aussi voir plus more
    plan site qui sommes-nous savoir ok
    read suite commentaire commentaires comment comments laisser repondre reply annuler tags tag
    categories categorie information informations infos publications similaires articles similar
    related posts sommaire rss flux fermer close valider maintenant telecharger pdf version
    imprimable lien copier devenir membre membres espace adherent adherents
    """.split()
)
READING_TIME = re.compile(
    r"^(?:(?:temps de )?lecture ?:? ?(?:\d+ ?(?:min(?:ute)?s?|mn)(?: de lecture)?)?"
    r"|\d+ ?(?:min(?:ute)?s?|mn)(?: de lecture| read)?|(?:\d+ )?min(?:ute)?s? read)$"
)
CALL_TO_ACTION = re.compile(
    r"^(?:abonnez-vous|je m'abonne|s'abonner|inscrivez-vous (?:a|sur)|recevez (?:notre|la) "
    r"newsletter|suivez-nous|partager sur|partagez sur|lire la suite|"
    r"(?:a )?lire (?:aussi|egalement)|voir aussi|sur le meme (?:sujet|theme)|"
    r"voir (?:notre|nos) (?:dossiers?|articles?|enquetes?|interviews?|portraits?)\b|"
    r"laisser un commentaire|laissez un commentaire|j'aime(?: chargement)?$|chargement$|"
    r"like(?: loading)?$|loading$|"
    r"articles? plus (?:anciens|recents)$|(?:older|newer) (?:posts|entries)$|"
    r"pour gerer vos consentements|gerer (?:mes|vos) (?:cookies|consentements)|"
    r"ajouter un commentaire|read more|related|you may also like|search for ?:?$|"
    # a sharing plugin's buttons: "Cliquez pour partager sur X(ouvre dans une nouvelle fenêtre)"
    r"(?:cliquez|cliquer|click) (?:pour|to|ici pour) (?:partager|imprimer|envoyer|share|print)|"
    r"(?:partager|share this|j'aime ca|like this) ?:?$|"
    r"(?:charger|afficher|voir) plus d'articles$|load more(?: posts)?$|"
    # a slideshow's or player's notice to browsers without JavaScript
    r"(?:ce|cette) \w+ (?:necessite|requiert) (?:le )?javascript|this \w+ requires javascript|"
    # a paywall's notice, an audio player's loading text
    r"(?:cet article est )?reserve aux abonnes|deja abonne|getting your .{0,30}player ready|"
    # a cookie notice, wherever the copy put it
    r"en poursuivant votre navigation|(?:ce site|nous) utilis\w+ des cookies|"
    r"page \d+ (?:sur|of|/) \d+$|"
    # a reprint's link to the original: "Lire l'article sur le site de Sud Ouest"
    r"(?:lire|voir|consulter) l'article (?:sur|original|complet|en entier)|read the full article|"
    r"(?:par )?la redaction(?: d'en-?contact| du magazine)?$|"  # the newsroom, not an author
    r"newsletter ?[|:–—-] ?\S|"  # "NEWSLETTER | Abonnez-vous pour recevoir…"
    r"(?:designed|powered|theme) by\b|(?:fierement )?propulse par wordpress)"  # a theme's footer
)
# Where one line of the page ends and the next begins when a scrape glued them: "pageScroll".
GLUE_POINT = re.compile(r"(?<=[a-zß-öø-ÿ])(?=[A-ZÀ-ÖØ-Þ][a-zß-öø-ÿ])")
GLUED_FURNITURE_WORDS = 12

CALL_TO_ACTION_WORDS = 25  # a longer line that starts like a button is a paragraph

# "12 commentaires", "No Comments »", "12 vues": a counter of the page's widgets.
COUNTER = re.compile(
    r"^(?:\d+|no|aucun|pas de|un|une) (?:commentaires?|comments?|reactions?|responses?|reponses?"
    r"|vues|lectures|partages|j'aime|likes?|shares?)(?: \W)?$"
)
SENTENCE_WORDS = 4  # a comments' heading that long, ending on a full stop, is a sentence
# "Un commentaire" under a text, above a commenter's name (`starts_comments`).
COMMENT_COUNT = re.compile(r"^(?:\d+|une?|deux|trois) (?:commentaires?|comments?|reponses?)$")
# Where readers' comments start: everything after it on the page is the comments' business.
COMMENTS_START = phrases(
    r"""
    # "2 réponses à “Le titre”", "One comment on …"
    (?:\d+|une?|one|deux|trois) (?:reponses?|responses?|reactions?) (?:a|to|sur|on|pour) \S
    (?:\d+|une?|one|deux|trois) (?:commentaires?|comments?) (?:a|to|sur|on|pour) \S
    (?:commentaires?|comments|reactions)(?: \(\d+\))?$
    # "Sandrine dit :"
    \S+(?: \S+)? (?:dit|says|a dit|ecrit) ?:$
    # the links other blogs made to the post, listed like comments: "2 Trackbacks/Pingbacks"
    (?:\d+ )?(?:trackbacks?|pingbacks?|retroliens?)(?: ?/ ?(?:trackbacks?|pingbacks?))?$
    # WordPress's French heading of its comments: "2 réflexions sur « Le titre »"
    (?:\d+|une?|deux|trois) reflexions? (?:sur|a propos de) \S
    """,
    whole=False,
)
# The comment form under a text: "Laisser un commentaire", "Leave a Reply", "Votre adresse …".
COMMENT_FORM = phrases(
    """
    (?:laisser|laissez|ajouter) un commentaire$
    leave a (?:reply|comment)$
    votre adresse (?:e-?mail|de messagerie|email) ne sera pas publiee
    submit a comment$
    you must be logged in to post a comment
    # a post whose comments are closed: nothing of the text follows
    (?:les )?commentaires (?:sont )?fermes$
    comments are closed$
    # a comment box for members, one without comments yet
    vous devez etre (?:membre|connecte|inscrit|identifie)e? pour (?:ajouter|poster|laisser|publier)
    aucun commentaire (?:n'a encore ete|pour (?:le moment|l'instant)|a ce jour)
    soyez (?:le )?premier a (?:commenter|reagir|laisser un commentaire)
    be the first to comment
    # a paywall under the opening: the rest of the article is not on the page
    pour lire la suite(?: de cet article)?,? (?:identifiez-vous|connectez-vous|abonnez-vous|creez)
    la suite de cet article est reservee
    """,
    whole=False,
)
# "Archive for the ‘Editos’ Category", "Posts Tagged ‘CRM’": a listing page's heading.
ARCHIVE_HEADING = phrases(
    r"""
    archive for the
    posts tagged
    category archives?
    tag archives?
    archives? (?:de|du|des)\s
    articles? (?:tagged|classes? dans|de la categorie|du mot-cle)
    """,
    whole=False,
)
# A picture's file name or slug alone on its line: "renault-4l-bleue-12", "edito-62-web".
IMAGE_NAME = re.compile(
    r"^[a-z0-9]+(?:-[a-z0-9]+){2,}$|^(?=[a-z0-9_-]*\d)[a-z0-9]+(?:_[a-z0-9]+){2,}$"
    r"|^[a-z][a-z0-9-]{2,}\.\d{2,4}$"  # a numbered export: "phoneexpert.027"
    r"|^\d{8,}[a-z][a-z0-9_-]*$"  # a time-stamped upload: "20150603171856society_logo"
)
# "( Archives magazine En-Contact, année 2016 )": where an old piece was found again.
ARCHIVE_NOTE = re.compile(r"^\(\s?archives?\b[^()]{0,80}\)$")
# "Archive juillet 2011", "Archive : En-Contact, février 2018": when the page was archived.
ARCHIVE_MONTH = re.compile(
    r"^archives?\s?:?\s(?:en-?contact,?\s)?(?:(?:de|du)\s)?(?:[a-z]+\s)?\d{4}$"
)
# "Source : Le Courrier du Détroit" under a reprinted article.
SOURCE = re.compile(r"^source\s?:\s?\S")
# Headings of the lists of links to other articles: the titles under them are links too.
RELATED = phrases(
    """
    a lire aussi
    lire aussi
    a lire egalement
    publications similaires
    articles similaires
    articles lies
    sur le meme (?:sujet|theme)
    vous aimerez aussi
    related posts
    similaires?
    dans la meme rubrique
    # the theme's links to the posts on either side, each title under its label
    articles? (?:precedent|suivant)e?
    (?:previous|next) (?:post|article|entry)
    # a list of the most read, of a section or of the whole site: "Les plus lus – International"
    (?:les )?(?:articles )?(?:les )?plus (?:lus|consultes)(?: [–—:-] [^.!?]{1,40})?
    # a theme's links to the previous and next posts
    navigation (?:de l'article|des articles|d'articles)
    post navigation
    # a blog's sidebar widgets: their items are links too
    recent posts
    articles recents
    derniers articles
    recent comments
    commentaires recents
    derniers commentaires
    archives
    categories
    blogroll
    meta
    """
)
BREADCRUMB = re.compile(r"^(?:accueil|home)\s?[>»/|›]")
# A menu's items set apart: "Mentions légales | Contact | Plan du site".
MENU_SEPARATORS = frozenset("|•·/")
MENU_LINE_WORDS = 12
NAVIGATION_LINK = re.compile(r"^[←‹]|[→›]$")
RIGHTS = re.compile(
    r"\b(?:tous droits reserves|all rights reserved)\b|^(?:©|\(c\)|copyright) ?\d{4}"
)
OFFER = re.compile(r"\b(?:abonn\w*|acces illimite)\b")
PRICE = re.compile(r"(?:€|\beuros?\b|\bpar (?:mois|semaine|an)\b|\boffre\b)")
TAGLINE = re.compile(r"^(?:le|la|l'|votre|un|une) ?(?:magazine|revue|site|webzine|media|journal)\b")


def furniture_key(text: str) -> str:
    """The comparison form of a line: folded, spaces collapsed, bullets and end marks gone."""
    return flatten(fold(text)).strip(EDGE_CHARS)


def load_furniture(path: Path | None = None) -> list[str]:
    """The furniture lines of a list file (one per line, `#` comments)."""
    path = path or DEFAULT_FILE
    if not path.exists():
        return []
    lines = (line.strip() for line in path.read_text(encoding="utf-8").splitlines())
    return [line for line in lines if line and not line.startswith("#")]


@lru_cache(maxsize=16)
def furniture_keys(lines: tuple[str, ...]) -> frozenset[str]:
    return frozenset(key for key in map(furniture_key, lines) if key)


@lru_cache(maxsize=1)
def default_keys() -> frozenset[str]:
    return furniture_keys(tuple(load_furniture()))


def is_furniture(folded: str, keys: frozenset[str]) -> bool:
    """Whether a line (in its folded form) is site furniture, by the list or by a rule."""
    key = folded.strip(EDGE_CHARS)
    if not any(char.isalnum() for char in key):
        return True  # lone punctuation, bullets, "×"
    if key in keys:
        return True
    if key.isdigit() and len(key) <= 3:
        return True  # page numbers, comment counters
    if READING_TIME.match(key) or COUNTER.match(key):
        return True
    if CALL_TO_ACTION.match(key) and len(key.split()) <= CALL_TO_ACTION_WORDS:
        return True  # a button or a banner, not a paragraph that starts like one
    if IMAGE_NAME.match(key) or (ARCHIVE_NOTE.match(folded.strip()) is not None):
        return True
    if ARCHIVE_MONTH.match(key):
        return True
    if SOURCE.match(key) and len(key.split()) <= 8:
        return True
    if ARCHIVE_HEADING.match(key) and len(key.split()) <= 10:
        return True  # "Archive for the ‘Editos’ Category", "Posts Tagged ‘CRM’"
    if BREADCRUMB.match(key) or (RIGHTS.search(folded) and len(key.split()) <= 15):
        return True
    if NAVIGATION_LINK.search(folded.strip()) and len(key.split()) <= 15:
        return True  # "← Le titre du billet précédent", "Le suivant →"
    words = [word for word in key.split() if word not in MENU_SEPARATORS]
    separated = len(words) < len(key.split())  # "Mentions légales | Contact | Plan du site"
    menu = len(words) <= 5 or (separated and len(words) <= MENU_LINE_WORDS)
    if menu and all(word in MENU_WORDS for word in words) and "?" not in folded:
        return not all(word in GLUE_WORDS for word in words)
    return len(words) <= 30 and bool(OFFER.search(key)) and bool(PRICE.search(key))


def is_glued_furniture(flat: str, keys: frozenset[str]) -> bool:
    """Site lines glued together by the scrape: "Retour haut de pageScroll Top"."""
    parts = GLUE_POINT.split(flat) if len(flat.split()) <= GLUED_FURNITURE_WORDS else []
    return len(parts) > 1 and all(is_furniture(fold(part), keys) for part in parts)


def heads_related_links(folded: str) -> bool:
    """ "A lire aussi", "Publications similaires", a sidebar's "Recent Posts" or "Archives": the
    short lines under it are links."""
    return bool(RELATED.match(folded.strip(EDGE_CHARS)))


def starts_comments(folded: str, *, counted: bool = False) -> bool:
    """ "2 réponses à “Le titre”", "Sandrine dit :": the readers' comments begin; where the
    caller says a count heads them (`counted`: under a text, above a commenter's name), "Un
    commentaire" does too."""
    if folded.endswith(".") and len(folded.split()) > SENTENCE_WORDS:
        return False  # "Deux réponses à cette question reviennent chez tous…": a sentence
    folded = folded.strip(EDGE_CHARS.replace(":", "").replace(")", ""))
    return bool(COMMENTS_START.match(folded) or (counted and COMMENT_COUNT.match(folded)))


# "2 Responses to “« Le DVD, c’est la deuxième vie d’un petit film »”": a heading of any length,
# since it quotes the post's whole title.
COMMENTS_ON_POST = re.compile(
    r"^(?:\d+|une?|one|deux|trois) "
    r"(?:reponses?|responses?|commentaires?|comments?|reactions?|reflexions?) "
    r"(?:a|to|sur|on|pour|a propos de) [“«\"].*[”»\"]$"
)


def quotes_its_post(folded: str) -> bool:
    return bool(COMMENTS_ON_POST.match(folded.strip()))


def is_comment_form(folded: str) -> bool:
    """ "Laisser un commentaire", "Votre adresse e-mail ne sera pas publiée": under a text,
    the comment form, where nothing more of the article follows."""
    return bool(COMMENT_FORM.match(folded.strip(EDGE_CHARS)))


def is_tagline(folded: str) -> bool:
    """A site's tagline ("Le magazine indépendant du BPO…."), recognised above a title: a
    sentence about the site, not a headline ("Un magazine … est-ce raisonnable ?",
    "LE JOURNAL DE L’AISNE – Allô…")."""
    return (
        bool(TAGLINE.match(folded))
        and len(folded.split()) <= 25
        and folded.endswith(".")
        and " – " not in folded
    )
