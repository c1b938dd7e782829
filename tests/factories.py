"""One factory per model, for tests that build exactly what they need."""

import datetime

from django.core.files.base import ContentFile

import factory
import wagtail_factories

from ifrc_site.demo.media import make_pdf
from ifrc_site.models import NationalSociety
from news.models import NewsStoryPage
from resources.models import CaseStudyPage, CaseStudySectionPage, Resource


class ImageFactory(wagtail_factories.ImageFactory):
    title = factory.Sequence(lambda n: f"Picture {n}")
    description = "A volunteer talks with a family outside their home"
    credit = "IFRC"


class ResourceFactory(factory.django.DjangoModelFactory):
    title = factory.Sequence(lambda n: f"Assessment report {n}")
    resource_type = "report"
    publication_date = datetime.date(2020, 9, 18)
    language = "en"
    summary = "What the assessment found and what it recommends."

    class Meta:
        model = Resource
        skip_postgeneration_save = True

    @factory.post_generation
    def pdf(obj, create, extracted, **kwargs):
        text = extracted or "The cold chain passes to county health departments."
        data = make_pdf(
            obj.title,
            "Assessment",
            "18 September 2020",
            [("Findings", [text])],
            language=obj.language,
        )
        obj.file.save(f"{obj.title.lower().replace(' ', '-')}.pdf", ContentFile(data), save=False)
        obj._set_document_file_metadata()
        if create:
            obj.save()


class NationalSocietyFactory(factory.django.DjangoModelFactory):
    name = factory.Sequence(lambda n: f"Red Cross Society {n}")
    slug = factory.Sequence(lambda n: f"society-{n}")
    country = "PK"

    class Meta:
        model = NationalSociety


class NewsStoryPageFactory(wagtail_factories.PageFactory):
    title = factory.Sequence(lambda n: f"Volunteers reach families in the hills {n}")
    date = datetime.date(2024, 3, 1)
    city = "Medenine"
    country = "TN"
    summary = "Volunteers brought first aid and water to families waiting at the border."
    body = factory.LazyFunction(
        lambda: [{"type": "paragraph", "value": "<p>Volunteers met families at dawn.</p>"}]
    )

    class Meta:
        model = NewsStoryPage


class CaseStudySectionPageFactory(wagtail_factories.PageFactory):
    title = factory.Sequence(lambda n: f"Society section {n}")
    national_society = factory.SubFactory(NationalSocietyFactory)

    class Meta:
        model = CaseStudySectionPage


class CaseStudyPageFactory(wagtail_factories.PageFactory):
    title = factory.Sequence(lambda n: f"Reaching border communities {n}")
    date = datetime.date(2024, 1, 15)
    country = "PK"
    summary = "Vaccinators travel to villages that clinics do not reach."
    national_society = factory.LazyAttribute(lambda page: page.parent.national_society)
    consent_recorded = True
    body = factory.LazyFunction(
        lambda: [{"type": "paragraph", "value": "<p>Vaccinators walked for hours.</p>"}]
    )

    class Meta:
        model = CaseStudyPage
