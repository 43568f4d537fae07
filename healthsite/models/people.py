"""People who write and review the site's pages."""

from django.conf import settings
from django.db import models
from django.urls import reverse
from django.utils.text import slugify

from wagtail.admin.panels import FieldPanel, FieldRowPanel, MultiFieldPanel
from wagtail.search import index


class Person(index.Indexed, models.Model):
    """Someone who writes or medically reviews pages. Readers see a public profile."""

    name = models.CharField(max_length=120)
    slug = models.SlugField(
        max_length=120,
        unique=True,
        blank=True,
        help_text="The profile's address, /people/<slug>/. Made from the name when left empty.",
    )
    role = models.CharField(max_length=120, blank=True, help_text="E.g. Chartered physiotherapist")
    credentials = models.CharField(
        max_length=200, blank=True, help_text="Qualifications as readers should see them."
    )
    bio = models.TextField(max_length=1000, blank=True, help_text="Two or three sentences.")
    photo = models.ForeignKey(
        "wagtailimages.Image", null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )
    profession = models.CharField(
        max_length=120, blank=True, help_text="The regulated profession, e.g. General practitioner"
    )
    registration_body = models.CharField(
        max_length=120,
        blank=True,
        help_text="Who registers them, e.g. General Medical Council, Health and Care "
        "Professions Council.",
    )
    registration_number = models.CharField(
        max_length=40, blank=True, help_text="So readers can check the register."
    )
    user = models.OneToOneField(
        settings.AUTH_USER_MODEL,
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="person",
        help_text="Their admin account: a medical reviewer's approvals are signed with this "
        "profile.",
    )

    panels = [
        FieldPanel("name"),
        FieldPanel("slug"),
        FieldRowPanel([FieldPanel("role"), FieldPanel("credentials")]),
        FieldPanel("bio"),
        FieldPanel("photo"),
        MultiFieldPanel(
            [
                FieldPanel("profession"),
                FieldRowPanel([FieldPanel("registration_body"), FieldPanel("registration_number")]),
            ],
            heading="Professional registration (medical reviewers)",
        ),
        FieldPanel("user"),
    ]
    search_fields = [index.SearchField("name"), index.AutocompleteField("name")]

    class Meta:
        ordering = ["name"]
        verbose_name_plural = "people"

    def __str__(self):
        return self.name

    def save(self, *args, **kwargs):
        if not self.slug:
            base = slugify(self.name)[:100] or "person"
            slug, number = base, 1
            while Person.objects.filter(slug=slug).exclude(pk=self.pk).exists():
                number += 1
                slug = f"{base}-{number}"
            self.slug = slug
        super().save(*args, **kwargs)

    def get_absolute_url(self):
        return reverse("person", args=[self.slug])

    @property
    def is_registered(self):
        return bool(self.registration_body and self.registration_number)
