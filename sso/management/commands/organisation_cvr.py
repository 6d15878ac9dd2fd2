"""Show or set organisations' CVR numbers (single sign-on finds a user's organisation by them).

    manage.py organisation_cvr                       # list: name, CVR (or "mangler"), source
    manage.py organisation_cvr Albertslund 66137112 --by sekretariat
    manage.py organisation_cvr Albertslund --clear --by sekretariat

A number set here is a person's edit (history: simple-history, with --by as the user); load_kkr_data
keeps it rather than the loaded one.
"""

from django.contrib.auth import get_user_model
from django.core.management.base import BaseCommand, CommandError
from django.db import IntegrityError, transaction
from simple_history.utils import update_change_reason

from core.models import Organisation, UnknownOrganisation
from core.organisation_cvr import valid_cvr


class Command(BaseCommand):
    help = "Vis eller ret organisationers CVR-numre (bruges af single sign-on)."

    def add_arguments(self, parser):
        parser.add_argument("organisation", nargs="?", help="Organisationens navn")
        parser.add_argument("cvr", nargs="?", help="Otte cifre")
        parser.add_argument("--clear", action="store_true", help="Fjern CVR-nummeret")
        parser.add_argument("--by", help="Brugernavn på den, der retter (gemmes i historikken)")

    def handle(self, *args, organisation=None, cvr=None, clear=False, by=None, **options):
        if organisation is None:
            for org in Organisation.objects.order_by("name"):
                self.stdout.write(f"{org.name}\t{org.cvr or 'mangler'}\t{org.cvr_source_ref or '-'}")
            return
        try:
            org = Organisation.by_name(organisation)
        except UnknownOrganisation as error:
            raise CommandError(str(error)) from error
        if clear == bool(cvr):
            raise CommandError("Angiv enten et CVR-nummer eller --clear.")
        if cvr is not None and not valid_cvr(cvr.strip()):
            raise CommandError(f"«{cvr}» er ikke et gyldigt CVR-nummer (otte cifre, modulus 11).")
        user = None
        if by:
            user = get_user_model().objects.filter(username=by).first()
            if user is None:
                raise CommandError(f"Ukendt bruger: «{by}».")
        org.cvr = None if clear else cvr.strip()
        org.cvr_source_ref = ""
        org._history_user = user
        try:
            with transaction.atomic():
                org.save(update_fields=["cvr", "cvr_source_ref"])
                update_change_reason(org, "CVR-nummer rettet med manage.py organisation_cvr")
        except IntegrityError as error:
            holder = Organisation.objects.filter(cvr=org.cvr).exclude(pk=org.pk).first()
            raise CommandError(f"CVR-nummeret bruges allerede af {holder}.") from error
        self.stdout.write(f"{org.name}: {org.cvr or 'mangler'}")
