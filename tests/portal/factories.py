import factory
import wagtail_factories
from wagtail.models import Page, Site

from portal.models import HomePage, StandardPage


class HomePageFactory(wagtail_factories.PageFactory):
    """A home page under the tree root, made the default site's root."""

    title = "Home"
    slug = factory.Sequence(lambda n: f"home-{n}")
    hero_heading = "Manufacturing China's path to carbon neutrality"
    parent = factory.LazyFunction(Page.get_first_root_node)

    class Meta:
        model = HomePage
        skip_postgeneration_save = True

    @factory.post_generation
    def make_site_root(obj, create, extracted, **kwargs):
        if create:
            site = Site.objects.get(is_default_site=True)
            site.root_page = obj
            site.save()  # save(), not update(): it clears Wagtail's cached site root paths


class StandardPageFactory(wagtail_factories.PageFactory):
    title = factory.Sequence(lambda n: f"Standard page {n}")
    introduction = "An introduction."

    class Meta:
        model = StandardPage
