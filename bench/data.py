"""Synthetic archives for the benchmark, grown from the real corpus's text and layouts.

`Archive(seed)` is a deterministic magazine: a few hundred authors, issues and tags (tags
Zipf-distributed, 3 to 8 per article), and articles whose French text is drawn from a word
chain learnt on fixtures/corpus/ with a long tail of French and trade vocabulary mixed in.
Article `i` is the same on every machine for a given seed.

It is written two ways:
- `write_files(directory, count)`: `.txt` files in the five layouts of fixtures/corpus/ (old
  blog, magazine site with "Publié le …", "Recherche" page, interview, several posts in one
  file), for the importer;
- `insert(count)`: rows straight into the database (COPY on PostgreSQL, multi-row INSERTs on
  SQLite), for the pages and the search; the search trigger of migration 0004 fills
  `search_vector` as the rows arrive. IMAGE_SHARE of the articles have a lead image: its name,
  size, description, caption and credit, as an upload leaves them, but no file (pages only
  build the addresses of its resized versions, articles.images).
"""

import bisect
import hashlib
import itertools
import random
import re
import uuid
from dataclasses import asdict, dataclass, field
from datetime import UTC, date, datetime, timedelta
from functools import cached_property
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
CORPUS = ROOT / "fixtures" / "corpus"
SEED = 6
DATA_VERSION = 3  # bump when the generator changes what it writes


def words(text):
    return text.split()


def entries(text):
    """A "|"-separated list written over several lines."""
    return text.replace("\n", "").split("|")


FIRST_NAMES = words(
    """Manuel François Romaine Camille Claire Sophie Julien Nicolas Isabelle Nathalie
Stéphane Laurent Céline Aurélie Thomas Antoine Hélène Émilie Sébastien Olivier Valérie Sandrine
Christophe Frédéric Caroline Delphine Guillaume Mathieu Élodie Virginie Patrick Philippe Anne
Marie Jean Pierre Hugo Léa Chloé Inès Karim Nadia Yasmine Mehdi Fatou Moussa Aïcha Rachid
Bérénice Agnès Gaëlle Loïc Maëlle Noël Zoé Benoît Cécile Jérôme Régis Thierry"""
)
LAST_NAMES = words(
    """Jacquinet Rouffiac Klein Martin Bernard Dubois Thomas Robert Richard Petit Durand
Leroy Moreau Simon Laurent Lefèvre Michel Garcia David Bertrand Roux Vincent Fournier Morel
Girard André Lefebvre Mercier Dupont Lambert Bonnet François Martinez Legrand Garnier Faure
Rousseau Blanc Guérin Muller Henry Roussel Nicolas Perrin Morin Mathieu Clément Gauthier Dumont
Lopez Fontaine Chevalier Robin Masson Sanchez Gérard Nguyen Boyer Denis Lemaire Duval Joly
Gautier Roger Roche Roy Noël Meyer Lucas Meunier Jean Perez Marchand Dufour Blanchard Benali
Haddad Diallo Traoré Cissé Mansouri Ferreira Carvalho"""
)
ROLES = [
    "Directeur de la rédaction",
    "Rédactrice en chef",
    "Journaliste",
    "Journaliste",
    "Journaliste",
    "Consultant en relation client",
    "Directrice de la relation client",
    "Chroniqueur",
    "Correspondant au Maroc",
    "",
    "",
]
SECTIONS = {
    "article": "Actualité",
    "edito": "Édito",
    "interview": "Interview",
    "tribune": "Tribune",
    "actualite": "Actualité",
    "dossier": "Dossier",
}
KINDS = ["article"] * 12 + ["actualite"] * 4 + ["interview"] * 2 + ["edito", "tribune", "dossier"]
TRADE_TERMS = entries(
    """relation client|centre d'appels|centre de contacts|téléconseiller|téléconseillère|
externalisation|outsourcing|offshore|nearshore|CRM|BPO|expérience client|satisfaction client|
service client|serveur vocal|SVI|chatbot|callbot|intelligence artificielle|omnicanal|
multicanal|RGPD|recrutement|formation|management|qualité de service|fidélisation|télévente|
prospection|marketing direct|digital|réseaux sociaux|e-commerce|banque|assurance|télécoms|
énergie|grande distribution|secteur public|télétravail|absentéisme|turnover|WFM|routage|ACD|
CTI|cloud|analyse vocale|selfcare|NPS|effort client|parcours client|data|big data|SaaS|
salon SeCA|Stratégie clients|élection du service client de l'année|palmarès|baromètre|
conseiller clientèle|superviseur|plateau|donneur d'ordres|prestataire|appel d'offres|
convention collective|SYNTEC|SP2C|AFRC|Cercle du CRM|relation à distance|vente additionnelle|
recouvrement|hotline|support technique|assistance|live chat|messagerie instantanée|SMS|
e-mail|courrier|réclamation|médiation|avis clients|communauté|influence|marque employeur|
onboarding|coaching|scripts|écoute|empathie|automatisation|robotisation|RPA|agent virtuel|
base de connaissances|FAQ|self-service|application mobile|visioconférence|ubérisation|
freelance|intérim|portage salarial|pénibilité|santé au travail|bien-être|diversité|handicap|
responsabilité sociale|développement durable|RSE|label|certification|norme NF 345|ISO 18295|
benchmark|KPI|taux de décroché|durée moyenne de traitement|premier contact|résolution|
coût par contact|productivité|rentabilité|marge|croissance|rachat|fusion|introduction en Bourse|
levée de fonds|start-up|licorne|innovation|transformation|stratégie|gouvernance"""
)
COMPANIES = entries(
    """Teleperformance|Webhelp|Concentrix|Majorel|Comdata|Sitel|Armatis|Intelcia|
Laser Contact|Orange|SFR|Bouygues Telecom|Free|EDF|Engie|La Poste|SNCF|Air France|Renault|
BNP Paribas|Société Générale|Crédit Agricole|AXA|MAIF|Amazon|Zalando|Cdiscount|Fnac Darty|
Decathlon|Leroy Merlin|Ikea|Uber|Airbnb|Vivetic|Outsourcia|Coriolis|Acticall|B2S|Konecta|
Atento|Foundever|TDCX|Genesys|Zendesk|Salesforce|Odigo|Diabolocom|Vocalcom|Eloquant|
Akio|Talkdesk|NICE|Verint|Calabrio|Alcatel|Avaya|Cisco|Microsoft|Google|Apple|Meta|Free Mobile|
Boulanger|Darty|Sephora|L'Oréal|Danone|Nestlé|Carrefour|Auchan|Leclerc|Intermarché|Monoprix|
Veepee|Showroomprivé|BlaBlaCar|Doctolib|Qonto|Alan|Back Market|Vinted|Deezer|Canal+|TF1"""
)
PLACES = entries(
    """France|Maroc|Tunisie|Sénégal|Madagascar|Île Maurice|Portugal|Roumanie|Espagne|
Belgique|Suisse|Canada|Québec|Côte d'Ivoire|Cameroun|Égypte|Philippines|Inde|Lille|Lyon|Marseille|
Bordeaux|Nantes|Toulouse|Rennes|Strasbourg|Montpellier|Nice|Casablanca|Rabat|Fès|Tanger|
Agadir|Tunis|Sousse|Dakar|Abidjan|Lisbonne|Porto|Bucarest|Antananarivo|Port-Louis|Montréal|
Bruxelles|Genève|Paris|La Défense|Saint-Denis|Roubaix|Amiens|Poitiers|Niort|Le Mans|Laval"""
)
MONTHS_FR = words(
    "janvier février mars avril mai juin juillet août septembre octobre novembre décembre"
)
TITLE_PATTERNS = [
    "{tag} : {phrase}",
    "{company} mise sur {tag_lower}",
    "{phrase}",
    "Comment {company} réinvente {tag_lower}",
    "{tag}, {phrase_lower}",
    "À {place}, {phrase_lower}",
    "{phrase} ?",
    "Dix chiffres sur {tag_lower}",
]
TAG_SENTENCES = [
    "{tag} : l'enjeu est là.",
    "Le sujet {tag_lower} revient dans toutes les conversations.",
    "Côté {tag_lower}, les chiffres parlent d'eux-mêmes.",
    "{tag}, un chantier qui ne fait que commencer.",
]
FUNCTION_WORDS = frozenset(
    words(
        """alors après assez aucun aucune aussi autant autre autres avant avoir avait avaient
        avec beaucoup bien cela celle celles celui cependant certes cette ceux chacun chaque
        comme comment contre dans depuis derrière dessus donc dont elles encore enfin entre
        était étaient étant être faire fait faut leurs lequel laquelle lesquels lorsque
        mêmes moins notre nôtre nous ainsi parce parmi pendant peut peuvent plupart plus
        plusieurs pour pourquoi pourtant puis quand quant quelle quelles quelque quelques
        selon sera seront serait sinon sont sous souvent surtout tandis tant tous tout toute
        toutes très vers voici voilà votre vous déjà jamais toujours ensuite ailleurs"""
    )
)
TOKEN_JUNK = re.compile(r"\d{4,}|_|[a-f0-9]{8}-")
SENTENCE_END = ".?!…"
# Lead images (issue 13): the share of articles with one, and the sizes photo desks send,
# mostly landscape, some portrait, a few narrower than a card's largest version.
IMAGE_SHARE = 0.6
IMAGE_SIZES = [
    *[(1600, 1067)] * 5,
    *[(2048, 1365)] * 2,
    *[(1920, 1080)] * 2,
    (1200, 800),
    (1024, 768),
    (800, 1200),
    (640, 427),
    (360, 240),
]
IMAGE_SUBJECTS = [
    "Un plateau de téléconseillers à {place}",
    "Une conseillère au casque, à {place}",
    "L'accueil du centre de contacts de {company}",
    "Le siège de {company}",
    "Une réunion d'équipe chez {company}",
    "Vue aérienne de {place}",
]
EPOCH = datetime(2000, 1, 3, tzinfo=UTC)
NOW = datetime(2025, 6, 1, tzinfo=UTC)  # fixed, so that the archive is the same every day


@dataclass
class SyntheticImage:
    """A lead image as an upload leaves an article's fields (articles.models.LeadImage): a
    name under `articles/%Y/%m/`, its size, description, caption and credit."""

    image: str
    image_width: int
    image_height: int
    image_alt: str
    image_caption: str
    photo_credit: str


@dataclass
class SyntheticArticle:
    """An article as the generator sees it; `tags` and `authors` are indices."""

    index: int
    title: str
    kind: str
    standfirst: str
    paragraphs: list[str]
    authors: list[int]
    tags: list[int]
    suggested: list[int]
    issue: int | None
    published_at: datetime | None
    status: str
    interviewee: str = ""
    photo_credit: str = ""
    questions: list[str] = field(default_factory=list)
    image: SyntheticImage | None = None

    @property
    def body(self):
        return "\n\n".join(self.paragraphs)


class Chain:
    """A first-order word chain learnt on the corpus, emitting French-sounding sentences."""

    def __init__(self, texts):
        self.following = {}
        self.starts = []
        previous = None
        for text in texts:
            for token in text.split():
                if TOKEN_JUNK.search(token):
                    continue
                if previous is None or previous[-1] in SENTENCE_END:
                    if token[0].isupper():
                        self.starts.append(token)
                elif previous is not None:
                    self.following.setdefault(previous, []).append(token)
                previous = token

    def sentence(self, rng, longest=32):
        word = rng.choice(self.starts)
        words = [word]
        while len(words) < longest:
            choices = self.following.get(word)
            if not choices:
                break
            word = rng.choice(choices)
            words.append(word)
            if word[-1] in SENTENCE_END and len(words) >= 6:
                return " ".join(words)
        sentence = " ".join(words).rstrip(",;:–- ")
        return sentence if sentence[-1] in SENTENCE_END else sentence + "."


def corpus_paragraphs(directory=CORPUS):
    """The long lines of the real archive: its running text, without the site furniture."""
    paragraphs = []
    for path in sorted(directory.glob("*.txt")):
        for line in path.read_text(encoding="utf-8").splitlines():
            if len(line) > 100:
                paragraphs.append(line.strip())
    return paragraphs


def zipf_cumulative(count, exponent=1.07):
    weights = [1 / (rank**exponent) for rank in range(1, count + 1)]
    return list(itertools.accumulate(weights))


def pick_distinct(rng, cumulative, k):
    """`k` distinct indices drawn by Zipf weights (at most as many as there are)."""
    k = min(k, len(cumulative))
    chosen = []
    total = cumulative[-1]
    while len(chosen) < k:
        index = bisect.bisect(cumulative, rng.random() * total)
        if index not in chosen:
            chosen.append(index)
    return chosen


def lexicon():
    """French words beyond the corpus's, for a long tail of rarer terms."""
    try:
        from faker.providers.lorem.fr_FR import Provider
    except ImportError:  # Faker comes with factory-boy (requirements-dev.txt)
        return []
    return [word for word in Provider.word_list if len(word) > 3 and " " not in word]


class Archive:
    """The deterministic synthetic magazine."""

    def __init__(self, seed=SEED, authors=300, issues=300, tags=300):
        self.seed = seed
        rng = random.Random(f"{seed}:archive")
        self.chain = Chain(corpus_paragraphs())
        self.tail = lexicon() + TRADE_TERMS + COMPANIES + PLACES
        rng.shuffle(self.tail)
        self.tail_cumulative = zipf_cumulative(len(self.tail), exponent=0.9)
        self.sentences = [self.chain.sentence(rng) for _ in range(6000)]
        self.authors = self._authors(rng, authors)
        self.author_cumulative = zipf_cumulative(len(self.authors), exponent=1.0)
        self.issues = self._issues(issues)
        self.tags = self._tags(rng, tags)
        self.tag_cumulative = zipf_cumulative(len(self.tags))

    # The cast -------------------------------------------------------------------------------

    @staticmethod
    def _authors(rng, count):
        names = [f"{first} {last}" for first in FIRST_NAMES for last in LAST_NAMES]
        rng.shuffle(names)
        authors = []
        for name in names[:count]:
            handle = "@" + re.sub(r"\W", "", unidecode_lower(name)) if rng.random() < 0.3 else ""
            authors.append((name, rng.choice(ROLES), handle))
        return authors

    @staticmethod
    def _issues(count):
        """Monthly issues from 2000 on, numbered from 1."""
        return [
            (number, date(2000 + (number - 1) // 12, (number - 1) % 12 + 1, 1))
            for number in range(1, count + 1)
        ]

    @staticmethod
    def _tags(rng, count):
        names = list(dict.fromkeys(TRADE_TERMS + COMPANIES + PLACES))
        years = [f"palmarès {year}" for year in range(2000, 2026)]
        names += years + [f"salon SeCA {year}" for year in range(2000, 2026)]
        extra = [f"{term} {place}" for term in TRADE_TERMS[:12] for place in PLACES[:12]]
        rng.shuffle(extra)
        names = list({ascii_slug(name, 90): name for name in reversed(names + extra)}.values())
        names = names[::-1][:count]
        # The head of the Zipf curve: the trade's everyday subjects.
        head = TRADE_TERMS[:12]
        return head + [name for name in names if name not in head][: count - len(head)]

    # One article ----------------------------------------------------------------------------

    def article(self, index, count=None, kind=None):
        """Article `index`; dates spread from 2000 to mid-2025 over `count` articles."""
        rng = random.Random(f"{self.seed}:{index}")
        count = count or max(index + 1, 1000)
        kind = kind or rng.choice(KINDS)
        tags = pick_distinct(rng, self.tag_cumulative, rng.randint(3, 8))
        suggested = [tag for tag in tags if rng.random() < 0.15]
        paragraphs = self._paragraphs(rng, tags)
        title = self._title(rng, tags)
        roll = rng.random()
        authors = (
            []
            if roll < 0.05
            else pick_distinct(rng, self.author_cumulative, 2 if roll > 0.85 else 1)
        )
        span = (NOW - EPOCH).total_seconds()
        moment = EPOCH + timedelta(seconds=span * (index + rng.random()) / count)
        moment = moment.replace(microsecond=0)
        fraction = (moment - EPOCH) / (NOW - EPOCH)
        issue = None
        if rng.random() < 0.75:
            issue = min(len(self.issues), 1 + int(fraction * len(self.issues)))
        status = rng.choices(["published", "draft", "review", "archived"], weights=[96, 2, 1, 1])[0]
        published_at = None if rng.random() < 0.02 else moment
        standfirst = self._sentence(rng) if rng.random() < 0.6 else ""
        article = SyntheticArticle(
            index=index,
            title=title,
            kind=kind,
            standfirst=standfirst,
            paragraphs=paragraphs,
            authors=authors,
            tags=tags,
            suggested=suggested,
            issue=issue,
            published_at=published_at,
            status=status,
        )
        if kind == "interview":
            first, last = rng.choice(FIRST_NAMES), rng.choice(LAST_NAMES)
            article.interviewee = f"{first} {last}"
            article.title = f"Interview exclusive de {first} {last}, {title[:1].lower()}{title[1:]}"
            article.questions = [self._question(rng) for _ in paragraphs[::3]]
        if rng.random() < 0.1:
            article.photo_credit = f"{rng.choice(FIRST_NAMES)} {rng.choice(LAST_NAMES)}"
        article.image = self._lead_image(article)
        return article

    def _lead_image(self, article):
        """The article's lead image, for IMAGE_SHARE of them; drawn apart from the article, so
        that the rest of the archive (and the importer's files) stays as it was."""
        rng = random.Random(f"{self.seed}:image:{article.index}")
        if rng.random() >= IMAGE_SHARE:
            return None
        width, height = rng.choice(IMAGE_SIZES)
        uploaded = article.published_at or EPOCH
        name = ascii_slug(article.title, 60) or "photo"
        subject = rng.choice(IMAGE_SUBJECTS)
        credit = rng.choice([f"{rng.choice(FIRST_NAMES)} {rng.choice(LAST_NAMES)}", "DR", ""])
        return SyntheticImage(
            image=f"articles/{uploaded:%Y/%m}/{name}.{'png' if rng.random() < 0.1 else 'jpg'}",
            image_width=width,
            image_height=height,
            image_alt=subject.format(place=rng.choice(PLACES), company=rng.choice(COMPANIES)),
            image_caption=self._sentence(rng)[:300] if rng.random() < 0.5 else "",
            photo_credit=article.photo_credit or credit,
        )

    def scheduled(self, index):
        """Whether article `index` of the database is scheduled (a few, one to sixty days out)."""
        return random.Random(f"{self.seed}:scheduled:{index}").random() < 0.002

    def _sentence(self, rng):
        sentence = rng.choice(self.sentences)
        if rng.random() < 0.5:
            words = sentence.split()
            for _ in range(rng.randint(1, 3)):
                position = rng.randrange(1, max(2, len(words) - 1))
                if len(words[position]) > 5 and words[position].isalpha():
                    index = bisect.bisect(
                        self.tail_cumulative, rng.random() * self.tail_cumulative[-1]
                    )
                    words[position] = self.tail[min(index, len(self.tail) - 1)]
            sentence = " ".join(words)
        return sentence

    def _paragraphs(self, rng, tags):
        paragraphs = []
        for _ in range(max(3, int(rng.lognormvariate(2.0, 0.45)))):
            sentences = [self._sentence(rng) for _ in range(rng.randint(2, 5))]
            if rng.random() < 0.35:
                tag = self.tags[rng.choice(tags)]
                mention = rng.choice(TAG_SENTENCES).format(tag=capitalise(tag), tag_lower=tag)
                sentences.insert(rng.randrange(len(sentences)), mention)
            paragraphs.append(" ".join(sentences))
        return paragraphs

    def _question(self, rng):
        return self._sentence(rng).rstrip(SENTENCE_END + " ") + " ?"

    def _title(self, rng, tags):
        words = [word.strip(',;:.!?«»“”"()') for word in rng.choice(self.sentences).split()]
        phrase = " ".join(word for word in words[: rng.randint(4, 9)] if word)
        tag = self.tags[tags[0]]
        title = rng.choice(TITLE_PATTERNS).format(
            tag=capitalise(tag),
            tag_lower=tag if tag[:2].isupper() else tag[:1].lower() + tag[1:],
            phrase=capitalise(phrase),
            phrase_lower=phrase[:1].lower() + phrase[1:],
            company=rng.choice(COMPANIES),
            place=rng.choice(PLACES),
        )
        return title[:280]

    # Search queries -------------------------------------------------------------------------

    @cached_property
    def words(self):
        """The archive's words of five letters or more, most frequent first."""
        counts = {}
        for sentence in self.sentences:
            for token in sentence.split():
                word = token.strip(",;:.!?«»“”\"()…–-’'").lower()
                if len(word) >= 5 and word.isalpha():
                    counts[word] = counts.get(word, 0) + 1
        for word in self.tail:
            if len(word) >= 5 and word.isalpha():
                counts.setdefault(word.lower(), 1)
        return sorted(counts, key=lambda word: (-counts[word], word))

    def queries(self, count=200):
        """`count` one- and two-word French queries, half each, as readers type them.

        Half come from the trade's vocabulary (tags, companies, places: what readers look
        for, Zipf-weighted like the tags), half from the running text's content words across
        their whole range of frequencies, the most common included; grammatical words
        ("cette", "depuis") are left out, as readers do not search for them.
        """
        rng = random.Random(f"{self.seed}:queries")
        queries = []
        words = [word for word in self.words if word not in FUNCTION_WORDS]
        while len(queries) < count:
            two = len(queries) % 2 == 1
            if rng.random() < 0.5:
                tag = self.tags[pick_distinct(rng, self.tag_cumulative, 1)[0]]
                parts = tag.split()
                if two and len(parts) == 1:
                    parts.append(rng.choice(words[:400]))
                query = " ".join(parts[:2]) if two else parts[0]
            else:
                first = words[int(rng.random() * min(len(words), 3000))]
                query = f"{first} {rng.choice(words[:2000])}" if two else first
            if len(query) > 2 and query.lower() not in {q.lower() for q in queries}:
                queries.append(query)
        return queries

    # Files ----------------------------------------------------------------------------------

    def file(self, index):
        """Archive file `index` as text, and how many articles it holds."""
        layout = LAYOUTS[index % len(LAYOUTS)]
        if layout is several_posts:
            posts = [self.article(index * 10 + k) for k in range(2 + index % 3)]
            return several_posts(self, posts), len(posts)
        kind = "interview" if layout is interview else None
        return layout(self, self.article(index, kind=kind)), 1


def capitalise(text):
    return text[:1].upper() + text[1:]


def ascii_slug(text, max_length):
    from textkit.slugs import ascii_slug as slug

    return slug(text, max_length)


def unidecode_lower(text):
    from unidecode import unidecode

    return unidecode(text).lower()


def french_date(moment, with_time=False):
    text = f"{moment.day} {MONTHS_FR[moment.month - 1]} {moment.year}"
    return f"{text} à {moment:%H:%M}" if with_time else text


# The five layouts of fixtures/corpus/ ------------------------------------------------------


def old_blog(archive, article):
    """000_…: "This article was written on 12 Août 2002, and is filled under …"."""
    moment = article.published_at or EPOCH
    tags = ", ".join(archive.tags[i] for i in article.tags if i not in article.suggested)
    lines = [
        "AMBUSH",
        "",
        "Information",
        "",
        f"This article was written on {moment.day} {capitalise(MONTHS_FR[moment.month - 1])} "
        f"{moment.year}, and is filled under {SECTIONS[article.kind]}.",
        "",
        "Current post is tagged",
        "",
        tags,
        "",
        article.title,
        "",
        *paragraph_lines(article),
    ]
    for index in article.authors:
        name, role, _handle = archive.authors[index]
        first, _, last = name.partition(" ")
        lines += [f"{first} {last.upper()}", role] if role else [f"{first} {last.upper()}"]
    lines += ["", "Laisser un commentaire", "", "*"]
    return "\n".join(lines)


def magazine_site(archive, article):
    """001_…: "Publié le 25 avril 2018 à 09:42 par Magazine En-Contact", "Édito n°84 /"."""
    moment = article.published_at or EPOCH
    lines = [
        "Le magazine indépendant et international du BPO, du CRM et de l'expérience client.",
        "",
        article.title,
        "",
        f"Publié le {french_date(moment, with_time=True)} par Magazine En-Contact",
        article.title,
        "",
    ]
    if article.issue:
        lines += [f"{SECTIONS[article.kind]} n°{article.issue} /", ""]
    image = uuid.UUID(hashlib.md5(article.title.encode()).hexdigest())  # noqa: S324 - an id
    paragraphs = paragraph_lines(article)
    lines += [f"{image}{paragraphs[0]}", *paragraphs[1:], " ", ""]
    for index in article.authors:
        name, _role, handle = archive.authors[index]
        lines += [f"Par {name}"] + ([handle] if handle else [])
    lines += [
        "",
        "A lire aussi",
        "",
        "Profitez d'un accès illimité au magazine En-contact pour moins de 3 € par semaine.",
        "Abonnez-vous maintenant",
        "×",
    ]
    return "\n".join(lines)


def search_page(archive, article):
    """002_…: "Recherche", a quoted standfirst, "Publié par le", "Lecture / 2 min"."""
    lines = ["Recherche", "", article.title, ""]
    if article.standfirst:
        lines += [f"« {article.standfirst} »", ""]
    minutes = max(1, len(article.body.split()) // 230)
    lines += ["Publié par le", "Lecture", f"{minutes} min", "  • Imprimer", "", ""]
    lines += paragraph_lines(article)
    lines += [archive.authors[index][0] for index in article.authors[:1]]
    lines += ["", "S'abonner", "au magazine", "Se connecter", "Retour haut de page"]
    return "\n".join(lines)


def interview(archive, article):
    """003_…: "Scroll Top", questions and answers, "Article réalisé par …"."""
    first = (article.interviewee or "Camille Martin").split()[0]
    lines = ["Scroll Top", "", article.title, "", first.lower(), ""]
    questions = article.questions or [archive._question(random.Random(article.index))]
    for number, paragraph in enumerate(article.paragraphs):
        if number % 3 == 0 and number // 3 < len(questions):
            question = questions[number // 3]
            prefix = f"{first.lower()}Bonjour {first}, " if number == 0 else ""
            lines += [prefix + question[:1].lower() + question[1:] if prefix else question, ""]
        lines += [paragraph, ""]
    lines += [" ", "", " ", ""]
    if article.authors:
        lines += [f"Article réalisé par {archive.authors[article.authors[0]][0]}", ""]
    lines += [".", "", "Publications similaires"]
    return "\n".join(lines)


def several_posts(archive, posts):
    """004_…: several untitled-looking posts one after another, with photo credits."""
    lines = []
    for post in posts:
        lines += [post.title, ""]
        if post.photo_credit:
            lines += [f"Crédit photo : {post.photo_credit}", ""]
        lines += paragraph_lines(post)
        lines += [" ", ""]
    return "\n".join(lines)


def paragraph_lines(article):
    lines = []
    for paragraph in article.paragraphs:
        lines += [paragraph, ""]
    return lines


LAYOUTS = [old_blog, magazine_site, search_page, magazine_site, interview, several_posts]


def write_files(directory, count, archive=None):
    """Write `count` archive files into `directory`; return how many articles they hold."""
    archive = archive or Archive()
    directory = Path(directory)
    directory.mkdir(parents=True, exist_ok=True)
    articles = 0
    for index in range(count):
        text, held = archive.file(index)
        digest = hashlib.sha256(text.encode()).hexdigest()[:16]
        (directory / f"{index:06d}_{digest}.txt").write_text(text + "\n", encoding="utf-8")
        articles += held
    return articles


# The database -------------------------------------------------------------------------------


def insert(count, archive=None, batch=2000, progress=None):
    """Insert `count` articles with their authors, issues, sections, tags, bylines and tags.

    Needs an empty, migrated database. Returns counts of the rows written.
    """
    from django.db import connection, transaction

    from articles.bodies import from_plain_text
    from articles.models import Article, ArticleAuthor, Issue, Section, Tag, TaggedArticle
    from authors.models import Author
    from authors.names import name_key
    from textkit.slugs import ascii_slug

    archive = archive or Archive()
    if Article.objects.exists():
        raise RuntimeError("The benchmark database already holds articles.")

    with transaction.atomic():
        sections = {
            name: Section.objects.create(name=name) for name in dict.fromkeys(SECTIONS.values())
        }
        authors = Author.objects.bulk_create(
            Author(name=name, name_key=name_key(name), slug=ascii_slug(name), role=role, handle=h)
            for name, role, h in archive.authors
        )
        Issue.objects.bulk_create(
            Issue(number=number, title=f"Numéro {number}", published_on=published)
            for number, published in archive.issues
        )
        issues = dict(Issue.objects.values_list("number", "pk"))
        tags = Tag.objects.bulk_create(
            Tag(name=name, slug=ascii_slug(name, 90)) for name in archive.tags
        )

    now = datetime.now(UTC)
    slugs = set()
    rows = {Article: [], ArticleAuthor: [], TaggedArticle: []}
    written = dict.fromkeys(rows, 0)
    pictured = 0
    for index in range(count):
        item = archive.article(index, count)
        article_id = index + 1
        published_at = item.published_at
        if archive.scheduled(index) and item.status == "published":
            published_at = now + timedelta(days=1 + index % 60)
        slug = ascii_slug(item.title, 190) or "sans-titre"
        if slug in slugs:
            slug = f"{slug}-{article_id}"
        slugs.add(slug)
        article = Article(
            id=article_id,
            title=item.title,
            slug=slug,
            standfirst=item.standfirst,
            body=from_plain_text(item.body),
            kind=item.kind,
            interviewee=item.interviewee,
            issue_id=issues.get(item.issue),
            issue_position=index % 40,
            section_id=sections[SECTIONS[item.kind]].pk,
            status=item.status,
            published_at=published_at,
            created_at=published_at or now,
            updated_at=published_at or now,
            reading_minutes=reading_minutes(item.standfirst, item.body),
            # Given with its width and height, the image's file is never opened (there is none).
            **(asdict(item.image) if item.image else {"photo_credit": item.photo_credit}),
        )
        article.render_body()  # as the importer does: the archive's text is plain
        pictured += bool(item.image)
        rows[Article].append(article)
        rows[ArticleAuthor] += [
            ArticleAuthor(article_id=article_id, author_id=authors[a].pk, position=position)
            for position, a in enumerate(item.authors)
        ]
        rows[TaggedArticle] += [
            TaggedArticle(
                content_object_id=article_id, tag_id=tags[t].pk, suggested=t in item.suggested
            )
            for t in item.tags
        ]
        if len(rows[Article]) >= batch or index == count - 1:
            with transaction.atomic():
                for model, objects in rows.items():
                    write_rows(connection, model, objects)
                    written[model] += len(objects)
                    objects.clear()
            if progress:
                progress(index + 1)

    reset_sequences(connection, [Article, ArticleAuthor, TaggedArticle])
    # Rows written in bulk sent no signal: count the archive as `manage.py rebuild_counts` does.
    from articles import counters

    counters.rebuild()
    analyse(connection)
    return {
        "articles": written[Article],
        "lead_images": pictured,
        "bylines": written[ArticleAuthor],
        "taggings": written[TaggedArticle],
        "authors": len(authors),
        "issues": len(issues),
        "tags": len(tags),
        "sections": len(sections),
    }


def reading_minutes(*texts):
    from articles.models import reading_minutes as minutes

    return minutes(*texts)


def insertable_fields(model):
    return [
        field
        for field in model._meta.local_concrete_fields
        if not getattr(field, "generated", False) and field.name != "search_vector"
    ]


def write_rows(connection, model, objects):
    """Write model instances without the ORM's per-row work: COPY on PostgreSQL, else
    multi-row INSERTs. Values go through each field's own preparation for the database."""
    if not objects:
        return
    fields = insertable_fields(model)
    if objects[0].pk is None:  # let the database number the rows
        fields = [field for field in fields if not field.primary_key]
    table = connection.ops.quote_name(model._meta.db_table)
    columns = ", ".join(connection.ops.quote_name(field.column) for field in fields)
    values = (
        [field.get_db_prep_save(getattr(obj, field.attname), connection) for field in fields]
        for obj in objects
    )
    with connection.cursor() as cursor:
        if connection.vendor == "postgresql":
            with cursor.cursor.copy(f"COPY {table} ({columns}) FROM STDIN") as copy:
                for row in values:
                    copy.write_row(row)
        else:
            # SQLite allows 32766 parameters per statement; stay well below it.
            per_statement = max(1, 900 // len(fields))
            values = list(values)
            for start in range(0, len(values), per_statement):
                chunk = values[start : start + per_statement]
                marks = ", ".join(["(" + ", ".join(["%s"] * len(fields)) + ")"] * len(chunk))
                cursor.execute(
                    f"INSERT INTO {table} ({columns}) VALUES {marks}",
                    [value for row in chunk for value in row],
                )


def reset_sequences(connection, models):
    from django.core.management.color import no_style

    statements = connection.ops.sequence_reset_sql(no_style(), models)
    with connection.cursor() as cursor:
        for statement in statements:
            cursor.execute(statement)


def analyse(connection):
    """Leave the tables as autovacuum would shortly after a bulk load: statistics gathered and,
    on PostgreSQL, the GIN index's pending list merged (VACUUM needs autocommit; inside a
    transaction, as in tests, ANALYZE alone)."""
    with connection.cursor() as cursor:
        if connection.vendor == "postgresql" and not connection.in_atomic_block:
            cursor.execute("VACUUM ANALYZE")
        else:
            cursor.execute("ANALYZE")


def insert_task(count, seed=SEED):
    """bench.worker task: fill the (empty, migrated) database with `count` articles."""
    import sys
    import time

    started = time.perf_counter()

    def progress(done):
        print(f"  … {done} articles", file=sys.stderr, flush=True)

    counts = insert(count, Archive(seed), progress=progress if count >= 20000 else None)
    counts["seconds"] = round(time.perf_counter() - started, 1)
    return counts
