"""Layout rules learnt from the held-out rounds 18-20, one test each: the pattern and a near
neighbour that must not trigger it. Every page here is made up for the test."""

from datetime import date

from articles.importing import parse_text
from articles.importing.metadata import section_name
from tests.importing.test_layout_rules import (
    CLOSING,
    LONG,
    MIDDLE,
    OPENING,
    authors,
    glued,
    only,
    page,
    titles,
)


def ambush_post(written, title, *body, category="Editos du magazine En-Contact"):
    """A post of the editor's blog as its archive pages print it: header above the title."""
    return (
        "Information",
        f"This article was written on {written}, and is filled under {category}.",
        "Current post is tagged",
        ", ,",
        title,
        *body,
        "Laisser un commentaire",
    )


def test_an_alt_text_above_the_file_name_it_was_made_from_goes_with_it():
    text = page("Les saisonniers du plateau", "casque-nuit", f"casque-nuit-300x200{OPENING}", LONG)
    article = only(text)
    assert article.body.startswith(OPENING)
    assert "casque-nuit" not in article.body


def test_a_short_slug_line_without_its_file_name_below_stays_and_is_doubted():
    article = only(page("Les saisonniers du plateau", "casque-nuit", OPENING, LONG))
    assert article.body.startswith("casque-nuit")
    assert article.needs_review


def test_a_copyright_line_marked_with_an_at_sign_is_the_photo_credit():
    text = page("Équilibre fragile", "@ (c) Rémi Danjou", OPENING, LONG, CLOSING)
    article = only(text)
    assert article.photo_credit == "Rémi Danjou"
    assert not article.body.startswith("@")


def test_a_name_with_a_newsroom_role_under_the_title_signs_the_piece():
    text = page("Équilibre fragile", "@ (c) Rémi Danjou", "Odile Ferrand, rédactrice en chef", LONG)
    article = only(text)
    assert authors(article) == [("Odile Ferrand", "rédactrice en chef")]
    assert article.body.startswith(LONG[:40])


def test_a_name_with_another_role_in_lower_case_under_the_title_is_no_signature():
    text = page("Équilibre fragile", "Odile Ferrand, superviseure chez Nordline", LONG, CLOSING)
    assert authors(only(text)) == []


def test_an_archive_post_titled_after_its_issue_label_starts_a_post():
    text = page(
        "AMBUSH",
        *ambush_post("14 Jan 2008", "Les vœux du plateau", LONG, CLOSING),
        *ambush_post(
            "19 Oct 2007", "Edito du magazine #40 : Dix questions avant de partir", MIDDLE, LONG
        ),
        *ambush_post("6 Juil 2007", "L’été des renforts", OPENING, LONG),
    )
    assert titles(text) == [
        "Les vœux du plateau",
        "Dix questions avant de partir",
        "L’été des renforts",
    ]
    assert [article.issue_number for article in parse_text_articles(text)] == [None, 40, None]


def test_a_reprinted_headline_above_its_source_line_starts_a_post():
    text = page(
        "AMBUSH",
        *ambush_post(
            "8 Déc 2010", "Un producteur venu du standard", LONG, CLOSING, category="A lire"
        ),
        *ambush_post(
            "21 Oct 2010",
            "Les coulisses d’une comédie sans vedette",
            "Le Courrier du Soir le 21.10.2010 / Médias",
            OPENING,
            MIDDLE,
            category="A lire",
        ),
    )
    first, second = parse_text_articles(text)
    assert second.title == "Les coulisses d’une comédie sans vedette"
    assert second.published == date(2010, 10, 21)
    assert first.body.endswith(CLOSING)


def parse_text_articles(text):
    return parse_text(text).articles


def test_a_quote_with_nothing_but_its_source_below_is_the_text_not_a_standfirst():
    quote = f"« {OPENING} »"
    source = "Odile Ferrand, présidente de Nordline, dans lecourrierdusoir.fr"
    article = only(page("Odile Ferrand (Nordline), prudence de rentrée", quote, source))
    assert article.standfirst is None
    assert article.body == f"{quote}\n\n{source}"
    assert article.authors == []


def test_a_quote_under_the_title_above_the_text_is_the_standfirst():
    quote = "« Nous recrutons encore, mais autrement »"
    article = only(page("Odile Ferrand (Nordline), prudence de rentrée", quote, LONG, CLOSING))
    assert article.standfirst == "Nous recrutons encore, mais autrement"


def test_numbered_subheadings_after_wide_blanks_stay_in_their_post():
    spacer = "\u00a0"
    text = page(
        "Centre d’appels ou centre de contacts : la querelle des mots",
        OPENING,
        "Argument 1 : tout le monde comprend",
        LONG,
        spacer,
        "Argument 2 : le téléphone reste roi",
        MIDDLE,
        spacer,
        "Argument 3 : le mot a de la noblesse",
        CLOSING,
    )
    article = only(text)
    assert "Argument 3 : le mot a de la noblesse" in article.body
    assert article.body.endswith(CLOSING)


def test_a_heading_after_a_wide_blank_without_a_series_still_starts_a_post():
    spacer = "\u00a0"
    text = page(
        "Centre d’appels ou centre de contacts : la querelle des mots",
        OPENING,
        LONG,
        spacer,
        "Télétravail : les plateaux vont-ils se vider ?",
        MIDDLE,
        CLOSING,
    )
    assert titles(text)[-1] == "Télétravail : les plateaux vont-ils se vider ?"


INTRODUCTION = (
    "Odile Ferrand, directrice des ressources humaines de Nordline, raconte comment le "
    "prestataire a changé sa façon de recruter pour ses sites de Brest et de Tanger. Et "
    "pourquoi, selon elle, la fidélité des conseillers se joue dès les premières semaines."
)
QUESTION = "Vous avez embauché six cents conseillers l’an dernier. Comment les trouvez-vous ?"
ANSWER = f"Odile Ferrand : {LONG}"
FOLLOW_UP = "Et ceux qui restent, comment les gardez-vous ?"
INTERVIEW = (QUESTION, ANSWER, FOLLOW_UP, f"Odile Ferrand : {MIDDLE} {CLOSING}")


def test_an_interviews_introduction_of_several_sentences_is_the_text():
    article = only(page("« Un bon conseiller ne se voit pas sur un CV »", INTRODUCTION, *INTERVIEW))
    assert (article.standfirst, article.body.startswith(INTRODUCTION)) == (None, True)


def test_the_same_introduction_above_a_paragraph_is_the_text():
    article = only(
        page("« Un bon conseiller ne se voit pas sur un CV »", INTRODUCTION, LONG, CLOSING)
    )
    assert article.standfirst is None
    assert article.body.startswith(INTRODUCTION)


def test_a_paragraph_between_the_title_and_the_pages_header_is_the_standfirst():
    text = page(
        "Recherche",
        "Odile Ferrand (Nordline) : recruter autrement",
        INTRODUCTION,
        "Publié par le",
        "Lecture",
        "9 min",
        LONG,
        MIDDLE,
        LONG,
        CLOSING,
    )
    article = only(text)
    assert article.standfirst == INTRODUCTION
    assert article.body.startswith(LONG[:40])


def test_an_update_notice_under_the_title_is_no_standfirst():
    notice = (
        "Actualisation du 10 mars : la direction de Nordline nous a adressé un droit de réponse."
    )
    article = only(page("À Brest, le plateau de Nordline change de mains", notice, LONG, CLOSING))
    assert article.standfirst is None
    assert article.body.startswith(notice)


def test_a_few_sentences_glued_under_an_undated_title_are_doubted():
    article = only(
        glued("Sfax, la capitale discrète des centres de contacts", INTRODUCTION, LONG, CLOSING)
    )
    assert article.standfirst is None
    assert any("collé sous le titre" in warning for warning in article.warnings)


def test_the_same_paragraph_after_a_blank_line_is_not_doubted():
    article = only(
        page("Sfax, la capitale discrète des centres de contacts", INTRODUCTION, LONG, CLOSING)
    )
    assert not any("collé sous le titre" in warning for warning in article.warnings)


DATELINE_SUMMARY = (
    "À Lorient, le 14 juin 2019, où la ministre du Numérique a inauguré le troisième site "
    "de Nordline, prestataire breton de la relation client."
)


def test_a_dated_summary_above_its_photo_is_the_standfirst():
    photo = "Odile Ferrand, directrice du site © Nordline"
    article = only(
        glued("Quand une ministre coupe le ruban", DATELINE_SUMMARY, photo, LONG, MIDDLE, CLOSING)
    )
    assert article.standfirst == DATELINE_SUMMARY
    assert article.photo_credit == "Nordline"


def test_a_short_dated_opening_above_a_paragraph_stays_the_text():
    dateline = "À Lorient, le 14 juin 2019, la ministre a coupé le ruban du site."
    article = only(glued("Quand une ministre coupe le ruban", dateline, LONG, MIDDLE, CLOSING))
    assert article.standfirst is None
    assert article.body.startswith(dateline)


def test_a_short_line_glued_under_the_paragraph_that_holds_the_picture_is_its_caption():
    caption = "Le robot d’accueil Ernest, pendant sa démonstration à Lyon"
    text = page(
        "Le printemps des robots", f"robot-accueil-300x225{OPENING}\n{caption}", LONG, CLOSING
    )
    article = only(text)
    assert caption not in article.body
    assert not article.needs_review


def test_the_same_line_under_a_paragraph_without_a_picture_stays():
    caption = "Le robot d’accueil Ernest, pendant sa démonstration à Lyon"
    article = only(page("Le printemps des robots", f"{OPENING}\n{caption}", LONG, CLOSING))
    assert caption in article.body


def test_a_subscription_button_glued_to_the_first_paragraph_leaves_the_paragraph():
    text = glued("Les plateaux misent sur la fidélité", f"Je m'abonne{OPENING}", LONG, CLOSING)
    article = only(text)
    assert article.body.startswith(OPENING)


def test_a_long_line_that_starts_like_a_button_is_a_paragraph():
    line = f"Lire aussi les chiffres de l’an dernier : {OPENING} {MIDDLE}"
    article = only(page("Les plateaux misent sur la fidélité", LONG, line, CLOSING))
    assert line in article.body


def test_several_categories_are_kept_as_shown_and_the_section_is_the_magazines():
    text = page(
        "AMBUSH",
        "Information",
        "This article was written on 16 Nov 2010, and is filled under Articles rédigés, "
        "Editos du magazine En-Contact.",
        "Tenir la ligne",
        LONG,
        CLOSING,
    )
    category = only(text).category
    assert (category, section_name(category)) == (
        "Articles rédigés, Editos du magazine En-Contact",
        "Editos du magazine En-Contact",
    )


def test_several_categories_none_a_section_stay_together():
    text = page(
        "AMBUSH",
        "Information",
        "This article was written on 16 Nov 2010, and is filled under Presse, Cinéma.",
        "Tenir la ligne",
        LONG,
        CLOSING,
    )
    assert (only(text).category, section_name("Presse, Cinéma")) == ("Presse, Cinéma",) * 2


def test_a_one_sentence_standfirst_glued_above_a_long_paragraph_under_a_repeated_title():
    title = "Nordline : départ surprise de son directeur de l’IA"
    summary = (
        "Retour aux affaires des anciens dirigeants chez Nordline, après le départ brutal de "
        "l’homme qui devait incarner l’offre d’intelligence artificielle du groupe."
    )
    text = page(
        title,
        "Publié le 12 septembre 2024 à 06:00 par Magazine En-Contact",
        f"{title}\n\n{summary}\n{LONG} {MIDDLE}",
        CLOSING,
        LONG,
    )
    article = only(text)
    assert article.standfirst == summary
    assert article.body.startswith(OPENING)


def test_a_title_ending_with_a_period_is_the_title_when_the_page_repeats_it():
    title = "Surendettement : les lignes d’aide aux particuliers ont tenu bon."
    text = page(
        title, "Publié le 4 juin 2020 à 06:15 par Magazine En-Contact", title, LONG, CLOSING
    )
    article = only(text)
    assert article.title == title
    assert article.standfirst is None
    assert article.body.startswith(OPENING)


def test_an_archive_line_gives_the_issue_number_but_no_section():
    text = page(
        "Relance des impayés : qui fait mieux ?",
        "Archive du N°53 d’En-Contact, 2010",
        LONG,
        CLOSING,
    )
    article = only(text)
    assert article.issue_number == 53
    assert article.category is None


def test_a_quoted_headline_under_the_sites_name_and_menu_is_the_title():
    quoted = "« Une petite ville peut devenir une capitale du service client »"
    menu = "S'abonner à la newsletter S'abonner au magazine"
    text = page(
        "Recherche\nMagazine Relation Client\n" + menu, quoted, "Publié par le", LONG, CLOSING
    )
    article = only(text)
    assert article.title == quoted


def test_an_at_sign_and_a_name_is_a_photo_credit_but_a_handle_is_not():
    credited = only(
        page(
            "Le travail à domicile, une révolution tranquille ?",
            "@ Fotolia/ Rémi Danjou",
            LONG,
            CLOSING,
        )
    )
    assert credited.photo_credit == "Fotolia/ Rémi Danjou"
    handle = only(
        page(
            "Le travail à domicile, une révolution tranquille ?",
            LONG,
            CLOSING,
            "Par Odile Ferrand",
            "@odileferrand",
        )
    )
    assert handle.photo_credit is None


def test_a_date_alone_above_a_title_heads_a_post_when_the_page_opens_that_way():
    text = page(
        "14 mars 2013",
        "Réclamations : écouter avant de répondre",
        LONG,
        CLOSING,
        "9 mars 2013",
        "Le client pressé",
        MIDDLE,
        LONG,
    )
    first, second = parse_text_articles(text)
    assert second.title == "Le client pressé"
    assert second.published == date(2013, 3, 9)
    assert first.body.endswith(CLOSING)


def test_a_date_alone_inside_the_text_of_a_page_that_opens_on_its_title_stays():
    article = only(page("Le client pressé", LONG, "9 mars 2013", "Un bilan", MIDDLE, CLOSING))
    assert "9 mars 2013" in article.body


def test_a_short_title_ending_with_a_full_stop_under_a_post_header_starts_a_post():
    text = page(
        "AMBUSH",
        *ambush_post("7 Juillet 2006", "Vacances, j’oublie tout.", LONG, CLOSING),
        *ambush_post("4 Septembre 2006", "La rentrée des classes.", MIDDLE, LONG),
    )
    assert titles(text) == ["Vacances, j’oublie tout.", "La rentrée des classes."]


def test_a_line_in_parentheses_under_the_title_is_the_standfirst():
    aside = "(quand les cabinets d’analystes vendent du rêve)"
    article = only(
        page("Le chatbot qui devait remplacer trois cents conseillers", aside, LONG, CLOSING)
    )
    assert article.standfirst == aside


def test_a_short_aside_in_parentheses_is_no_standfirst():
    article = only(page("Les conseillers à l’écran", "(On the line)", LONG, CLOSING))
    assert article.standfirst is None


def test_a_long_summary_without_its_full_stop_glued_above_the_text_is_the_standfirst():
    summary = (
        "Les écoles de la relation client ont profité de la deuxième journée du salon pour "
        "envoyer leurs promotions arpenter les allées du hall 4"
    )
    article = only(
        glued("Tous au salon : exposants, acheteurs et étudiants", summary, LONG, MIDDLE, CLOSING)
    )
    assert article.standfirst == summary


def test_a_hard_wrapped_first_line_is_no_standfirst():
    wrapped = (
        "Dans le bureau vitré qui domine le plateau, Odile garde les yeux sur les files d’attente,"
    )
    rest = "mais l’oreille sur les conversations des conseillers."
    article = only(
        glued("Portrait : la superviseuse qui ne levait pas la voix", wrapped, rest, LONG, CLOSING)
    )
    assert article.standfirst is None


def test_a_long_one_sentence_summary_that_opens_on_a_place_and_a_date_is_the_standfirst():
    summary = (
        "À Guéret, le 14 octobre 2022, où la ministre du Numérique a inauguré le deuxième site "
        "de Nordline, prestataire creusois de la relation client."
    )
    article = only(glued("Quand une ministre coupe le ruban", summary, LONG, MIDDLE, CLOSING))
    assert article.standfirst == summary


def test_a_timestamped_report_opening_stays_the_text():
    opening_lines = (
        "Lundi, 6h30. Une trentaine de salariés attendent déjà devant les grilles du site."
    )
    article = only(glued("Grève chez Nordline : le piquet", opening_lines, LONG, MIDDLE, CLOSING))
    assert article.standfirst is None


def test_a_name_and_a_company_in_parentheses_between_paragraphs_is_a_caption():
    article = only(
        glued(
            "Le marché de l’externalisation en ébullition",
            LONG,
            "Odile Ferrand, (Nordline Conseil)",
            MIDDLE,
            CLOSING,
        )
    )
    assert "Odile Ferrand" not in article.body
    assert not any("Légende" in warning for warning in article.warnings)


def test_a_company_in_parentheses_after_a_phrase_stays():
    line = "Les vingt premiers prestataires (classement 2012)"
    article = only(
        glued("Le marché de l’externalisation en ébullition", LONG, line, MIDDLE, CLOSING)
    )
    assert line in article.body


def test_a_reprinted_byline_with_the_newspaper_between_name_and_date():
    text = page(
        "La CAF s’attaque à son temps d’attente",
        "Par ODILE FERRAND – Le Courrier – 03-09-2013",
        LONG,
        CLOSING,
    )
    article = only(text)
    assert authors(article) == [("Odile Ferrand", None)]
    assert article.published == date(2013, 9, 3)
    assert "Le Courrier" not in article.body


def test_a_date_written_with_hyphens_needs_the_same_separator_twice():
    from articles.importing.dates import find_date

    assert find_date("03-09-2013").value == date(2013, 9, 3)
    assert find_date("03-09/2013") is None


def test_a_title_that_opens_on_the_issue_gives_the_issue_number():
    for title, number in (
        ("Edito n°19 – Le prix du silence", 19),
        ("En-Contact 41 : l’été des promesses", 41),
    ):
        article = only(page(title, LONG, CLOSING))
        assert (article.title, article.issue_number) == (title, number)
    assert only(page("En-Contact 2.0.", LONG, CLOSING)).issue_number is None


def test_a_reprints_web_summary_is_its_standfirst_on_a_page_of_several_posts():
    """One sentence, without its full stop: several posts may each keep theirs."""

    def post(title, source, summary, *body):
        return (
            title,
            "Posted by equipe on oct 28, 2010 in Presse | 0 comments",
            source,
            summary,
            *body,
        )

    summary = "Un an après le tournage, les agents racontent la transformation de leurs locaux"
    text = page(
        *post(
            "LE COURRIER – On tournait dans nos bureaux",
            "LE COURRIER / Le 25/10/2010",
            summary,
            LONG,
            CLOSING,
        ),
        *post("LE COURRIER – La salle était comble", "LE COURRIER / Le 20/10/2010", MIDDLE, LONG),
    )
    first, _second = parse_text_articles(text)
    assert first.standfirst == summary


def test_a_summary_of_several_sentences_above_the_pages_buttons_is_the_standfirst():
    summary = (
        "Longtemps reléguée au rang de variable d’ajustement, la formation des conseillers "
        "revient au cœur des préoccupations. Face à la montée du multicanal, les entreprises "
        "découvrent qu’elles ne peuvent plus se contenter de quelques jours d’intégration."
    )
    text = page(
        "LA FORMATION, PREMIER CHANTIER",
        "Publié par le",
        summary,
        "Je m'abonne\n• Imprimer",
        LONG,
        MIDDLE,
        LONG,
        CLOSING,
    )
    assert only(text).standfirst == summary


def test_a_one_sentence_summary_may_run_to_45_words_under_the_title():
    summary = (
        "Piloter des prestataires installés à Dakar, à Port-Louis et à Lisbonne apprend la "
        "modestie : ce moment où l’on découvre que les certitudes d’un siège parisien ne valent "
        "pas grand-chose face à un plateau qui connaît les clients mieux que lui."
    )
    assert 40 < len(summary.split()) <= 45
    article = only(
        glued(
            "Interview d’Odile Ferrand, directrice de la relation client",
            summary,
            LONG,
            MIDDLE,
            CLOSING,
        )
    )
    assert article.standfirst == summary


def test_a_file_name_in_underscores_glued_before_the_text_goes():
    for glued_name in ("Port_Louis_vue_du_Pouce", "odileferrand_ld"):
        article = only(
            page("J’avais un plateau au pied du Pouce", f"{glued_name}{OPENING}", LONG, CLOSING)
        )
        assert article.body.startswith(OPENING), glued_name


def test_two_site_lines_glued_together_are_furniture():
    article = only(
        page(
            "Le turn-over ? Connais pas",
            LONG,
            CLOSING,
            "S'abonner\nau magazine\nRetour haut de pageScroll Top",
        )
    )
    assert article.body.endswith(CLOSING)


def test_a_sentence_glued_to_a_site_line_is_no_furniture():
    line = "Retour haut de pageLes conseillers ont voté la grève."
    article = only(page("Le turn-over ? Connais pas", LONG, line, CLOSING))
    assert "Les conseillers ont voté la grève." in article.body


def test_a_second_issue_line_numbers_a_subheading_and_names_no_section():
    text = page(
        "Diriger un centre au pays des volcans", "En-Contact 46 /", "Règle n°1", LONG, CLOSING
    )
    article = only(text)
    assert (article.issue_number, article.category) == (46, None)


def test_a_name_and_role_under_a_quoted_title_above_questions_is_the_interviewee():
    text = glued(
        "« À Lorient, on recrute d’abord une personnalité »",
        "Odile Ferrand, Directrice de site Nordline à Lorient",
        LONG,
        "Comment êtes-vous entrée dans le métier ?",
        f"Odile Ferrand : {MIDDLE}",
        "Pourquoi Lorient ?",
        CLOSING,
        "Par Yann Kerhervé",
    )
    article = only(text)
    assert article.kind == "interview"
    assert article.interviewee == "Odile Ferrand"
    assert authors(article) == [("Yann Kerhervé", None)]


def test_the_same_line_above_a_text_without_questions_signs_it():
    text = glued(
        "« À Lorient, on recrute d’abord une personnalité »",
        "Odile Ferrand, Directrice de site Nordline à Lorient",
        LONG,
        MIDDLE,
        CLOSING,
    )
    article = only(text)
    assert authors(article) == [("Odile Ferrand", "Directrice de site Nordline à Lorient")]
    assert article.needs_review


def test_a_short_line_under_an_editorials_issue_line_is_its_standfirst():
    header = "Publié le 12 décembre 2014 à 10:05 par Magazine En-Contact"
    text = page(
        "Quatorze bougies",
        header,
        "Quatorze bougies",
        "Édito N°83 /",
        "En-Contact fête ses 14 ans",
        LONG,
        CLOSING,
    )
    assert only(text).standfirst == "En-Contact fête ses 14 ans"


def test_an_editorials_salutation_or_first_person_line_stays_the_text():
    for line in ("Au lecteur banquier,", "Nous avons tous attendu au téléphone, un jour"):
        header = "Publié le 12 décembre 2014 à 10:05 par Magazine En-Contact"
        text = page(
            "Quatorze bougies", header, "Quatorze bougies", "Édito N°83 /", line, LONG, CLOSING
        )
        assert only(text).standfirst is None, line


def test_an_epigraph_and_its_dictionary_source_are_no_standfirst():
    text = page(
        "Le marathon des Rencontres – Épisode 1",
        "Rencontre : fait de se trouver en présence de quelqu’un, par hasard ou non.\n"
        "Définition du Dictionnaire de l’Académie.",
        LONG,
        MIDDLE,
        CLOSING,
    )
    assert only(text).standfirst is None


def test_audio_player_shortcodes_and_archive_month_labels_go():
    text = page(
        "Débrayages dans les centres d’appels",
        "Archive juillet 2011",
        "[audio:http://exemple.fr/uploads/Sandrine.mp3|titles=Sandrine]",
        LONG,
        CLOSING,
    )
    article = only(text)
    assert article.body.startswith(OPENING)
    assert "audio" not in article.body


def test_an_editorial_whose_first_paragraph_names_its_issue():
    first = f"Edito du numéro 131 d'En-Contact, le magazine des centres de contacts. {OPENING}"
    article = only(
        glued("«On ne sort jamais tout à fait d’un centre d’appels.»", first, LONG, CLOSING)
    )
    assert article.issue_number == 131


def test_a_closing_see_our_file_line_is_furniture():
    article = only(page("Nordline quitte le syndicat", LONG, CLOSING, "Voir notre dossier BPO."))
    assert article.body.endswith(CLOSING)


def test_long_bulleted_captions_under_a_legends_heading_go():
    legends = (
        "Légendes Photos :\n"
        "• Le nouveau quartier d’affaires de Lomé, où se sont installés la plupart des plateaux "
        "qui servent les marques françaises depuis trois ans\n"
        "• Le rédacteur en chef avec l’équipe d’encadrement du plateau, le jour de l’inauguration "
        "du deuxième étage"
    )
    article = only(page("Ouvrir un plateau à Lomé", LONG, CLOSING, "Par Yann Kerhervé", legends))
    assert article.body.endswith(CLOSING)


def test_a_name_alone_under_the_title_is_the_photos_caption():
    header = "Publié le 22 mai 2018 à 16:40 par Magazine En-Contact"
    title = "Rideau pour le centre d’appels de Vierzon"
    article = only(page(title, header, f"{title}\nOdile Ferrand", LONG, MIDDLE, CLOSING))
    assert article.body.startswith(OPENING)
    assert article.authors == []


def test_file_names_with_capitals_before_the_text_go():
    for name, text in (
        ("Visite-ministre-Limoges", OPENING),
        ("ARVENA_SAINT_ETIENNE_112B ", OPENING),
    ):
        article = only(page("Un centre d’appels pour Metz", f"{name}{text}", LONG, CLOSING))
        assert article.body.startswith(OPENING), name


def test_a_first_line_of_two_sentences_without_a_full_stop_is_the_title():
    title = "Ma signature figurait sur huit millions de factures. L’ex-directrice raconte"
    article = only(glued(title, LONG, MIDDLE, CLOSING))
    assert article.title == title
    assert not any("Titre deviné" in warning for warning in article.warnings)


def test_a_byline_role_may_name_its_organisation_after_a_comma():
    signature = "Par Odile Ferrand, Directrice Expérience Client, Groupe Nordline Habitat"
    article = only(page("L’écoute des centres d’appels", LONG, CLOSING, signature))
    assert authors(article) == [
        ("Odile Ferrand", "Directrice Expérience Client, Groupe Nordline Habitat")
    ]


def test_two_authors_joined_by_et_after_a_role_stay_two():
    signature = "Par Odile Ferrand, directrice de la rédaction, et Yann Kerhervé"
    article = only(page("L’écoute des centres d’appels", LONG, CLOSING, signature))
    assert [name for name, _role in authors(article)] == ["Odile Ferrand", "Yann Kerhervé"]


def test_a_byline_after_a_headlines_question_mark_is_cut_off_the_title():
    article = only(
        glued(
            "Le sinistre, moment de vérité de l’assureur ? par Odile Ferrand", LONG, MIDDLE, CLOSING
        )
    )
    assert article.title == "Le sinistre, moment de vérité de l’assureur ?"
    assert authors(article) == [("Odile Ferrand", None)]


def test_an_archive_line_naming_the_magazine_and_the_month_is_furniture():
    article = only(
        page("Des plateaux fantômes", "Archive : En-Contact, février 2018", LONG, CLOSING)
    )
    assert article.body.startswith(OPENING)


def test_a_title_repeated_with_other_quote_marks_is_still_the_title():
    title = '"Les usagers veulent une réponse", Odile Ferrand, Nordline'
    repeat = "'Les usagers veulent une réponse', Odile Ferrand, Nordline"
    article = only(page("Recherche", title, "Publié par le", repeat, LONG, MIDDLE, CLOSING))
    assert article.standfirst is None
    assert repeat not in article.body
