"""Layout rules learnt from the held-out rounds 73-80, one test each: the pattern and a near
neighbour that must not trigger it. Every page here is made up for the test."""

from articles.importing.metadata import read_meta
from articles.importing.posts import clean_title
from articles.importing.signing import title_credit
from tests.importing.test_layout_rules import (
    AMBUSH_HEADER,
    CLOSING,
    LONG,
    MIDDLE,
    OPENING,
    glued,
    only,
    page,
    parse_text,
)
from tests.importing.test_layout_rules_4 import newer_template
from textkit.folding import fold


def meta(line):
    return read_meta(line, fold(line))


def test_a_reprints_title_naming_its_writer_gives_the_author():
    title = "Chronique de Lucie Marchal parue le 4 mai 2015 sur le site du Parisien"
    article = only(newer_template(title, LONG, CLOSING))
    assert [author.name for author in article.authors] == ["Lucie Marchal"]


def test_a_title_about_an_article_names_no_author():
    assert title_credit("Article de la semaine sur les plateaux de Vannes") == []
    article = only(newer_template("Lettre de Noël pour les conseillers de nuit", LONG, CLOSING))
    assert article.authors == []


def test_a_signed_reprint_keeps_its_signature_over_its_title():
    title = "Billet de Lucie Marchal paru sur son blog"
    article = only(newer_template(title, LONG, CLOSING, "Par Hugo Lenain"))
    assert [author.name for author in article.authors] == ["Hugo Lenain"]


def test_an_interview_on_the_radio_with_its_date_is_the_source_line():
    source = "Entretien de Paul Verdier sur France Info, le 12 mars 2013."
    headline = "Six pistes pour ramener les plateaux d'appels en France"
    article = only(glued("Les plateaux reviennent… à la radio", headline, source, LONG, CLOSING))
    assert (source in article.body, str(article.published), article.standfirst) == (
        False,
        "2013-03-12",
        headline,
    )


def test_an_interview_line_without_a_closing_date_is_no_source_line():
    assert meta("Entretien avec Paul Verdier, directeur du site à Vannes") is None
    assert meta("Interview de Paul Verdier sur France Info, le 12 mars 2013, à propos de") is None


def test_a_line_saying_where_a_reprint_appeared_is_no_text_and_names_its_writer():
    source = "Vu de Belgique : article paru dans le quotidien « Le Soir » (Liège) Par Anne Roels"
    article = only(page(*AMBUSH_HEADER, "Les appels du soir", source, LONG, CLOSING))
    assert (source in article.body, [author.name for author in article.authors]) == (
        False,
        ["Anne Roels"],
    )


def test_a_sentence_about_a_paper_is_no_source_line():
    sentence = "Le rapport est paru dans le journal officiel. Il fixe de nouvelles règles."
    assert meta(sentence) is None


def test_a_month_and_its_newspapers_above_a_title_are_the_source_line():
    source = "Mars 2006 – Le 20h.fr – Le Nouvel Économiste"
    article = only(page(*AMBUSH_HEADER, source, "Les appels du soir", LONG, CLOSING))
    assert (article.title, source in article.body, str(article.published)) == (
        "Les appels du soir",
        False,
        "2007-03-03",
    )


def test_a_month_then_a_sentence_is_no_source_line():
    assert meta("Mars 2006 – un plateau ferme ses portes à Lorient") is None


def test_a_newspapers_two_sentence_caption_ending_on_its_photographer_is_no_text():
    caption = (
        "Le film passera trois fois à Brioude, à partir de samedi soir. Et deux fois au Puy, "
        "dès le mardi 23 novembre, dans la grande salle du centre culturel / Photo Anne Roy"
    )
    text = page("LE RÉVEIL – Un tournage en ville", "LE RÉVEIL /12.11.2010 05h00", caption, LONG)
    article = only(text)
    assert (caption in article.body, article.photo_credit) == (False, "Anne Roy")


def test_a_long_paragraph_ending_on_a_photo_mention_is_still_text():
    paragraph = f"{LONG} On y voit les plateaux tels qu'ils étaient, photo de groupe comprise."
    article = only(page("LE RÉVEIL – Un tournage en ville", "LE RÉVEIL /12.11.2010", paragraph))
    assert article.body == paragraph


HEADLINE = "Plateaux d’appels : un plan remis au ministre pour créer 8 000 emplois en Bretagne"
SUBTITLE = "Un numéro garanti promettrait de joindre un conseiller installé en France en une minute"


def test_a_headline_saved_with_its_subtitle_on_one_line_is_cut_in_two():
    article = only(glued(f"{HEADLINE} {SUBTITLE}", LONG, CLOSING))
    assert (article.title, article.standfirst, article.body.startswith(LONG)) == (
        HEADLINE,
        SUBTITLE,
        True,
    )


def test_a_newspapers_name_inside_a_long_first_line_cuts_nothing():
    line = (
        "Plateaux d’appels : un plan remis au ministre pour créer 8 000 emplois selon Le "
        "Parisien qui cite un rapport encore confidentiel de la fédération du secteur"
    )
    article = only(glued(line, LONG, CLOSING))
    assert (article.title, article.standfirst) == (line, None)


def test_a_caption_printed_twice_but_for_an_apostrophe_is_no_text():
    alt, caption = "Le plateau dune agence de Brest", "Le plateau d'une agence de Brest"
    article = only(page(*AMBUSH_HEADER, "Les appels du soir", alt, caption, LONG, CLOSING))
    assert (alt in article.body, caption in article.body, article.body.startswith(LONG)) == (
        False,
        False,
        True,
    )


def test_a_line_printed_once_stays():
    line = "Le plateau d'une agence de Brest"
    article = only(page(*AMBUSH_HEADER, "Les appels du soir", LONG, line, CLOSING))
    assert line in article.body


def test_a_bare_pages_short_first_line_of_two_sentences_is_its_title_and_a_doubt():
    first = "“Cap sur Lisbonne”, le mot d’ordre des patrons de plateaux. Français, belges, etc.."
    article = only(glued(first, LONG + " " + LONG, CLOSING))
    assert (article.title, article.body.startswith(LONG), article.needs_review) == (
        first,
        True,
        True,
    )


def answers(first_heading, second_heading):
    """A deputies' hearing: a short heading glued above each quoted answer."""
    quoted = f"« {LONG} »"
    return newer_template(
        "Les réponses du patron aux députés", first_heading, quoted, second_heading, quoted
    ).replace(f"{first_heading}\n\n", f"{first_heading}\n")


def test_subheadings_opening_on_the_same_word_are_no_captions():
    assert only(answers("Sur l’emploi", "Sur les tarifs")).body.startswith("Sur l’emploi")


def test_a_short_line_glued_above_the_first_paragraph_is_still_a_caption():
    assert only(answers("Sur l’estrade", "Les tarifs")).body.startswith("«")


def test_a_first_name_and_a_moment_between_paragraphs_is_a_caption():
    text = page(*AMBUSH_HEADER, "Les appels du soir", LONG, "Yanis, entre deux appels", CLOSING)
    assert "Yanis" not in only(text).body


def test_a_connector_and_a_phrase_between_paragraphs_stays():
    text = page(*AMBUSH_HEADER, "Les appels du soir", LONG, "Demain, la robotisation", CLOSING)
    assert "Demain, la robotisation" in only(text).body


def test_a_name_under_a_quoted_title_that_the_text_then_speaks_of_is_no_author():
    intro = (
        "Arrivé en 2009 chez Orbital, Paul Verdier dirige depuis quatre ans les plateaux du "
        "groupe en Afrique de l'Ouest, où les effectifs ont triplé."
    )
    text = newer_template(
        "« Abidjan est devenue une destination recherchée »",
        "Paul Verdier, Directeur Afrique de l'Ouest chez Orbital",
        f"{intro} {LONG}",
        CLOSING,
    )
    article = only(text)
    assert (article.authors, article.body.startswith("Arrivé en 2009")) == ([], True)


def test_a_name_under_a_quoted_title_that_the_text_never_names_stays_the_author():
    text = newer_template(
        "« Abidjan est devenue une destination recherchée »",
        "Paul Verdier, Directeur Afrique de l'Ouest chez Orbital",
        LONG,
        CLOSING,
    )
    assert [author.name for author in only(text).authors] == ["Paul Verdier"]


def teaser(opening, issue=None):
    """An archive page's teaser: the post's first lines, cut, then "[…]"."""
    label = f"Édito N°{issue} / " if issue else ""
    return f"{label}{opening} {LONG} […]"


def test_an_archive_page_of_teasers_ending_on_an_ellipsis_holds_one_article_each():
    text = page(
        "Le plateau ne dort jamais",
        teaser("Vingt ans après,"),
        "Celles et ceux qui restent",
        teaser("Dix ans plus tard,"),
        "Le client d'abord ?",
        teaser("Cinq ans plus tôt,"),
    )
    articles = parse_text(text).articles
    assert [(a.title, a.body.endswith("semaines de travail.")) for a in articles] == [
        ("Le plateau ne dort jamais", True),
        ("Celles et ceux qui restent", True),
        ("Le client d'abord ?", True),
    ]


def test_one_paragraph_ending_on_an_ellipsis_splits_nothing():
    text = page("Le plateau ne dort jamais", teaser("Vingt ans après,"), "Et après", LONG)
    assert len(parse_text(text).articles) == 1


def test_an_issue_label_opening_a_long_teaser_gives_its_number():
    text = page("Le plateau ne dort jamais", teaser("Vingt ans après,", 121), CLOSING)
    article = only(text)
    assert (article.issue_number, article.body.startswith("Vingt ans")) == (121, True)


def test_a_lowercase_picture_name_glued_before_the_first_sentence_goes():
    article = only(newer_template("La sanction", f"originalPrès de {LONG}", CLOSING))
    assert article.body.startswith("Près de")


def test_a_heading_after_a_blank_is_a_subheading_when_the_title_stands_apart():
    text = page(
        "Le marché des prestataires",
        glued(OPENING, MIDDLE).strip(),
        glued("Une première division qui ressemble à la Ligue 1", LONG, CLOSING).strip(),
    )
    article = only(text)
    assert article.body.count("Une première division") == 1


def test_a_list_of_briefs_without_blank_lines_holds_one_article_each():
    text = page(
        glued("Un site ouvre à Laval", OPENING, MIDDLE).strip(),
        glued("Le médiateur publie son rapport", LONG, CLOSING).strip(),
    )
    assert [a.title for a in parse_text(text).articles] == [
        "Un site ouvre à Laval",
        "Le médiateur publie son rapport",
    ]


def test_the_people_on_a_photo_listed_with_the_moment_are_a_caption():
    caption = (
        "Paul Verdier, Anne Roels (DG de Vox Littoral) et Marc Lenoir, lors de l'ouverture "
        "du plateau de Quimper"
    )
    article = only(glued("Vox Littoral quitte la Bretagne", caption, LONG, CLOSING))
    assert (caption in article.body, article.standfirst) == (False, None)


def test_places_listed_with_a_moment_are_no_caption():
    line = "Brest, Quimper et Lorient, dans un même mouvement de fermetures"
    assert line in only(glued("Vox Littoral quitte la Bretagne", LONG, line, CLOSING)).body


def test_a_name_then_its_role_in_lowercase_under_the_title_are_a_caption():
    text = newer_template(
        "« Nous voulons changer le regard sur les plateaux »",
        "Anne Roels",
        "chargée de mission à l'association – organisatrice des trophées",
        LONG,
        CLOSING,
    )
    article = only(text)
    assert (article.body.startswith(LONG), article.authors) == (True, [])


def test_a_page_cut_in_a_sentence_or_on_a_subheading_raises_no_doubt():
    for cut in (
        "Sur place, pourtant, les",
        "Sept ou huit attachés de presse,",
        "Ces conseillers clie",
        "Les métiers qui montent",
    ):
        article = only(page("Le prix de la patience", OPENING, MIDDLE, cut))
        assert (article.body.endswith(cut), article.warnings) == (True, []), cut


def test_a_page_ending_on_what_may_be_a_heading_or_furniture_is_still_a_doubt():
    for last in ("Pour conclure", "Ambiance… de Ga", "En Contact : Vous indiquiez"):
        assert only(page("Le prix de la patience", OPENING, MIDDLE, last)).needs_review, last


def leftover_doubts(paragraph):
    article = only(page("Le prix de la patience", OPENING, paragraph, MIDDLE))
    return [warning for warning in article.warnings if warning.startswith("Nom de fichier")]


def test_an_unknown_shortcode_or_a_glued_file_name_left_in_the_text_is_a_doubt():
    for paragraph in (
        "[gallery ids=3] Les plateaux de Nantes ont rouvert leurs portes au printemps dernier.",
        "[slideshow] Le délégué syndical a répondu pendant une heure aux questions du public.",
        "Le salon a réuni trois cents exposants cette année salon_2012_stand_photo à l’entrée.",
    ):
        assert len(leftover_doubts(paragraph)) == 1, paragraph


def test_words_in_brackets_inside_a_quotation_are_no_code():
    paragraph = (
        "« Les deux discours [ceux des présidents] ne laissent qu’une voie », dit-il aux "
        "journalistes venus l’écouter sur la place."
    )
    assert leftover_doubts(paragraph) == []


def test_the_title_again_after_its_series_label_is_no_text():
    title = "Les plateaux de Vichy ont-ils un avenir ?"
    article = only(newer_template(title, f"Épisode 4 : {title.lower()}", LONG, CLOSING))
    assert (article.title, article.body.startswith(LONG)) == (title, True)


def test_a_series_label_before_another_heading_stays_text():
    title = "Les plateaux de Vichy ont-ils un avenir ?"
    heading = "Épisode 4 : les plateaux de Moulins"
    assert only(newer_template(title, heading, LONG, CLOSING)).body.startswith(heading)


def test_a_name_where_the_photo_shows_them_and_its_year_is_a_caption():
    caption = "Nadia Ferhat lors des trophées de l’accueil, novembre 2014"
    article = only(page("Le prix de la patience", LONG, caption, CLOSING))
    assert (caption in article.body, article.body.startswith(LONG)) == (False, True)


def test_a_name_and_a_heading_without_a_year_stay_text():
    for heading in ("Nadia Ferhat en quelques dates", "Nadia Ferhat a rejoint Vocalis en 2014."):
        assert heading in only(page("Le prix de la patience", LONG, heading, CLOSING)).body


def test_a_titles_stray_spaces_go_but_not_the_one_before_an_ellipsis():
    assert clean_title("Marigny et Joly , le centre de Lens ( Nord ) .") == (
        "Marigny et Joly, le centre de Lens (Nord)."
    )
    assert clean_title("Il était une fois le centre de Lens ...") == (
        "Il était une fois le centre de Lens ..."
    )
