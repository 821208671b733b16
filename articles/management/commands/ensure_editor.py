"""Make sure the local editor account exists; print its password the first time only."""

import secrets

from django.contrib.auth import get_user_model
from django.contrib.auth.models import Group
from django.core.management.base import BaseCommand


class Command(BaseCommand):
    help = "Crée le compte éditeur local s'il n'existe pas et affiche son mot de passe."

    def add_arguments(self, parser):
        parser.add_argument("--username", default="editeur")

    def handle(self, *args, username, **options):
        User = get_user_model()
        user, created = User.objects.get_or_create(
            username=username, defaults={"is_staff": True, "email": f"{username}@localhost"}
        )
        user.groups.add(Group.objects.get(name="Éditeur"))
        if created:
            password = secrets.token_urlsafe(12)
            user.set_password(password)
            user.save()
            self.stdout.write(
                self.style.SUCCESS(
                    f"Compte éditeur créé — identifiant : {username}  mot de passe : {password}\n"
                    "Notez-le : il ne sera plus affiché. (Nouveau mot de passe : "
                    f"python manage.py changepassword {username})"
                )
            )
        else:
            self.stdout.write(
                f"Compte éditeur « {username} » déjà présent (mot de passe inchangé)."
            )
