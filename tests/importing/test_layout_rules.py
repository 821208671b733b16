"""The layout rules of the archive parser, one test each: the pattern and a near neighbour that
must not trigger it. Every page here is made up for the test."""

from datetime import date, datetime
from zoneinfo import ZoneInfo

import pytest

from articles.importing import parse_text
from articles.importing.parser import explain_bytes

PARIS = ZoneInfo("Europe/Paris")
OPENING = (
    "Les plateaux de la côte atlantique ont embauché plus de quatre cents conseillers cette "
    "année, surtout pour les services bancaires et les assurances de proximité."
)
MIDDLE = (
    "Les encadrants, eux, réclament des outils plus simples et des formations plus longues, "
    "faute de quoi les nouveaux venus repartent au bout de quelques semaines de travail."
)
CLOSING = (
    "Reste à savoir si les donneurs d’ordres accepteront de payer le prix de cette qualité "
    "retrouvée, quand leurs appels d’offres regardent encore le coût à la minute."
)
SHORT_SUMMARY = "Une enquête sur les recrutements des plateaux de l’Ouest, ville par ville."


def page(*lines):
    return "\n\n".join(lines) + "\n"


def glued(*lines):
    """A page without blank lines, as some scrapes give them."""
    return "\n".join(lines) + "\n"


def only(text):
    parsed = parse_text(text)
    assert len(parsed.articles) == 1, [a.title for a in parsed.articles]
    return parsed.articles[0]


def titles(text):
    return [article.title for article in parse_text(text).articles]


def authors(article):
    return [(a.name, a.role) for a in article.authors]


def roles(text):
    explained, _parsed = explain_bytes(text.encode())
    return {line: role for _number, role, _reason, line in explained}


# Issue lines ------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("line", "category", "issue"),
    [
        ("Édito n°84 /", "Édito", 84),
        ("Edito N°101 / ", "Edito", 101),
        ("Edito – En-Contact 57", "Edito", 57),
        ("Édito : En-Contact 62", "Édito", 62),
        ("N° 95 – mai 2016", None, 95),
    ],
)
def test_an_issue_line_in_any_spelling_gives_the_issue_and_section(line, category, issue):
    article = only(page("Le prix de la patience", line, OPENING))
    assert (article.category, article.issue_number, article.body) == (category, issue, OPENING)


def test_a_sentence_naming_an_issue_and_its_month_is_text():
    sentence = "Le numéro 95 – mai 2016 a été tiré à trois mille exemplaires pour les abonnés."
    article = only(page("Le prix de la patience", sentence, OPENING))
    assert (article.issue_number, article.body) == (None, f"{sentence}\n\n{OPENING}")


def test_a_title_after_an_issue_line_and_a_colon_is_split_off_as_the_title():
    article = only(page("Edito du magazine #48 : Les plateaux de demain", OPENING, MIDDLE))
    assert (article.title, article.category, article.issue_number) == (
        "Les plateaux de demain",
        "Edito",
        48,
    )


def test_a_number_and_a_colon_without_a_section_or_the_magazine_stay_in_the_title():
    article = only(page("Le ticket #48 : un client attend toujours", OPENING, MIDDLE))
    assert (article.title, article.issue_number) == (
        "Le ticket #48 : un client attend toujours",
        None,
    )


def test_a_first_sentence_glued_after_an_issue_line_is_the_text():
    article = only(page("Le prix de la patience", "Édito – En-Contact 60 : " + OPENING, MIDDLE))
    assert (article.category, article.issue_number, article.body) == (
        "Édito",
        60,
        f"{OPENING}\n\n{MIDDLE}",
    )


def test_a_number_and_a_colon_glued_to_a_sentence_without_a_section_are_text():
    line = "Salle 60 : " + OPENING
    article = only(page("Le prix de la patience", line, MIDDLE))
    assert (article.issue_number, article.body) == (None, f"{line}\n\n{MIDDLE}")


# Headers of blog posts --------------------------------------------------------------------

POSTED = "Posted by equipe118 on nov 22, 2010 in Coulisses | 0 comments"


def test_a_posted_by_header_gives_the_date_and_the_category():
    article = only(page("Le tournage reprend", POSTED, OPENING))
    assert (article.published, article.category, article.authors, article.body) == (
        date(2010, 11, 22),
        "Coulisses",
        [],
        OPENING,
    )


def test_a_first_sentence_glued_to_a_posted_by_header_is_split_off():
    article = only(page("Le tournage reprend", POSTED + OPENING, MIDDLE))
    assert (article.published, article.body) == (date(2010, 11, 22), f"{OPENING}\n\n{MIDDLE}")


def test_a_sentence_that_starts_with_posted_is_not_a_header():
    sentence = "Posted on the wall of the canteen, the schedule changed every single week there."
    article = only(page("Le tournage reprend", sentence, OPENING))
    assert (article.published, article.body) == (None, f"{sentence}\n\n{OPENING}")


def test_a_sentence_opening_with_publie_par_is_text():
    line = (
        "Publié par la fédération en début d’année, ce rapport a été lu par toutes les directions."
    )
    article = only(page("Le tournage reprend", OPENING, line, MIDDLE))
    assert article.body == f"{OPENING}\n\n{line}\n\n{MIDDLE}"


def test_a_dated_line_by_the_magazine_names_its_publisher_not_an_author():
    article = only(
        page("Le tournage reprend", "Le 9 septembre 2010 par Magazine En-Contact", OPENING)
    )
    assert (article.published, article.authors, article.warnings) == (date(2010, 9, 9), [], [])


def test_a_dated_line_by_a_person_names_the_author_with_a_warning():
    article = only(page("Le tournage reprend", "Le 17 novembre 2010 par Julien Morvan", OPENING))
    assert (article.published, authors(article)) == (date(2010, 11, 17), [("Julien Morvan", None)])
    assert article.warnings == [
        "Auteur tiré de la ligne de publication (« par Julien Morvan ») : à vérifier."
    ]


def test_a_reprint_source_line_gives_the_date():
    article = only(page("Le tournage reprend", "LA GAZETTE DU PORT / Le 19/11/2010", OPENING))
    assert (article.published, article.body) == (date(2010, 11, 19), OPENING)


def test_a_sentence_with_a_date_is_not_a_source_line():
    sentence = "Le conseil a voté le 19/11/2010 la fermeture du site."
    article = only(page("Le tournage reprend", sentence, OPENING))
    assert (article.published, article.body) == (None, f"{sentence}\n\n{OPENING}")


def test_a_newspaper_byline_gives_author_section_and_date():
    line = "Par JEANNE MARTIN     l Société 12/03/2011 à 00h00"
    article = only(page("Le tournage reprend", line, OPENING))
    assert (authors(article), article.category, article.published, article.body) == (
        [("Jeanne Martin", None)],
        "Société",
        datetime(2011, 3, 12, 0, 0, tzinfo=PARIS),
        OPENING,
    )


def test_a_dated_byline_without_a_separator_has_no_section():
    article = only(page("Le tournage reprend", "Par JEANNE MARTIN, le 12/03/2011", OPENING))
    assert (authors(article), article.category, article.published) == (
        [("Jeanne Martin", None)],
        None,
        date(2011, 3, 12),
    )


def test_a_byline_after_a_dash_at_the_end_of_the_title_is_split_off():
    article = only(page("Les plateaux de demain – par Manuel Jacquinet", OPENING))
    assert (article.title, authors(article)) == (
        "Les plateaux de demain",
        [("Manuel Jacquinet", None)],
    )


def test_par_after_a_dash_in_a_title_without_a_name_stays_in_the_title():
    article = only(page("Voyager – par monts et par vaux", OPENING))
    assert (article.title, article.authors) == ("Voyager – par monts et par vaux", [])


def test_an_update_date_is_the_publication_date_when_it_is_the_only_date():
    article = only(page("Le tournage reprend", "Mis à jour le 5 juin 2015", OPENING))
    assert (article.published, article.updated) == (date(2015, 6, 5), date(2015, 6, 5))


def test_an_update_date_does_not_replace_a_publication_date():
    text = page(
        "Le tournage reprend", "Publié le 1 juin 2015", "Mis à jour le 5 juin 2015", OPENING
    )
    article = only(text)
    assert (article.published, article.updated) == (date(2015, 6, 1), date(2015, 6, 5))


# Titles -----------------------------------------------------------------------------------


@pytest.mark.parametrize("banner", [["AMBUSH"], ["Recherche", "Magazine Côte Client", "S'abonner"]])
def test_the_sites_banner_above_the_title_leaves_without_a_warning(banner):
    article = only(page(*banner, "Le prix de la patience", OPENING))
    assert (article.title, article.body, article.warnings) == (
        "Le prix de la patience",
        OPENING,
        [],
    )


def test_a_line_above_the_title_that_is_no_banner_leaves_with_a_warning():
    text = page(
        "Notre série d’été",
        "Le prix de la patience",
        "Publié le 3 mars 2020",
        "Le prix de la patience",
        OPENING,
    )
    article = only(text)
    assert (article.title, article.warnings) == (
        "Le prix de la patience",
        ["Texte retiré au-dessus du titre : « Notre série d’été »."],
    )


def test_a_title_repeated_under_the_date_line_is_said_once():
    article = only(page("Les casques de Brest", "Le 4 mai 2012", "Les casques de Brest", OPENING))
    assert (article.title, article.published, article.body) == (
        "Les casques de Brest",
        date(2012, 5, 4),
        OPENING,
    )


AMBUSH_HEADER = (
    "AMBUSH",
    "Information",
    "This article was written on 03 Mars 2007, and is filled under Editos.",
)


@pytest.mark.parametrize(
    "heading",
    [
        "Les conseillers ont tenu bon,",
        "Les conseillers ont tenu bon.",
        "Les conseillers ont tenu bon",
    ],
)
def test_the_line_under_the_ambush_header_is_the_title_whatever_its_end(heading):
    article = only(page(*AMBUSH_HEADER, heading, OPENING, MIDDLE))
    assert (article.title, article.published, article.body) == (
        heading,
        date(2007, 3, 3),
        f"{OPENING}\n\n{MIDDLE}",
    )


def test_a_short_line_ending_with_a_period_between_paragraphs_is_text_not_a_title():
    line = "Les conseillers ont tenu bon."
    article = only(page(*AMBUSH_HEADER, "Le prix de la patience", OPENING, line, MIDDLE))
    assert (article.title, article.body) == (
        "Le prix de la patience",
        f"{OPENING}\n\n{line}\n\n{MIDDLE}",
    )


def test_the_first_line_of_a_page_without_blank_lines_is_the_title():
    article = only(glued("Le prix de la patience", OPENING, MIDDLE))
    assert (article.title, article.body, article.warnings) == (
        "Le prix de la patience",
        f"{OPENING}\n\n{MIDDLE}",
        [],
    )


def test_a_quoted_first_line_is_the_title_quotes_and_all():
    heading = "“Le client n’attend plus. Il raccroche.”"
    article = only(page(heading, OPENING, MIDDLE))
    assert (article.title, article.body) == (heading, f"{OPENING}\n\n{MIDDLE}")


def test_a_quoted_line_under_a_title_is_the_standfirst_not_the_title():
    quoted = "“Le client n’attend plus. Il raccroche.”"
    article = only(page("Le prix de la patience", quoted, OPENING, MIDDLE))
    assert (article.title, article.standfirst) == (
        "Le prix de la patience",
        "Le client n’attend plus. Il raccroche.",
    )


def test_a_title_with_a_kicker_is_the_title_when_the_page_repeats_it():
    heading = "Tribune. Le coût caché des plateaux"
    article = only(page(heading, "Publié le 3 mars 2020", heading, OPENING, MIDDLE))
    assert (article.title, article.body) == (heading, f"{OPENING}\n\n{MIDDLE}")


def test_a_first_line_with_a_kicker_and_no_full_stop_is_the_title_said_once():
    article = only(page("Tribune. Le coût caché des plateaux", OPENING, MIDDLE))
    assert article.title == "Tribune. Le coût caché des plateaux"
    assert article.warnings == []


def test_a_first_line_of_two_finished_sentences_said_once_is_a_guessed_title():
    article = only(page("Tribune. Le coût caché des plateaux.", OPENING, MIDDLE))
    assert (article.title, article.body.startswith(OPENING), article.warnings) == (
        "Tribune. Le coût caché des plateaux.",
        True,
        ["Titre deviné (la première ligne de la page) : à vérifier."],
    )


# Standfirsts ------------------------------------------------------------------------------

LONG = f"{OPENING} {MIDDLE}"


@pytest.mark.parametrize(
    "after",
    [
        ["Marc Lenoir – © Studio Brune"],
        ["Par Anne Martin"],
        ["Partager", "Imprimer"],
    ],
)
def test_a_summary_under_the_title_is_the_standfirst(after):
    article = only(page("Le prix de la patience", SHORT_SUMMARY, *after, LONG, CLOSING))
    assert (article.standfirst, article.body) == (SHORT_SUMMARY, f"{LONG}\n\n{CLOSING}")


def test_a_summary_above_an_interviews_first_question_is_the_standfirst():
    text = page(
        "Entretien avec Paul Marchand",
        SHORT_SUMMARY,
        "Pourquoi avoir choisi Brest ?",
        LONG,
        "Et demain ?",
        CLOSING,
    )
    assert only(text).standfirst == SHORT_SUMMARY


def test_a_summary_under_the_sites_empty_publication_line_is_the_standfirst():
    article = only(page("Le prix de la patience", "Publié le par", SHORT_SUMMARY, LONG, CLOSING))
    assert (article.standfirst, article.body) == (SHORT_SUMMARY, f"{LONG}\n\n{CLOSING}")


@pytest.mark.parametrize(
    "opening",
    [
        "Une enquête que je mène depuis l’an dernier sur les plateaux, ville par ville.",
        "Regardons les recrutements des plateaux de l’Ouest, ville par ville, sans fard.",
        "Mardi 9 avril, 9h40. Les conseillers arrivent sur le plateau de Lorient.",
    ],
)
def test_an_opening_in_the_authors_voice_or_a_dateline_is_the_text(opening):
    text = page("Le prix de la patience", opening, "Marc Lenoir – © Studio Brune", LONG, CLOSING)
    article = only(text)
    assert (article.standfirst, article.body) == (None, f"{opening}\n\n{LONG}\n\n{CLOSING}")


def test_the_first_words_under_an_editorials_issue_line_are_the_text():
    text = page(
        "Le prix de la patience",
        "Édito n°84 /",
        SHORT_SUMMARY,
        "Marc Lenoir – © Studio Brune",
        LONG,
    )
    article = only(text)
    assert (article.standfirst, article.body) == (None, f"{SHORT_SUMMARY}\n\n{LONG}")


def test_a_first_paragraph_as_long_as_the_next_is_no_standfirst():
    opening = (
        "Les sous-traitants de la région rappellent que leurs marges restent faibles cette année."
    )
    following = "Chaque départ coûte cher en formation et les plateaux de nuit recrutent mal."
    article = only(page("Le prix de la patience", opening, following, following))
    assert (article.standfirst, article.body) == (None, f"{opening}\n\n{following}\n\n{following}")


def test_a_first_sentence_shorter_than_the_paragraphs_after_it_is_the_standfirst():
    opening = (
        "Les sous-traitants de la région rappellent que leurs marges restent faibles cette année."
    )
    article = only(page("Le prix de la patience", opening, LONG, CLOSING))
    assert (article.standfirst, article.body) == (opening, f"{LONG}\n\n{CLOSING}")


def test_the_posts_of_a_multi_post_page_have_no_standfirst():
    post = ("Marc Lenoir – © Studio Brune", LONG, CLOSING)
    text = page(
        "Le quai de Lorient",
        "Publié le 4 mai 2012",
        SHORT_SUMMARY,
        *post,
        "Les casques de Brest",
        "Publié le 2 mai 2012",
        SHORT_SUMMARY,
        *post,
    )
    parsed = parse_text(text)
    assert [(a.title, a.standfirst) for a in parsed.articles] == [
        ("Le quai de Lorient", None),
        ("Les casques de Brest", None),
    ]


# Captions ---------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("line", "credit"),
    [
        ("Marc Lenoir – © Studio Brune", "Studio Brune"),
        ("Marc Lenoir, © Studio Brune", "Studio Brune"),
        ("Le quai de Lorient au petit matin / Photo Claire Besson", "Claire Besson"),
    ],
)
def test_a_caption_ending_with_its_credit_gives_the_credit(line, credit):
    article = only(page("Le prix de la patience", OPENING, line, MIDDLE))
    assert (article.photo_credit, article.body) == (credit, f"{OPENING}\n\n{MIDDLE}")


@pytest.mark.parametrize(
    "line",
    [
        "Awa Ndiaye, superviseure chez Ouest Appels",
        "Léa, vingt ans, au casque depuis septembre",
        "Sur le quai de Lorient. Les équipes du matin prennent le relais.",
    ],
)
def test_a_caption_between_two_paragraphs_leaves_the_body_as_a_caption(line):
    text = page("Le prix de la patience", OPENING, line, MIDDLE)
    assert (only(text).body, roles(text)[line]) == (f"{OPENING}\n\n{MIDDLE}", "légende")


@pytest.mark.parametrize(
    "line",
    [
        "Un marché en mutation",
        "Awa Ndiaye, pourquoi Lorient ?",
        "Sur le fond, rien ne change vraiment pour les conseillers de nuit.",
    ],
)
def test_a_subheading_a_question_or_a_short_sentence_between_paragraphs_stays(line):
    article = only(page("Le prix de la patience", OPENING, line, MIDDLE))
    assert article.body == f"{OPENING}\n\n{line}\n\n{MIDDLE}"


def test_a_short_line_just_above_the_postscript_is_a_caption():
    article = only(
        page("Le prix de la patience", OPENING, "Une équipe au travail", "PS : merci à Lorient.")
    )
    assert article.body == f"{OPENING}\n\nPS : merci à Lorient."


def test_a_sentence_just_above_the_postscript_stays():
    line = "Une équipe au travail, enfin."
    article = only(page("Le prix de la patience", OPENING, line, "PS : merci à Lorient."))
    assert article.body == f"{OPENING}\n\n{line}\n\nPS : merci à Lorient."


# Signatures -------------------------------------------------------------------------------


def test_two_signers_share_the_plural_role_under_them():
    text = page(
        "Le prix de la patience",
        OPENING,
        MIDDLE,
        "Claire Martin et Paul DURAND",
        "Consultants associés",
    )
    article = only(text)
    assert (authors(article), article.body) == (
        [("Claire Martin", "Consultants associés"), ("Paul Durand", "Consultants associés")],
        f"{OPENING}\n\n{MIDDLE}",
    )


def test_initials_as_the_last_line_sign_the_text():
    article = only(page("Le prix de la patience", OPENING, MIDDLE, "M. R."))
    assert (authors(article), article.body) == ([("M. R.", None)], f"{OPENING}\n\n{MIDDLE}")


def test_initials_opening_a_sentence_do_not_sign_it():
    line = "M. R. a suivi le dossier."
    article = only(page("Le prix de la patience", OPENING, MIDDLE, line))
    assert (article.authors, article.body) == ([], f"{OPENING}\n\n{MIDDLE}\n\n{line}")


def test_a_role_with_initials_is_removed_without_naming_an_author():
    article = only(page("Le prix de la patience", OPENING, MIDDLE, "Le rédacteur en chef, mj."))
    assert (article.authors, article.body) == ([], f"{OPENING}\n\n{MIDDLE}")


def test_a_bare_name_as_the_last_line_of_a_page_without_blank_lines_signs_it():
    article = only(glued("Le prix de la patience", OPENING, MIDDLE, "Claire Vasseur"))
    assert (authors(article), article.body) == (
        [("Claire Vasseur", None)],
        f"{OPENING}\n\n{MIDDLE}",
    )


def test_a_short_phrase_as_the_last_line_of_a_page_without_blank_lines_is_a_doubt():
    article = only(glued("Le prix de la patience", OPENING, MIDDLE, "Bon courage"))
    assert (article.authors, article.body) == ([], f"{OPENING}\n\n{MIDDLE}\n\nBon courage")
    assert article.needs_review


def test_a_name_and_a_capitalised_title_under_the_title_sign_the_article():
    text = page(
        "Le prix de la patience", "CLAIRE VASSEUR, Directrice de la rédaction", OPENING, MIDDLE
    )
    article = only(text)
    assert (authors(article), article.body) == (
        [("Claire Vasseur", "Directrice de la rédaction")],
        f"{OPENING}\n\n{MIDDLE}",
    )


def test_a_name_and_a_lowercase_job_under_the_title_is_no_signature():
    line = "Awa Ndiaye, superviseure chez Ouest Appels"
    article = only(page("Le prix de la patience", line, OPENING, MIDDLE))
    assert article.authors == []


# Furniture --------------------------------------------------------------------------------


@pytest.mark.parametrize(
    "line",
    [
        "J’aime chargement…",
        "No Comments »",
        "[divider top=”0″]",
        "[caption id=”attachment_12″ align=”alignleft”] Le quai de Lorient – © Studio Brune"
        "[/caption]",
        "couv-114-web-2",
        "( Archives magazine En-Contact, année 2016 )",
        "Source : La Gazette du Port",
        "Posts Tagged ‘Bretagne’",
    ],
)
def test_a_line_of_site_furniture_leaves_the_body(line):
    article = only(page("Le prix de la patience", OPENING, line, MIDDLE))
    assert article.body == f"{OPENING}\n\n{MIDDLE}"


@pytest.mark.parametrize(
    "line",
    [
        "J’aime les plateaux où l’on prend le temps d’écouter les clients.",
        "Aucun commentaire ne viendra de la direction, a-t-on appris lundi.",
        "Il a écrit [sic] dans son rapport que tout allait bien à Lorient.",
        "La source de ces chiffres reste la fédération du secteur, pas les opérateurs.",
        "Les archives du magazine racontent une autre histoire de ces années-là.",
    ],
)
def test_a_sentence_that_resembles_furniture_stays(line):
    article = only(page("Le prix de la patience", OPENING, line, MIDDLE))
    assert article.body == f"{OPENING}\n\n{line}\n\n{MIDDLE}"


def test_a_caption_shortcode_glued_before_a_paragraph_leaves_the_paragraph():
    shortcode = "[caption id=”attachment_12″ align=”alignleft”]Le quai de Lorient[/caption]"
    article = only(page("Le prix de la patience", shortcode + OPENING, MIDDLE))
    assert article.body == f"{OPENING}\n\n{MIDDLE}"


@pytest.mark.parametrize("teaser", ["Read the rest of this entry »", "More..."])
def test_a_teaser_link_glued_at_the_end_of_a_paragraph_goes(teaser):
    article = only(page("Le prix de la patience", f"{OPENING} {teaser}", MIDDLE))
    assert article.body == f"{OPENING}\n\n{MIDDLE}"


def test_an_archive_note_glued_after_the_last_sentence_goes():
    note = "( Archives magazine En-Contact, année 2016 )"
    article = only(page("Le prix de la patience", OPENING, f"{MIDDLE} {note}"))
    assert article.body == f"{OPENING}\n\n{MIDDLE}"


def test_an_e_mail_placeholder_leaves_the_sentence():
    line = "Écrivez à [email protected] pour rejoindre le plateau."
    article = only(page("Le prix de la patience", OPENING, line, MIDDLE))
    assert article.body == f"{OPENING}\n\nÉcrivez à pour rejoindre le plateau.\n\n{MIDDLE}"


def test_a_picture_slug_glued_to_the_first_word_goes():
    first = "La rentrée des plateaux commence toujours par une vague de recrutements."
    article = only(page("Le prix de la patience", "couv-114-web-2" + first, MIDDLE))
    assert article.body == f"{first}\n\n{MIDDLE}"


def test_a_capitalised_hyphenated_word_opening_a_paragraph_stays():
    first = "Saint-Brieuc-Ouest accueille le plus jeune plateau de la région depuis mars dernier."
    article = only(page("Le prix de la patience", OPENING, first, MIDDLE))
    assert article.body == f"{OPENING}\n\n{first}\n\n{MIDDLE}"


COMMENTS = (
    "2 réponses à “Le prix de la patience”",
    "Sandrine dit :",
    "Tellement vrai, merci pour cet article sur les plateaux.",
    "Bertrand dit :",
    "Je ne suis pas d’accord, les outils ne sont pas en cause.",
)


def test_readers_comments_after_the_text_are_furniture():
    text = page(
        "Le prix de la patience",
        "Posted by equipe118 on nov 22, 2010 in Coulisses | 0 comments",
        OPENING,
        *COMMENTS,
    )
    assert only(text).body == OPENING


def test_readers_comments_end_at_the_next_posts_title():
    text = page(
        "Le prix de la patience",
        "Posted by equipe118 on nov 22, 2010 in Coulisses | 0 comments",
        OPENING,
        *COMMENTS,
        "Les casques de Brest",
        "Posted by equipe118 on nov 18, 2010 in Coulisses | 0 comments",
        MIDDLE,
    )
    parsed = parse_text(text)
    assert [(a.title, a.body) for a in parsed.articles] == [
        ("Le prix de la patience", OPENING),
        ("Les casques de Brest", MIDDLE),
    ]


def test_a_sentence_that_answers_someone_is_no_comments_heading():
    line = "Deux réponses à cette crise sont sur la table des négociateurs depuis lundi."
    article = only(page("Le prix de la patience", OPENING, line, MIDDLE))
    assert article.body == f"{OPENING}\n\n{line}\n\n{MIDDLE}"


def test_titles_listed_after_a_lire_aussi_are_links():
    text = page(
        "Le prix de la patience",
        OPENING,
        MIDDLE,
        "A lire aussi",
        "Les plateaux de Brest recrutent",
        "Le casque, outil du siècle",
    )
    assert only(text).body == f"{OPENING}\n\n{MIDDLE}"


def test_a_lire_aussi_above_any_text_does_not_swallow_the_title():
    article = only(page("A lire aussi", "Les plateaux de Brest recrutent", OPENING, MIDDLE))
    assert (article.title, article.body) == (
        "Les plateaux de Brest recrutent",
        f"{OPENING}\n\n{MIDDLE}",
    )


# Several posts on one page ----------------------------------------------------------------


def written_on(day):
    return f"This article was written on {day:02d} Mar 2011, and is filled under Chroniques."


def test_a_category_listing_page_holds_one_post_per_header():
    text = page(
        "AMBUSH",
        "Category Archives: Chroniques",
        "Le quai de Lorient",
        written_on(14),
        OPENING,
        "No Comments »",
        "Les casques de Brest",
        written_on(2),
        MIDDLE,
        "No Comments »",
    )
    parsed = parse_text(text)
    assert [(a.title, a.published, a.category, a.body) for a in parsed.articles] == [
        ("Le quai de Lorient", date(2011, 3, 14), "Chroniques", OPENING),
        ("Les casques de Brest", date(2011, 3, 2), "Chroniques", MIDDLE),
    ]


def test_a_film_home_page_holds_one_post_per_posted_by():
    text = page(
        "Le tournage reprend",
        "Posted by equipe118 on nov 22, 2010 in Coulisses | 0 comments",
        OPENING,
        "Les figurants arrivent",
        "Posted by equipe118 on nov 18, 2010 in Presse | 0 comments",
        MIDDLE,
    )
    parsed = parse_text(text)
    assert [(a.title, a.published, a.category) for a in parsed.articles] == [
        ("Le tournage reprend", date(2010, 11, 22), "Coulisses"),
        ("Les figurants arrivent", date(2010, 11, 18), "Presse"),
    ]


def test_posts_of_a_page_without_blank_lines_are_split_at_a_blank():
    text = (
        glued("Le quai de Lorient", OPENING, MIDDLE) + "\n" + glued("Les casques de Brest", CLOSING)
    )
    assert titles(text) == ["Le quai de Lorient", "Les casques de Brest"]


def test_a_heading_inside_a_page_without_blank_lines_is_a_subheading():
    text = glued("Le quai de Lorient", OPENING, "Un marché en mutation", MIDDLE)
    assert titles(text) == ["Le quai de Lorient"]


def test_a_heading_after_a_credit_starts_a_post_on_a_page_without_a_dated_header():
    text = page(
        "Le quai de Lorient",
        OPENING,
        "Crédit photo : Studio Brune",
        "Un marché en mutation",
        MIDDLE,
    )
    assert titles(text) == ["Le quai de Lorient", "Un marché en mutation"]


def test_a_page_with_a_dated_header_never_splits_at_a_subheading():
    text = page(
        "Le quai de Lorient",
        written_on(14),
        OPENING,
        "Crédit photo : Studio Brune",
        "Un marché en mutation",
        MIDDLE,
    )
    article = only(text)
    assert article.body == f"{OPENING}\n\nUn marché en mutation\n\n{MIDDLE}"


# Hard-wrapped text ------------------------------------------------------------------------


def test_hard_wrapped_lines_are_joined():
    first = "Les plateaux de la côte atlantique ont embauché plus de quatre cents"
    second = "conseillers cette année, surtout pour les banques et les assurances."
    article = only(page("Le prix de la patience", f"{first}\n{second}", MIDDLE))
    assert article.body == f"{first} {second}\n\n{MIDDLE}"


def test_a_line_ending_with_a_colon_is_not_joined_to_the_next():
    first = "Les plateaux de la côte atlantique ont embauché trois sortes de profils :"
    second = "des conseillers, des superviseurs et des formateurs venus d’ailleurs."
    article = only(page("Le prix de la patience", OPENING, f"{first}\n{second}", MIDDLE))
    assert article.body == f"{OPENING}\n\n{first}\n\n{second}\n\n{MIDDLE}"


# Doubts and notes -------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("text", "warning"),
    [
        (
            page("Le prix de la patience", OPENING, MIDDLE, "Pour conclure"),
            "Le texte finit sur une ligne courte : « Pour conclure » : intertitre d'une page "
            "coupée, signature ou décor ?",
        ),
        (
            page(
                "Le prix de la patience",
                OPENING,
                "La photo de groupe a été prise devant la mairie.",
                MIDDLE,
            ),
            "Crédit ou légende resté dans le texte ? « La photo de groupe a été prise devant la "
            "mairie. »",
        ),
    ],
)
def test_a_doubt_about_the_reading_puts_the_article_up_for_review(text, warning):
    article = only(text)
    assert (article.warnings, article.needs_review) == ([warning], True)


def test_a_text_ending_on_a_finished_short_sentence_raises_no_doubt():
    article = only(page("Le prix de la patience", OPENING, MIDDLE, "Pour conclure, merci."))
    assert (article.warnings, article.needs_review) == ([], False)


def test_what_the_page_does_not_say_is_a_note_not_a_doubt():
    blocks = [part for _ in range(3) for part in ("Que pensez-vous du marché ?", OPENING)]
    article = only(page("Le marché vu de Lorient", *blocks))
    assert (article.warnings, article.needs_review) == ([], False)
    assert article.notes == [
        "Interview : la personne interviewée n'est pas nommée, à renseigner.",
        "Aucun auteur indiqué sur la page : à renseigner si on le connaît.",
        "Aucune date de publication sur la page : à renseigner.",
        "Aucun numéro du magazine indiqué.",
    ]


# explain_bytes ----------------------------------------------------------------------------

EXPLAINED_PAGE = page(
    "AMBUSH", "Le prix de la patience", "Publié le 3 mars 2020", OPENING, "Partager"
)


def test_explain_lists_every_non_blank_line_with_its_role():
    explained, _parsed = explain_bytes(EXPLAINED_PAGE.encode())
    assert [(number, role, text) for number, role, _reason, text in explained] == [
        (1, "décor", "AMBUSH"),
        (3, "titre", "Le prix de la patience"),
        (5, "métadonnée", "Publié le 3 mars 2020"),
        (7, "texte", OPENING),
        (9, "décor", "Partager"),
    ]


def test_explain_gives_every_line_a_reason():
    explained, _parsed = explain_bytes(EXPLAINED_PAGE.encode())
    assert [reason for _number, _role, reason, _text in explained if not reason] == []


def test_explain_gives_the_titles_score_in_its_reason():
    explained, _parsed = explain_bytes(EXPLAINED_PAGE.encode())
    title_reason = explained[1][2]
    assert title_reason.startswith("titre possible, score 6 : ")
    assert "juste au-dessus de son en-tête" in title_reason


def test_explain_numbers_the_posts_of_a_multi_post_page():
    first = glued("Le quai de Lorient", OPENING, MIDDLE)
    text = first + "\n" + glued("Les casques de Brest", MIDDLE, CLOSING)
    explained, _parsed = explain_bytes(text.encode())
    assert [role for _number, role, _reason, _text in explained] == [
        "titre",
        "texte",
        "texte",
        "titre [2]",
        "texte [2]",
        "texte [2]",
    ]
