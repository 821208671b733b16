import pytest


@pytest.mark.django_db
def test_home_page_answers(client):
    response = client.get("/")
    assert response.status_code == 200


@pytest.mark.django_db
def test_admin_login_answers_in_french(client):
    response = client.get("/admin/login/")
    assert (response.status_code, "Connexion" in response.text) == (200, True)
