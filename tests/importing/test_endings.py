"""What a page prints under its text beyond menus (`articles.importing.endings` and the comment
and link headings of `furniture`): a newsletter's sign-up box, a cookie banner, the magazine's
own advertisement under the writer's name, the site's footer, closed comments, pingbacks, the
links to the posts on either side. Each rule with a near neighbour that must not trigger it;
every page here is made up."""

import pytest

from tests.importing.test_layout_rules import CLOSING, LONG, glued, only, page

TITLE = "Les plateaux de Dakar recrutent des conseillers bilingues"
DATED = "Publié le 12 mars 2019 par Magazine En-Contact"
PITCH = "Recevez chaque semaine l’essentiel de la relation client dans votre boîte mail."
NAME = "Claire Dumont"


def names(article):
    return [author.name for author in article.authors]


@pytest.mark.parametrize(
    "box",
    [
        [PITCH, "Votre adresse e-mail", "Je m'inscris"],
        [PITCH, "Email*", "OK"],
        ["Inscrivez-vous à notre newsletter", "Adresse e-mail :", "Valider"],
        ["Ne manquez plus aucun numéro : la lettre d’information arrive le mardi.", "S'inscrire"],
    ],
)
def test_a_sign_up_box_under_the_text_is_furniture_and_the_name_above_it_signs(box):
    article = only(page(TITLE, DATED, LONG, CLOSING, NAME, *box))
    assert article.body == f"{LONG}\n\n{CLOSING}"
    assert names(article) == [NAME]


def test_a_sign_up_box_on_a_page_without_blank_lines():
    article = only(glued(TITLE, DATED, LONG, CLOSING, NAME, PITCH, "Votre e-mail", "Je m'inscris"))
    assert article.body.endswith(CLOSING)
    assert names(article) == [NAME]


@pytest.mark.parametrize(
    "ending",
    [
        # a pitch and an address with its value: the text's own contact, not a form
        [
            "Pour recevoir le rapport complet, écrivez à l’association par e-mail.",
            "Courriel : contact@asso-exemple.fr",
        ],
        # a button's words closing an édito, with no sign-up pitch above them
        ["C’est parti !"],
    ],
)
def test_lines_without_a_sign_up_form_and_its_pitch_stay(ending):
    body = only(page(TITLE, DATED, LONG, CLOSING, *ending)).body
    assert body.endswith(ending[-1])


@pytest.mark.parametrize(
    "promotion",
    [
        "Retrouvez toutes nos enquêtes dans le numéro de printemps, disponible en kiosque.",
        "Découvrez le magazine En-Contact en version numérique sur notre site.",
        "Lisez la suite de ce dossier dans notre numéro 96.",
    ],
)
def test_the_magazines_advertisement_under_the_signature_is_furniture(promotion):
    article = only(page(TITLE, DATED, LONG, CLOSING, NAME, promotion))
    assert article.body == f"{LONG}\n\n{CLOSING}"
    assert names(article) == [NAME]


@pytest.mark.parametrize(
    "ending",
    [
        # no name above it: a closing sentence of the text
        ["Retrouvez toutes nos enquêtes dans le numéro de printemps, disponible en kiosque."],
        # a name above it, but the call is not about the magazine
        [NAME, "Retrouvez les chiffres du baromètre sur le site de l’association."],
        # the magazine, but the text goes on after it
        [
            NAME,
            "Retrouvez toutes nos enquêtes dans le numéro de printemps, disponible en kiosque.",
            "Les inscriptions au salon ouvrent quant à elles en septembre, à Lyon comme à Paris.",
        ],
    ],
)
def test_a_call_that_is_not_the_magazines_advertisement_under_a_name_stays(ending):
    body = only(page(TITLE, DATED, LONG, CLOSING, *ending)).body
    assert body.endswith(ending[-1])


@pytest.mark.parametrize(
    "closed",
    ["Les commentaires sont fermés.", "Commentaires fermés", "Comments are closed."],
)
def test_closed_comments_under_the_text_are_furniture(closed):
    assert only(page(TITLE, DATED, LONG, CLOSING, closed)).body == f"{LONG}\n\n{CLOSING}"


@pytest.mark.parametrize("heading", ["Trackbacks/Pingbacks", "Rétroliens", "Pingbacks"])
def test_the_links_of_other_blogs_are_read_like_comments(heading):
    pingback = "Le film sort mercredi | Le carnet du plateau - [...] la liste des salles [...]"
    article = only(page(TITLE, DATED, LONG, CLOSING, heading, pingback))
    assert article.body == f"{LONG}\n\n{CLOSING}"


@pytest.mark.parametrize(
    "sentence",
    [
        "Les commentaires sont fermés depuis que le forum a été piraté, regrette son animateur.",
        "Trackbacks et pingbacks ont disparu des blogs au moment où les réseaux sociaux ont pris.",
    ],
)
def test_a_sentence_about_comments_or_trackbacks_stays(sentence):
    assert only(page(TITLE, DATED, LONG, CLOSING, sentence)).body.endswith(sentence)


@pytest.mark.parametrize("mark", ["(*)", "*"])
def test_a_footnote_under_a_signature_and_its_role_stays_in_the_text(mark):
    note = f"{mark} Chiffres donnés par deux prestataires, pour des contrats signés en 2010."
    article = only(page(TITLE, DATED, LONG, CLOSING, glued("Claire DUMONT", "Rédactrice"), note))
    assert (names(article), article.body) == (["Claire Dumont"], f"{LONG}\n\n{CLOSING}\n\n{note}")


COOKIES = (
    "Ce site dépose des cookies pour compter ses visites et adapter ses contenus. Vous pouvez "
    "les accepter ou les refuser à tout moment."
)


@pytest.mark.parametrize(
    "sentence",
    [
        "Les cookies de ces sites, eux, ne demandent l’avis de personne avant de se poser.",
        "La rédaction remercie les lecteurs qui ont répondu à notre enquête de printemps.",
    ],
)
def test_a_sentence_on_cookies_or_on_the_newsroom_closing_the_text_stays(sentence):
    assert only(page(TITLE, DATED, LONG, CLOSING, sentence)).body.endswith(sentence)


def test_a_newsletter_box_whose_field_the_copy_lost_is_furniture():
    box = [
        "La lettre d’En-Contact",
        "Chaque lundi, l’essentiel de la relation client dans votre boîte mail.",
        "Consultez notre politique de gestion des données personnelles",
    ]
    assert only(page(TITLE, DATED, LONG, CLOSING, *box)).body == f"{LONG}\n\n{CLOSING}"


@pytest.mark.parametrize(
    "links",
    [
        ["Article précédent", "Les plateaux rouvrent", "Article suivant", "Le droit à la pause"],
        ["Les plus lus – Afrique", "- Dakar recrute", "- Abidjan forme ses superviseurs"],
        ["Previous post", "Les plateaux rouvrent"],
    ],
)
def test_links_to_other_posts_under_their_heading_are_furniture(links):
    assert only(page(TITLE, DATED, LONG, CLOSING, *links)).body == f"{LONG}\n\n{CLOSING}"


@pytest.mark.parametrize(
    "sentence",
    [
        "L’article précédent de cette série racontait déjà les débuts du plateau de Vaise.",
        "Les plus lus des magazines du secteur sont aussi, souvent, les plus anciens.",
    ],
)
def test_a_sentence_starting_like_a_links_heading_stays(sentence):
    assert only(page(TITLE, DATED, LONG, CLOSING, sentence)).body.endswith(sentence)


TAGLINE = "Le magazine indépendant et international du BPO, du CRM et de l'expérience client."


def test_the_tagline_and_the_site_name_printed_again_in_the_footer_are_furniture():
    footer = glued("En-Contact", TAGLINE, "Mentions légales", "Contact")
    article = only(page(TAGLINE, TITLE, DATED, LONG, CLOSING, NAME, footer))
    assert (article.body, names(article)) == (f"{LONG}\n\n{CLOSING}", [NAME])


def test_a_line_of_the_text_said_twice_stays():
    """Only lines the page had already read as furniture are furniture when repeated."""
    refrain = "Et le client, dans tout ça ?"
    body = only(page(TITLE, DATED, refrain, LONG, refrain, CLOSING)).body
    assert body.count(refrain) == 2


def test_a_blogs_links_to_the_posts_on_either_side_in_quotation_marks_are_furniture():
    links = ["« Le tournage reprend lundi à Tence", "Les conseillers de Cotonou au micro »"]
    article = only(page(TITLE, DATED, LONG, CLOSING, NAME, *links))
    assert (article.body, names(article)) == (f"{LONG}\n\n{CLOSING}", [NAME])


def test_a_quotation_running_over_two_lines_with_text_after_it_stays():
    quoted = ["« Nous avons tenu bon tout l’hiver,", "et nous tiendrons encore », dit-elle."]
    after = "La direction, elle, n’a pas souhaité répondre à nos questions sur le sujet."
    body = only(page(TITLE, DATED, LONG, *quoted, after)).body
    assert all(line in body for line in quoted)


def test_a_comments_heading_that_quotes_a_long_title_starts_the_comments():
    heading = (
        "2 Responses to “« Le DVD, c’est la deuxième vie d’un petit film qui a tenu six mois »”"
    )
    comment = "Bravo pour ce billet, on attend la suite avec impatience."
    article = only(page(TITLE, DATED, LONG, CLOSING, heading, "Sandrine dit :", comment))
    assert article.body == f"{LONG}\n\n{CLOSING}"


def test_a_sentence_counting_answers_stays():
    sentence = "Deux réponses à cette question reviennent chez tous les directeurs interrogés."
    assert only(page(TITLE, DATED, LONG, CLOSING, sentence)).body.endswith(sentence)


def test_a_sidebars_search_label_is_furniture():
    article = only(page(TITLE, DATED, LONG, CLOSING, "Search for:"))
    assert article.body == f"{LONG}\n\n{CLOSING}"


@pytest.mark.parametrize(
    "ending",
    [
        [
            "Vous devez être membre pour ajouter un commentaire.",
            "Vous êtes déjà membre ? Connectez-vous",
            "Pas encore membre ? Devenez membre gratuitement",
        ],
        ["Aucun commentaire n'a encore été formulé sur cet article.", "Se connecter"],
        ["Soyez le premier à réagir"],
        [
            "Pour lire la suite de cet article, identifiez-vous ou créez un compte :",
            "Consultez nos offres d’abonnement,",
            "à partir de 8€/mois.",
        ],
    ],
)
def test_a_members_comment_box_an_empty_one_or_a_paywall_ends_the_text(ending):
    assert only(page(TITLE, DATED, LONG, CLOSING, *ending)).body == f"{LONG}\n\n{CLOSING}"


def test_a_sentence_about_members_or_comments_stays():
    sentence = (
        "Aucun commentaire de la direction, qui a préféré renvoyer vers son service de presse."
    )
    assert only(page(TITLE, DATED, LONG, CLOSING, sentence)).body.endswith(sentence)


def test_a_cookie_notice_above_the_title_is_no_title():
    notice = "En poursuivant votre navigation sur ce site, vous acceptez l'utilisation de cookies."
    article = only(page("Ok", notice, "En savoir plus.", TITLE, DATED, LONG, CLOSING))
    assert (article.title, article.body) == (TITLE, f"{LONG}\n\n{CLOSING}")


def test_a_quotes_source_naming_the_publication_is_no_signature():
    quote = "« Je ne crois pas à la disparition des plateaux, je crois à leur spécialisation. »"
    source = "Mathilde Carrère, directrice générale d’Aldine Services, dans Ouest-Éco Hebdo"
    article = only(page(TITLE, DATED, LONG, quote, source))
    assert (names(article), article.body.endswith(source)) == ([], True)


def test_a_signature_with_a_role_in_a_firm_is_still_one():
    signer = "Mathilde Carrère, directrice générale d’Aldine Services"
    assert names(only(page(TITLE, DATED, LONG, CLOSING, signer))) == ["Mathilde Carrère"]


@pytest.mark.parametrize(
    "ending",
    [
        ["2 Trackbacks/Pingbacks", "Pingback: Le film en DVD | Carnet d’un projectionniste"],
        [
            "2 réflexions sur « Les plateaux de Dakar recrutent des conseillers bilingues "
            "pour leurs clients belges et suisses »",
            "Camille R.",
            "Merci pour ce compte rendu précis.",
        ],
        ["Similaire", "Abidjan, la nouvelle frontière", "2 juin 2016", 'Dans "Offshore"'],
        ["La rédaction"],
        ["NEWSLETTER | Abonnez-vous pour recevoir nos meilleurs articles"],
        # cookie banners
        ["Pour gérer vos consentements :", COOKIES, "Accepter", "Refuser", "Paramétrer"],
        [COOKIES, "Tout accepter", "En savoir plus"],
    ],
)
def test_more_endings_of_the_whole_page_rounds_are_furniture(ending):
    assert only(page(TITLE, DATED, LONG, CLOSING, *ending)).body == f"{LONG}\n\n{CLOSING}"


def test_a_byline_with_a_reporters_role_closing_the_text_signs_it():
    article = only(page(TITLE, DATED, LONG, CLOSING, "Par Thomas Gerbaud, envoyé spécial"))
    assert (names(article), article.body) == (["Thomas Gerbaud"], f"{LONG}\n\n{CLOSING}")


def test_numbered_footnotes_under_a_signature_stay_in_the_text():
    notes = ["(1) La loi votée en début d’année rend l’attente gratuite.", "(2) À paraître."]
    article = only(page(TITLE, DATED, LONG, CLOSING, glued("Claire DUMONT", "Rédactrice"), *notes))
    assert (names(article), article.body.endswith(notes[1])) == (["Claire Dumont"], True)


def test_a_link_to_the_previous_post_named_by_its_issue_is_furniture():
    links = ["« Edito En-Contact 35", "Le centre d’appels qui ne répondait jamais »"]
    article = only(page(TITLE, DATED, LONG, CLOSING, NAME, *links))
    assert (article.body, article.issue_number) == (f"{LONG}\n\n{CLOSING}", None)


@pytest.mark.parametrize(
    "link", ["« LE BERRY RÉPUBLICAIN – Des téléconseillers dans la salle", "Le tournage reprend »"]
)
def test_a_lone_link_to_the_next_post_above_the_themes_footer_is_furniture(link):
    footer = "Designed by Elegant Themes | Powered by WordPress"
    article = only(page(TITLE, DATED, LONG, CLOSING, NAME, link, footer))
    assert (article.body, names(article)) == (f"{LONG}\n\n{CLOSING}", [NAME])


def test_a_page_cut_inside_a_quotation_keeps_it():
    cut = "« Il faut une sanction à la mesure de la gr"
    assert only(page(TITLE, DATED, LONG, CLOSING, cut)).body.endswith(cut)


def test_a_teams_sign_off_closing_the_page_is_no_author():
    article = only(page(TITLE, DATED, LONG, CLOSING, "L’équipe de 118 Productions"))
    assert (article.authors, article.body) == ([], f"{LONG}\n\n{CLOSING}")


def test_a_subheading_naming_a_team_inside_the_text_stays():
    article = only(page(TITLE, DATED, LONG, "L’équipe de nuit", CLOSING))
    assert "L’équipe de nuit" in article.body


def test_an_interview_collected_by_a_student_is_hers():
    byline = "Propos recueillis par Élodie Marchal, étudiante en master de journalisme"
    article = only(page(TITLE, DATED, LONG, CLOSING, byline))
    assert (names(article), article.body) == (["Élodie Marchal"], f"{LONG}\n\n{CLOSING}")
