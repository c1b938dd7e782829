"""Add a National Society, its case-study section and its editors, in one go.

    manage.py add_national_society "Kenya Red Cross Society" --country KE \\
        --editor jane@example.org --editor omar@example.org

Creates what is missing and leaves what exists as it is, so running it again changes nothing:
the society (whose editors' group and collection ifrc_site.editorial.roles creates as it
is saved), its published section under the case-study listing of the default language (from
which the group may write there), and an account in the group for each editor, who is
e-mailed a link to set a password. The e-mails go once everything is saved.
"""

from urllib.parse import urlsplit

from django.conf import settings
from django.contrib.auth import get_user_model
from django.contrib.auth.forms import PasswordResetForm
from django.core.exceptions import ValidationError
from django.core.mail import send_mail
from django.core.management.base import BaseCommand, CommandError
from django.core.validators import validate_email
from django.db import transaction
from django.urls import reverse
from django.utils.text import slugify

from wagtail.admin.views.account import password_reset_enabled
from wagtail.coreutils import find_available_slug
from wagtail.models import Locale

from django_countries import countries

from ifrc_site.editorial import roles
from ifrc_site.models import NationalSociety
from resources.models import CaseStudyIndexPage, CaseStudySectionPage


class InvitationForm(PasswordResetForm):
    """Django's password reset, for one account that has no password yet.

    Django's own form writes only to accounts with a usable password (so that it cannot be
    used to give one to an account without); here the account is named by the administrator.
    The link is the admin's own "set a new password" page.
    """

    def __init__(self, user, society):
        super().__init__(data={"email": user.email})
        self.user = user
        self.society = society

    def get_users(self, email):
        return [self.user]

    def send_mail(
        self,
        subject_template_name,
        email_template_name,
        context,
        from_email,
        to_email,
        html_email_template_name=None,
    ):
        base_url = settings.WAGTAILADMIN_BASE_URL.rstrip("/")
        link = base_url + reverse(
            "wagtailadmin_password_reset_confirm",
            kwargs={"uidb64": context["uid"], "token": context["token"]},
        )
        days = max(1, settings.PASSWORD_RESET_TIMEOUT // (24 * 60 * 60))
        site_name = settings.WAGTAIL_SITE_NAME
        body = (
            f"Hello,\n\n"
            f"An editor's account has been made for you on the {site_name} site, so that you "
            f"can write case studies for the {self.society.name}.\n\n"
            f"Choose your password here (the link works once, for {days} days):\n"
            f"{link}\n\n"
            f"Your username: {self.user.get_username()}\n\n"
            f"Then log in at {base_url}{reverse('wagtailadmin_login')}. What you write goes to "
            f"communications staff for approval before it is published.\n"
        )
        send_mail(f"Your editor's account on {site_name}", body, from_email, [to_email])


class Command(BaseCommand):
    help = (
        "Add a National Society with its editors' group and collection, its published "
        "case-study section and an account for each editor, who is e-mailed a link to set a "
        "password. Creates only what is missing: safe to run again."
    )

    def add_arguments(self, parser):
        parser.add_argument("name", help='The society\'s name, e.g. "Kenya Red Cross Society".')
        parser.add_argument(
            "--country", required=True, help="Its country, as a two-letter code, e.g. KE."
        )
        parser.add_argument(
            "--slug", help="Its slug, used in the section's address. Default: from the name."
        )
        parser.add_argument(
            "--editor",
            action="append",
            default=[],
            metavar="EMAIL",
            help="An editor's e-mail address, also their username. Repeat for each editor.",
        )
        parser.add_argument(
            "--resend",
            action="store_true",
            help="E-mail the link again to the editors named who have not set a password yet.",
        )

    def handle(self, *args, name, country, slug, editor, resend, **options):
        name = " ".join(name.split())
        if not name:
            raise CommandError("Give the society's name.")
        country = country.strip().upper()
        if country not in dict(countries):
            raise CommandError(f"{country} is not a country code (two letters, e.g. KE).")
        slug = slugify(slug or name)[:100]
        if not slug:
            raise CommandError("The name gives no slug: give one with --slug.")
        emails = []
        for address in editor:
            address = address.strip()
            try:
                validate_email(address)
            except ValidationError:
                raise CommandError(f"{address!r} is not an e-mail address.") from None
            if address.lower() not in (known.lower() for known in emails):
                emails.append(address)
        if emails:
            if not password_reset_enabled():
                raise CommandError(
                    "The admin's password reset is switched off (WAGTAIL_PASSWORD_RESET_ENABLED), "
                    "so new editors could not set a password: switch it on, or leave out "
                    "--editor and add them under Settings → Users."
                )
            if not getattr(settings, "WAGTAILADMIN_BASE_URL", ""):
                raise CommandError("Set WAGTAILADMIN_BASE_URL: the e-mailed links start with it.")

        self.changed = False
        with transaction.atomic():
            society = self.society(name, country, slug)
            self.section(society)
            to_invite = [self.editor(address, society, resend) for address in emails]
        to_invite = [user for user in to_invite if user is not None]

        for user in to_invite:
            form = InvitationForm(user, society)
            form.is_valid()
            try:
                form.save(domain_override=urlsplit(settings.WAGTAILADMIN_BASE_URL).netloc)
            except Exception as error:
                raise CommandError(
                    f"Could not e-mail {user.email} ({error}). Their account is ready: run the "
                    "command again with --resend once mail works."
                ) from error
            self.stdout.write(f"E-mailed {user.email} a link to set a password.")
        if not self.changed and not to_invite:
            self.stdout.write("Nothing to do: everything was already there.")

    def done(self, message):
        self.changed = True
        self.stdout.write(message)

    def society(self, name, country, slug):
        locale = Locale.get_default()
        existing = NationalSociety.objects.filter(locale=locale)
        society = existing.filter(name__iexact=name).first() or existing.filter(slug=slug).first()
        if society is None:
            society = NationalSociety(name=name, slug=slug, country=country, locale=locale)
            society.save()  # ifrc_site.editorial.roles makes its group and collection
            society.refresh_from_db()
            self.done(
                f'Created the National Society "{society.name}" ({country}), with the group '
                f'"{society.editor_group}" and the collection '
                f'"{roles.SOCIETIES_COLLECTION} / {society.collection}".'
            )
            return society
        if society.name.lower() != name.lower():
            raise CommandError(
                f'The slug "{slug}" is taken by "{society.name}": give another with --slug.'
            )
        if society.country.code != country:
            raise CommandError(
                f'"{society.name}" already exists with the country {society.country.code}, not '
                f"{country}: change it under Snippets → National Societies if it is wrong."
            )
        if society.editor_group_id is None or society.collection_id is None:
            roles.sync_society(society)
            self.done(f'Repaired the group and collection of "{society.name}".')
        self.stdout.write(f'The National Society "{society.name}" already exists.')
        return society

    def section(self, society):
        index = (
            CaseStudyIndexPage.objects.filter(locale=Locale.get_default()).order_by("path").first()
        )
        if index is None:
            raise CommandError(
                "There is no case-study listing in the default language to put the section "
                "under: add one first."
            )
        section = CaseStudySectionPage.objects.filter(national_society=society).first()
        if section is not None:
            state = "" if section.live else " (not published: publish it in the admin)"
            self.stdout.write(f'Its case-study section "{section.title}" already exists{state}.')
            return section
        section = CaseStudySectionPage(
            title=society.name,
            slug=find_available_slug(index, society.slug),
            national_society=society,
            intro=f"Case studies written by the {society.name}.",
        )
        index.add_child(instance=section)  # ifrc_site.editorial.roles lets the group write there
        section.save_revision().publish()
        self.done(
            f'Created and published its case-study section "{section.title}" '
            f"at {section.get_url() or section.url_path}."
        )
        return section

    def editor(self, address, society, resend):
        """Make sure there is an account for `address` in the society's group; return it if
        it is to be e-mailed a link to set its password."""
        User = get_user_model()
        group = society.editor_group
        matches = list(User.objects.filter(email__iexact=address)[:2])
        if len(matches) > 1:
            raise CommandError(f"Several accounts have the address {address}: sort that out first.")
        user = matches[0] if matches else User.objects.filter(username__iexact=address).first()
        if user is None:
            user = User(username=address.lower(), email=address, is_active=True)
            user.set_unusable_password()
            user.save()
            user.groups.add(group)
            self.done(f'Created the editor {user.get_username()} in "{group.name}".')
            return user
        if not user.groups.filter(pk=group.pk).exists():
            user.groups.add(group)
            self.done(
                f'Added {user.get_username()}, who already had an account, to "{group.name}".'
            )
        else:
            self.stdout.write(f'{user.get_username()} is already in "{group.name}".')
        if not user.is_active:
            self.stdout.write(f"  {user.get_username()}'s account is switched off: left as it is.")
            return None
        if not user.has_usable_password() and user.last_login is None:
            if resend:
                return user
            self.stdout.write(
                f"  {user.get_username()} has not set a password yet: --resend e-mails the link "
                "again."
            )
        return None
