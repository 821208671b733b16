"""Layout rules learnt from the held-out rounds 48-53, one test each: the pattern and a near
neighbour that must not trigger it. Every page here is made up for the test."""

from articles.importing.junk import CUT_SHORTCODE
from articles.importing.metadata import read_meta
from articles.importing.signatures import read_byline
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
from tests.importing.test_layout_rules_4 import HEADER, newer_template
from textkit.folding import fold

INTRODUCTION = (
    "Trois villes de l'Ouest se disputent les nouveaux plateaux des assureurs. Les élus y "
    "promettent des locaux neufs, les prestataires des centaines d'emplois, et chacun compte "
    "déjà ses recrues. Reste à savoir qui paiera les formations, et combien de temps les "
    "conseillers resteront."
)
SUBHEADING = "Des loyers qui font la différence"


def test_an_undated_pages_introduction_above_its_first_subheading_is_the_text():
    article = only(
        glued("Les plateaux de l'Ouest", INTRODUCTION, SUBHEADING, LONG, MIDDLE, CLOSING)
    )
    assert (article.standfirst, article.body.startswith(INTRODUCTION)) == (None, True)


def test_an_undated_pages_long_one_sentence_introduction_above_a_subheading_is_the_standfirst():
    sentence = INTRODUCTION.split(". ")[0] + " et chacun compte déjà ses recrues."
    article = only(glued("Les plateaux de l'Ouest", sentence, SUBHEADING, LONG, MIDDLE, CLOSING))
    assert article.standfirst == sentence


def test_a_dated_pages_first_paragraph_above_a_subheading_stays_the_text():
    text = newer_template("Les plateaux de l'Ouest", INTRODUCTION, SUBHEADING, LONG, CLOSING)
    article = only(text)
    assert (article.standfirst, article.body.startswith(INTRODUCTION)) == (None, True)


def test_an_introduction_opening_on_a_quote_stays_the_text():
    quoted = f"« On n'a jamais vu autant de candidats. » {INTRODUCTION}"
    article = only(glued("Les plateaux de l'Ouest", quoted, SUBHEADING, LONG, CLOSING))
    assert (article.standfirst, article.body.startswith(quoted)) == (None, True)


def test_a_newspaper_section_and_headline_above_the_byline_are_not_the_text():
    rubric = "Emploi – Le retour des plateaux,"
    text = page(*AMBUSH_HEADER, "Relocalisations", rubric, "par Jeanne Martin", LONG, CLOSING)
    article = only(text)
    assert (rubric in article.body, [a.name for a in article.authors]) == (
        False,
        ["Jeanne Martin"],
    )


def test_a_sentence_ending_with_a_comma_without_a_byline_below_stays_the_text():
    clause = "Depuis le printemps, à Guéret comme à Vierzon,"
    text = page(*AMBUSH_HEADER, "Relocalisations", clause, "les plateaux recrutent.", LONG)
    assert only(text).body.startswith(clause)


def test_a_newspapers_name_under_a_reprints_date_is_its_source():
    text = page(
        "Un humoriste au casque",
        "Le 27 août 2009 par Magazine En-Contact",
        "le 12/08/09",
        "La Gazette",
        LONG,
        MIDDLE,
        CLOSING,
    )
    article = only(text)
    assert (article.body.startswith(LONG), article.standfirst) == (True, None)


def test_a_heading_under_a_date_is_no_newspaper():
    heading = "Les premiers pas"
    text = page("Un humoriste au casque", "le 12/08/09", heading, LONG, MIDDLE, CLOSING)
    assert only(text).body.startswith(heading)


def test_a_date_then_a_newspaper_above_the_title_is_a_source_line():
    text = page(*AMBUSH_HEADER, "3 juin 2004 – La Gazette.fr", "Le grand départ", LONG, CLOSING)
    assert only(text).title == "Le grand départ"


def test_a_date_then_a_dateline_is_not_a_source_line():
    assert read_meta("3 juin 2004 Paris", fold("3 juin 2004 Paris")) is None


def test_a_newspapers_byline_with_its_date_and_time_after_bars_names_the_author():
    line = "Par Hélène Garnier | 21/06 | 07:00 | Lesechos"
    assert [author.name for author in read_byline(line, fold(line))] == ["Hélène Garnier"]


def test_an_archive_label_gives_the_issue_number_and_no_section():
    line = "Archive : En-Contact n°61, mars 2011"
    meta = read_meta(line, fold(line))
    assert (meta.issue_number, meta.category) == (61, None)


def test_a_shortcode_cut_with_the_page_leaves_nothing():
    text = newer_template("Les plateaux de l'Ouest", OPENING, LONG, CLOSING, "[divider top=”0")
    assert only(text).body.endswith(CLOSING)
    assert not CUT_SHORTCODE.match("[1] Voir la note")


def test_a_first_line_quoting_someone_then_a_sentence_is_the_title():
    title = "“Pas de panique en affaires”. Le livre qui raconte trente ans de plateaux."
    article = only(page(title, OPENING, LONG, CLOSING))
    assert (article.title, article.body.startswith(OPENING)) == (title, True)


def test_a_long_interview_question_after_a_blank_does_not_start_a_post():
    question = (
        "Après toutes ces années passées à travailler ensemble, que pensez-vous aujourd'hui "
        "de la nouvelle équipe qui dirige le groupe et de ses projets ?"
    )
    interview = glued(
        "Dans quelles circonstances avez-vous rencontré les fondateurs du groupe ?", LONG
    )
    text = glued("Un actionnaire raconte", OPENING, interview) + "\n" + glued(question, MIDDLE)
    assert [article.title for article in parse_text(text).articles] == ["Un actionnaire raconte"]


def test_two_names_with_their_roles_under_the_title_caption_two_photos():
    people = ("Marc Delorme – Directeur Relation Client Nordtel", "Anne Vial – Directrice Nordtel")
    article = only(newer_template("Trois mille postes en jeu", " ", *people, LONG, CLOSING))
    assert (article.authors, article.body.startswith(LONG)) == ([], True)


def test_one_name_with_a_role_under_the_title_is_the_byline():
    byline = "Marc Delorme – Directeur Relation Client Nordtel"
    article = only(newer_template("Trois mille postes en jeu", byline, LONG, CLOSING))
    assert [author.name for author in article.authors] == ["Marc Delorme"]


def test_a_slideshows_javascript_notice_is_furniture():
    notice = "Ce diaporama nécessite JavaScript."
    article = only(newer_template("Un reportage à Cebu", notice, LONG, MIDDLE, notice, CLOSING))
    assert notice not in article.body


def test_a_picture_name_under_the_repeated_title_is_not_joined_to_it():
    title = "Art et conseil ? Le fondateur de Vocalia change de vie et ouvre une galerie à Gand"
    picture = ("marc_lenoir_vocalia_112", "Marc Lenoir dans sa galerie – 2017 © Paul Roy")
    text = page("Le magazine.", title, glued(HEADER, title, *picture), LONG, MIDDLE, CLOSING)
    article = only(text)
    assert (article.standfirst, article.body.startswith(LONG)) == (None, True)


def test_an_issue_number_under_a_paragraph_captions_its_cover():
    text = newer_template("Un numéro spécial", LONG, "Le magazine En-Contact n°127", CLOSING)
    article = only(text)
    assert (article.issue_number, "n°127" in article.body) == (None, False)


def test_an_issue_line_above_the_text_still_numbers_it():
    article = only(newer_template("Un numéro spécial", "Édito n°84 /", LONG, CLOSING))
    assert article.issue_number == 84


def test_a_date_under_the_header_is_metadata_though_the_tagline_is_a_long_sentence():
    tagline = "Le magazine indépendant et international du BPO, du CRM et de l'expérience client."
    title = "Les derniers rebondissements de l'affaire Nordtel"
    article = only(page(tagline, title, glued(HEADER, title), "Le 12 juin 2012", LONG, CLOSING))
    assert article.body.startswith(LONG)


def test_a_caption_under_a_numbered_picture_name_goes_with_it():
    picture = glued("nordtel.027", "L'un des plateaux de Nordtel")
    article = only(newer_template("L'affaire Nordtel", picture, LONG, MIDDLE, CLOSING))
    assert article.body.startswith(LONG)


def test_a_question_under_a_picture_name_stays_the_text():
    question = "Comment êtes-vous entré dans ce métier ?"
    text = newer_template("Un parcours", glued("portrait-marc-lenoir", question), LONG, CLOSING)
    assert question in only(text).body


def test_two_people_together_somewhere_between_paragraphs_caption_a_photo():
    caption = "Claude Morel avec Anne Vial à Cotonou, Bénin"
    # under a second paragraph: right under the title, a teaser above its photo is a doubt
    article = only(newer_template("Le marché béninois", LONG, MIDDLE, caption, CLOSING))
    assert (caption in article.body, article.needs_review) == (False, False)


def test_two_places_together_between_paragraphs_stay_the_text():
    line = "Paris et Lyon se disputent les plateaux"
    assert line in only(newer_template("Le marché", LONG, line, MIDDLE, CLOSING)).body


def test_a_time_stamped_upload_name_is_a_picture():
    text = newer_template("Un mécène", glued("20150603171856society_logo", LONG), CLOSING)
    assert only(text).body.startswith(LONG)


QUESTION = "Un coup dur pour le label et pour les prestataires qui avaient tout misé dessus ?"


def test_a_bare_pages_question_glued_under_its_title_is_the_standfirst():
    article = only(glued("Le label social perd un client", QUESTION, LONG, MIDDLE, CLOSING))
    assert (article.standfirst, article.body.startswith(LONG)) == (QUESTION, True)


def test_a_question_under_a_dated_header_stays_the_text():
    text = newer_template("Le label social perd un client", QUESTION, LONG, MIDDLE, CLOSING)
    assert only(text).body.startswith(QUESTION)


def test_an_interviewers_labelled_question_stays_the_text():
    question = f"En-Contact : {QUESTION}"
    text = glued("Le label social perd un client", question, f"Marc Roy : {LONG}", CLOSING)
    assert only(text).standfirst is None


def test_a_name_and_role_alone_under_the_repeated_title_is_not_its_subtitle():
    person = "Thierry Mensah, Directeur Afrique de l'Ouest Linkis – Telvia"
    article = only(newer_template("« Le Bénin compte »", person, LONG, MIDDLE, CLOSING))
    assert (article.standfirst, article.body.startswith(LONG)) == (None, True)


def test_a_subtitle_closing_on_its_month_and_year_is_the_standfirst():
    subtitle = (
        "Choisissez le sous-titre : Le vieux lion rugit encore ou The Comeback Kid* ( mars 2018)"
    )
    article = only(glued("Armelis : toujours debout", subtitle, LONG, MIDDLE, CLOSING))
    assert (article.standfirst, article.body.startswith(LONG)) == (subtitle, True)


def test_a_first_sentence_calling_a_footnote_stays_the_text():
    sentence = "Une poignée de conseillers répond en picard aux clients qui le souhaitent*."
    article = only(glued("Le plateau qui parlait patois", sentence, LONG, MIDDLE, CLOSING))
    assert (article.standfirst, article.body.startswith(sentence)) == (None, True)


def test_a_caption_naming_a_firm_and_its_town_between_paragraphs_goes():
    caption = "Chez Nordtel, à Antsirabe. Sur les plateaux, les données sont un enjeu central."
    article = only(newer_template("Le marché malgache", LONG, caption, MIDDLE, CLOSING))
    assert caption not in article.body


def test_a_long_first_line_above_its_dated_header_is_the_title_full_stop_or_not():
    title = (
        "D'après Kivio, le cofondateur d'Assistel aurait « orchestré une campagne de dénigrement »."
    )
    article = only(page(title, "Le 26 novembre 2019 par Magazine En-Contact", LONG, CLOSING))
    assert article.title == title


def test_a_series_tag_above_the_text_is_its_category():
    text = glued(
        "Un Bernard Tapie du plateau ? (Crédit Lyonnais en moins)", "#Beautiful People//", LONG
    )
    article = only(text + CLOSING + "\n")
    assert (article.category, article.title, article.body.startswith(LONG)) == (
        "Beautiful People",
        "Un Bernard Tapie du plateau ? (Crédit Lyonnais en moins)",
        True,
    )


def test_a_series_tag_under_a_paragraph_stays_a_subheading():
    article = only(newer_template("Le franc-tireur", LONG, "#Les Tontons flingueurs//", CLOSING))
    assert (article.category, "#Les Tontons flingueurs//" in article.body) == (None, True)


def test_a_short_line_carrying_the_title_on_is_the_standfirst():
    for goes_on in ("Et ne plus pouvoir s'en passer !", ".. et 500 boulangeries !"):
        article = only(glued("Vendre par téléphone à Cotonou", goes_on, LONG, MIDDLE, CLOSING))
        assert (article.standfirst, article.body.startswith(LONG)) == (goes_on, True)


def test_a_letters_address_under_the_repeated_title_is_the_standfirst():
    text = newer_template("On attend l'émission", "Ma lettre à Nicolas.", LONG, MIDDLE, CLOSING)
    assert only(text).standfirst == "Ma lettre à Nicolas."


def test_a_short_opening_sentence_stays_the_text():
    text = newer_template("Le rachat est signé", "C'est officiel.", LONG, MIDDLE, CLOSING)
    assert only(text).body.startswith("C'est officiel.")


def test_a_quotation_then_a_sentence_under_the_title_are_two_sentences():
    summary = "“Parfaits pour les barbecues”. Le rôle des superviseurs dans les centres d'appels."
    text = newer_template("Le management en question", summary, LONG, MIDDLE, CLOSING)
    article = only(text)
    assert (article.standfirst, article.body.startswith(summary)) == (None, True)


def test_a_numbered_rule_under_a_paragraph_stays_a_subheading():
    text = page(
        "Diriger au pays des volcans", "En-Contact 46 /", LONG, "Règle n°1", MIDDLE, CLOSING
    )
    article = only(text)
    assert (article.issue_number, "Règle n°1" in article.body) == (46, True)
