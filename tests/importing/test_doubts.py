"""The review flag: which readings the parser doubts (flagged « à relire »), and which plain
absences it only notes. Hand-made pages, one doubt each, with the twin page that has none."""

from articles.importing import parse_text
from articles.importing.furniture import is_comment_form, starts_comments
from articles.importing.metadata import section_name

LONG = (
    "Les centres de contacts changent de visage depuis dix ans, sous la pression des clients "
    "qui veulent des réponses rapides et justes, et des directions qui comptent chaque minute "
    "passée au téléphone comme une dépense à réduire plutôt qu'un lien à soigner."
)
LONG_2 = (
    "Les directions de la relation client investissent donc dans la formation, les outils et "
    "la qualité du service rendu à chaque appel, avec des résultats inégaux selon les secteurs "
    "et une attention nouvelle portée aux conseillers eux-mêmes, longtemps oubliés des plans."
)
DATE_LINE = "Publié le 3 mars 2020 à 10:00 par Magazine En-Contact"


def page(*lines):
    return "\n\n".join(lines) + "\n"


def only(text):
    parsed = parse_text(text)
    assert len(parsed.articles) == 1, [a.title for a in parsed.articles]
    return parsed.articles[0]


def doubts(article, word):
    return [warning for warning in article.warnings if word in warning]


def test_a_page_that_only_lacks_an_author_and_an_issue_is_not_flagged():
    article = only(page("Le plateau de Vannes", DATE_LINE, LONG, LONG_2))
    assert (article.warnings, article.needs_review) == ([], False)
    assert len(article.notes) == 2  # no author, no issue number: noted, not doubted


def test_a_date_alone_inside_the_text_may_open_another_post():
    article = only(page("Le plateau de Vannes", DATE_LINE, LONG, "vendredi 3 juin 2011", LONG_2))
    assert doubts(article, "Date seule dans le texte") == [
        "Date seule dans le texte : « vendredi 3 juin 2011 » : début d'un autre article ?"
    ]
    assert article.needs_review


def test_a_short_heading_is_no_doubt_dated_or_not():
    undated = only(page("Le plateau de Vannes", LONG, "Consolidation", LONG_2))
    dated = only(page("Le plateau de Vannes", DATE_LINE, LONG, "Consolidation", LONG_2))
    assert doubts(undated, "Intertitre") == []
    assert doubts(dated, "Intertitre") == []


def test_a_short_sentence_above_a_long_paragraph_may_be_a_caption():
    caption = "Le documentaire sort en DVD cette semaine."
    article = only(page("Le plateau de Vannes", DATE_LINE, caption, LONG, LONG_2))
    assert article.body.startswith(caption)
    assert doubts(article, "commence par une phrase courte") == [
        f"Le texte commence par une phrase courte : « {caption} » : légende, chapô ou début "
        "du texte ?"
    ]


def test_a_long_opening_paragraph_raises_no_opening_doubt():
    article = only(page("Le plateau de Vannes", DATE_LINE, LONG, LONG_2, LONG))
    assert doubts(article, "phrase courte") == []


def test_the_comment_form_and_a_count_above_a_commenter_end_the_text():
    signed = page(
        "Le plateau de Vannes",
        DATE_LINE,
        LONG,
        LONG_2,
        "Élodie Marchetti",
        "Un commentaire",
        "Bernard R.",
        "4 octobre 2016 à 09:12",
        "Bravo pour cet article, je reconnais bien mon ancien plateau et ses habitudes.",
        "Laisser un commentaire",
        "Votre adresse e-mail ne sera pas publiée. Les champs obligatoires sont indiqués avec *",
    )
    article = only(signed)
    assert article.body == f"{LONG}\n\n{LONG_2}"
    assert [author.name for author in article.authors] == ["Élodie Marchetti"]


def test_comment_headings_by_rule():
    assert starts_comments("un commentaire", counted=True)
    assert not starts_comments("un commentaire")  # a counter in a post's header
    assert starts_comments("2 reponses a « le titre »")
    assert starts_comments("one comment on « le titre »")
    assert starts_comments("sandrine dit :")
    assert not starts_comments("sandrine dit que le plateau ferme :")
    assert is_comment_form("laisser un commentaire")
    assert is_comment_form("votre adresse e-mail ne sera pas publiee.")
    assert not is_comment_form("votre adresse a change : prevenez votre conseiller.")


INTERVIEW = ("En-Contact : Par où avez-vous commencé ?", LONG_2, "Et ensuite ?", LONG)


def test_an_introduction_above_an_interviews_first_question_is_doubted():
    """In the author's own voice, it is the text's first paragraph, but perhaps the chapô."""
    introduction = "Je l'ai rencontrée un matin de juin. " + LONG
    title = "Rencontre avec une directrice de plateau"
    article = only(page(title, DATE_LINE, introduction, *INTERVIEW))
    assert (article.standfirst, doubts(article, "Introduction d'une interview") != []) == (
        None,
        True,
    )


def test_an_introduction_of_several_lines_under_an_interviews_standfirst_is_doubted():
    summary = "Une directrice de plateau raconte vingt ans de métier, de Lille à Rabat."
    lines = "\n".join(["Rencontre avec une directrice de plateau", summary, LONG, *INTERVIEW])
    article = only(lines + "\n")
    assert (article.standfirst, doubts(article, "Introduction d'une interview") != []) == (
        summary,
        True,
    )


def test_a_single_question_under_the_opening_is_a_subheading_not_an_interview():
    summary = (
        "Une enquête de six mois sur les numéros de recrutement des grandes enseignes, ces lignes "
        "censées accueillir les candidats. Nous avons appelé quarante fois, à toute heure, en "
        "semaine comme le samedi. Personne ne répond, ou presque, et les annonces continuent."
    )
    lines = ["Personne ne décroche", summary, "Le numéro de l'indifférence ?", LONG, LONG_2]
    article = only("\n".join(lines) + "\n")
    assert (article.standfirst, article.body.startswith("Une enquête")) == (None, True)
    assert doubts(article, "Introduction d'une interview") == []


def test_an_interviews_long_introduction_is_the_text_and_doubted():
    introduction = f"{LONG} {LONG_2} {LONG}"
    answer = f"{LONG_2} {LONG} {LONG_2}"  # a summary announces a longer text
    questions = ("Par où avez-vous commencé ?", "Et ensuite ?", "Pourquoi ?")
    interview = [line for question in questions for line in (question, answer)]
    article = only(page("Rencontre avec une directrice", DATE_LINE, introduction, *interview))
    assert (article.standfirst, doubts(article, "Introduction d'une interview") != []) == (
        None,
        True,
    )


def test_a_long_title_and_a_removed_caption_are_notes_that_flag_nothing():
    long_title = " ".join(["Les centres d’appels recrutent"] * 5)
    article = only(page(long_title, DATE_LINE, LONG, LONG_2))
    assert ([n for n in article.notes if "Titre très long" in n] != [], article.needs_review) == (
        True,
        False,
    )
    caption = "Marc Lenoir"
    article = only(page("Le plateau de Vannes", DATE_LINE, LONG, caption, LONG_2, LONG))
    removed = [note for note in article.notes if "Légende d'image retirée" in note]
    assert (removed, article.needs_review) == ([f"Légende d'image retirée : « {caption} »."], False)


def test_a_title_ending_on_a_full_stop_is_no_doubt():
    assert not doubts(only(page("Ceux qui décrochent.", DATE_LINE, LONG, LONG_2)), "un point")


def test_several_categories_are_a_note_naming_the_section_not_a_doubt():
    header = "This article was written on 4 Nov 2008, and is filled under Presse, Editos."
    article = only(page("AMBUSH", header, "Le titre du billet", LONG))
    noted = [note for note in article.notes if note.startswith("Plusieurs rubriques")]
    assert (article.category, noted, doubts(article, "rubrique")) == (
        "Presse, Editos",
        ["Plusieurs rubriques : « Presse, Editos » : l'article est rangé dans « Editos »."],
        [],
    )


def test_the_blog_engines_default_category_goes_beside_a_real_one():
    header = "Posted by equipe on nov 25, 2010 in {} | 0 comments"
    beside = only(page("Le titre du billet", header.format("Non classé, Presse"), LONG))
    alone = only(page("Le titre du billet", header.format("Non classé"), LONG))
    assert (beside.category, alone.category) == ("Non classé, Presse", "Non classé")
    assert (section_name(beside.category), section_name(alone.category)) == (
        "Presse",
        "Non classé",
    )


def test_a_name_and_role_under_a_quoted_title_may_be_the_interviewee():
    quoted = only(
        page(
            "« On ne pilote pas un plateau au tableur »",
            "CLAIRE MORIN, Directrice de la rédaction",
            LONG,
        )
    )
    plain = only(page("Le plateau de Vannes", "CLAIRE MORIN, Directrice de la rédaction", LONG))
    assert [author.name for author in quoted.authors] == ["Claire Morin"]
    assert doubts(quoted, "auteur ou interviewé") != []
    assert doubts(plain, "auteur ou interviewé") == []


def test_a_text_ending_on_two_short_unfinished_lines_is_doubted():
    """Buttons or links the rules do not know, left under the text."""
    buttons = ["Nos offres d'emploi en région", "Toutes les vidéos du salon"]
    article = only(page("Le plateau de Vannes", DATE_LINE, LONG, LONG_2, *buttons))
    assert (len(doubts(article, "lignes courtes")), article.needs_review) == (1, True)


def test_a_text_ending_on_two_short_questions_is_not():
    article = only(
        page("Le plateau de Vannes", DATE_LINE, LONG, LONG_2, "Qui écoute ?", "Et après ?")
    )
    assert doubts(article, "lignes courtes") == []


def test_a_name_left_near_the_end_of_an_unsigned_text_is_doubted():
    """A signature the rules missed, under which stands something they did not know."""
    ending = ["Claire Dumont", "Toutes les vidéos du salon de Lyon, en accès libre"]
    article = only(page("Le plateau de Vannes", DATE_LINE, LONG, LONG_2, *ending))
    assert (article.authors, len(doubts(article, "Nom seul"))) == ([], 1)


def test_a_name_in_a_text_with_a_byline_is_not():
    ending = ["Claire Dumont", "Toutes les vidéos du salon de Lyon, en accès libre"]
    bylined = page("Le plateau de Vannes", DATE_LINE, "Par Paul Mercier", LONG, LONG_2, *ending)
    assert doubts(only(bylined), "Nom seul") == []


AMBUSH_HEAD = [
    "AMBUSH",
    "Information",
    "This article was written on 16 Jun 2008, and is filled under Articles rédigés.",
    "Current post is tagged",
    ", , ,",
]


def test_a_title_with_no_point_for_it_is_doubted():
    """A page whose headline went missing: the banner is the best line left."""
    article = only(page(*AMBUSH_HEAD, LONG, LONG_2))
    assert len(doubts(article, "faute de mieux")) == 1


def test_a_title_in_its_slot_under_the_header_is_not():
    article = only(page(*AMBUSH_HEAD, "Le plateau de Vannes", LONG, LONG_2))
    assert (article.title, doubts(article, "faute de mieux")) == ("Le plateau de Vannes", [])


TEASER = (
    "Des conseillers des renseignements se sont reconvertis dans le recouvrement. "
    "À Dakhla, un festival attire désormais les recruteurs."
)
NEWER = ("Le recouvrement depuis Agadir", DATE_LINE, "Le recouvrement depuis Agadir")


def test_a_teaser_of_sentences_above_the_photo_is_doubted():
    article = only(page(*NEWER, TEASER, "Siham Bennani, © En-Contact", LONG, LONG_2))
    assert (article.standfirst, article.body.startswith(TEASER)) == (None, True)
    assert doubts(article, "au-dessus de la photo")


def test_the_same_paragraph_without_a_photo_under_it_is_not():
    article = only(page(*NEWER, TEASER, LONG, LONG_2))
    assert not doubts(article, "au-dessus de la photo")


def test_a_path_for_a_title_is_doubted():
    article = only(page("En-Contact n°58 > indiscrétions", LONG, LONG_2))
    assert doubts(article, "Titre en forme de chemin")


def test_a_title_without_a_path_is_not():
    article = only(page("Indiscrétions : le B2B>B2C des plateaux", LONG, LONG_2))
    assert not doubts(article, "Titre en forme de chemin")
