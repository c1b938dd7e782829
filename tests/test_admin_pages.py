"""Staff create every page type through the admin's own views, and the page tree holds."""

from wagtail.models import Locale, Page
from wagtail.test.utils import WagtailPageTestCase
from wagtail.test.utils.form_data import nested_form_data, rich_text, streamfield

from ifrc_site.models import HomePage, NationalSociety, StandardPage
from immunization.models import ImmunizationPage
from migration.models import HelpFinderPage, MigrationPage
from news.models import NewsIndexPage, NewsStoryPage
from resources.models import (
    CaseStudyIndexPage,
    CaseStudyPage,
    CaseStudySectionPage,
    ResourceIndexPage,
)

from .factories import ImageFactory


class PageTreeTests(WagtailPageTestCase):
    def test_home_sits_at_the_root(self):
        self.assertCanCreateAt(Page, HomePage)
        self.assertAllowedParentPageTypes(HomePage, {Page})

    def test_home_holds_programmes_listings_and_standard_pages(self):
        self.assertAllowedSubpageTypes(
            HomePage,
            {
                MigrationPage,
                ImmunizationPage,
                NewsIndexPage,
                ResourceIndexPage,
                CaseStudyIndexPage,
                StandardPage,
            },
        )

    def test_programme_pages_live_under_home(self):
        for model in (MigrationPage, ImmunizationPage):
            self.assertAllowedParentPageTypes(model, {HomePage})
            self.assertCanNotCreateAt(Page, model)
            self.assertCanNotCreateAt(NewsIndexPage, model)
        self.assertAllowedSubpageTypes(ImmunizationPage, {})
        # The migrants' help finder is the Migration page's only kind of child.
        self.assertAllowedSubpageTypes(MigrationPage, {HelpFinderPage})

    def test_news_stories_live_only_in_the_news_listing(self):
        self.assertCanCreateAt(NewsIndexPage, NewsStoryPage)
        self.assertCanNotCreateAt(HomePage, NewsStoryPage)
        self.assertCanNotCreateAt(MigrationPage, NewsStoryPage)
        self.assertAllowedSubpageTypes(NewsStoryPage, {})

    def test_case_studies_live_in_a_society_section(self):
        self.assertCanCreateAt(CaseStudyIndexPage, CaseStudySectionPage)
        self.assertCanCreateAt(CaseStudySectionPage, CaseStudyPage)
        self.assertCanNotCreateAt(CaseStudyIndexPage, CaseStudyPage)
        self.assertCanNotCreateAt(HomePage, CaseStudyPage)
        self.assertAllowedSubpageTypes(CaseStudyPage, {})

    def test_resource_library_is_a_leaf(self):
        self.assertAllowedSubpageTypes(ResourceIndexPage, {})
        self.assertCanNotCreateAt(Page, ResourceIndexPage)


class AdminCreateTests(WagtailPageTestCase):
    """Each page type made through the admin's create view, with its blocks."""

    def setUp(self):
        self.login()
        self.home = HomePage.objects.get(locale=Locale.get_default())
        self.image = ImageFactory()

    def programme_body(self):
        return streamfield(
            [
                ("intro", rich_text("<p>Vaccines protect whole communities.</p>")),
                (
                    "key_figures",
                    {
                        "heading": "",
                        "figures": streamfield(
                            [
                                (
                                    "item",
                                    {"number": "192", "label": "National Societies", "source": ""},
                                )
                            ]
                        ),
                    },
                ),
                (
                    "numbered_list",
                    {
                        "heading": "A plan in three steps",
                        "intro": rich_text(""),
                        "items": streamfield(
                            [
                                ("item", rich_text("<p>Advocate</p>")),
                                ("item", rich_text("<p>Trust</p>")),
                            ]
                        ),
                        "closing": rich_text(""),
                    },
                ),
                (
                    "contact",
                    {
                        "heading": "Contact",
                        "text": rich_text(""),
                        "name": "Indu Adhikary",
                        "role": "",
                        "team": "Immunization team",
                        "email": "team@example.org",
                        "phone": "",
                        "photo": {"image": "", "alt_text": "", "decorative": ""},
                    },
                ),
            ]
        )

    def test_create_programme_page_with_blocks(self):
        # A programme page type exists once per home page: create it under a new home page.
        other_home = Page.get_first_root_node().add_child(
            instance=HomePage(title="Another site", slug="another-site")
        )
        data = nested_form_data(
            {
                "title": "Immunization",
                "slug": "immunization-new",
                "strapline": "Vaccines for every child.",
                "hero_caption": "",
                "body": self.programme_body(),
            }
        )
        self.assertCanCreate(other_home, ImmunizationPage, data)
        page = ImmunizationPage.objects.get(slug="immunization-new")
        assert [block.block_type for block in page.body] == [
            "intro",
            "key_figures",
            "numbered_list",
            "contact",
        ]

    def test_create_standard_page(self):
        data = nested_form_data(
            {
                "title": "About us",
                "slug": "about-us",
                "intro": "Who we are.",
                "body": streamfield([("paragraph", rich_text("<p>We are a network.</p>"))]),
            }
        )
        self.assertCanCreate(self.home, StandardPage, data)

    def test_create_news_story(self):
        news = NewsIndexPage.objects.child_of(self.home).get()
        migration = MigrationPage.objects.child_of(self.home).get()
        data = nested_form_data(
            {
                "title": "Families find a home in Thessaloniki",
                "slug": "families-thessaloniki",
                "city": "Thessaloniki",
                "country": "GR",
                "date": "2017-05-16",
                "summary": "Two families who met in Turkey now share a house.",
                "hero_image": self.image.pk,
                "hero_caption": "The families outside their house.",
                "body": streamfield([("paragraph", rich_text("<p>They met by chance.</p>"))]),
            }
        )
        # The programmes, a multiple choice, post one value per choice, as the browser does.
        data.update({"programmes": [migration.pk]})
        self.assertCanCreate(news, NewsStoryPage, data)
        story = NewsStoryPage.objects.get(slug="families-thessaloniki")
        assert list(story.programmes.all()) == [migration.page_ptr]

    def test_create_listing_pages(self):
        for model in (NewsIndexPage, ResourceIndexPage, CaseStudyIndexPage):
            model.objects.child_of(self.home).delete()
            data = nested_form_data(
                {
                    "title": model._meta.verbose_name.title(),
                    "slug": model.__name__.lower(),
                    "intro": "",
                }
            )
            self.assertCanCreate(self.home, model, data)

    def test_create_case_study_section_and_case_study(self):
        index = CaseStudyIndexPage.objects.child_of(self.home).get()
        society = NationalSociety.objects.get(slug="pakistan-red-crescent", locale=self.home.locale)
        self.assertCanCreate(
            index,
            CaseStudySectionPage,
            nested_form_data(
                {
                    "title": "New section",
                    "slug": "new-section",
                    "national_society": society.pk,
                    "intro": "",
                }
            ),
        )
        section = CaseStudySectionPage.objects.get(slug="new-section")
        immunization = ImmunizationPage.objects.child_of(self.home).get()
        data = nested_form_data(
            {
                "title": "Vaccinating in border villages",
                "slug": "border-villages",
                "national_society": society.pk,
                "country": "PK",
                "programme": immunization.pk,
                "date": "2020-01-20",
                "summary": "Outreach where clinics do not reach.",
                "hero_image": self.image.pk,
                "hero_caption": "",
                "body": streamfield([("paragraph", rich_text("<p>They walked for hours.</p>"))]),
                "consent_recorded": "on",
            }
        )
        self.assertCanCreate(section, CaseStudyPage, data)
