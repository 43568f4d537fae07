"""The demo pages the tests name, each once: its address and its title (as demo/content has
them; tests/demo/test_site_pages.py checks that they agree).

FIXTURE_SITE is the small part of the demo that unit-level tests run on: a module marked
`pytest.mark.fixture_site` needs no page outside it, and a run of such modules alone loads
only these pages, in about half the time of the whole demo (tests/conftest.py).
"""

from typing import NamedTuple


class DemoPage(NamedTuple):
    url: str
    title: str


# The fixture site, in tree order.
HOME = DemoPage("/", "Manage Back Pain")
NEWSLETTER = DemoPage("/newsletter/", "Free Newsletter")
WHATS_NEW = DemoPage("/whats-new/", "What's New?")
A_TO_Z = DemoPage("/a-z/", "Conditions A–Z")
SUBSCRIBE = DemoPage("/subscribe/", "Subscribe")
BACK_PAIN_OVERVIEW = DemoPage("/back-pain-overview/", "Back Pain Overview")
TELL_YOUR_STORY = DemoPage("/back-pain-overview/tell-your-story/", "Tell Your Story")
BACK_PAIN_PRODUCTS = DemoPage("/back-pain-products/", "Back Pain Products")
CHAIRS = DemoPage("/back-pain-products/chairs/", "Chairs for Back Pain")
BACK_PAIN_TYPES = DemoPage("/back-pain-types/", "Back Pain Types")
HIP_PAIN = DemoPage("/back-pain-types/hip-pain/", "Hip Pain")
MUSCLE_SPASMS = DemoPage("/back-pain-types/muscle-spasms/", "Muscle Spasms")
SPECIFIC_BACK_PAIN = DemoPage("/specific-back-pain/", "Specific Back Pain")
SCIATICA = DemoPage("/specific-back-pain/sciatica/", "Sciatica")
PILATES_EXERCISES = DemoPage("/pilates-exercises/", "Pilates Exercises")
LEARN_MORE = DemoPage("/learn-more/", "Learn More")
ABOUT = DemoPage("/learn-more/about/", "About")
EDITORIAL_POLICY = DemoPage("/learn-more/editorial-policy/", "Editorial policy")
PRIVACY = DemoPage("/learn-more/privacy/", "Privacy notice")
CONTACT = DemoPage("/learn-more/contact/", "Contact")

FIXTURE_SITE = [
    HOME,
    NEWSLETTER,
    WHATS_NEW,
    A_TO_Z,
    SUBSCRIBE,
    BACK_PAIN_OVERVIEW,
    TELL_YOUR_STORY,
    BACK_PAIN_PRODUCTS,
    CHAIRS,
    BACK_PAIN_TYPES,
    HIP_PAIN,
    MUSCLE_SPASMS,
    SPECIFIC_BACK_PAIN,
    SCIATICA,
    PILATES_EXERCISES,
    LEARN_MORE,
    ABOUT,
    EDITORIAL_POLICY,
    PRIVACY,
    CONTACT,
]

# The rest of the demo, where tests name a page.
GOOD_POSTURE = DemoPage("/back-pain-overview/good-posture/", "Good Posture")
SPINE_ANATOMY = DemoPage("/back-pain-overview/spine-anatomy/", "Spine Anatomy")
MATTRESSES = DemoPage("/back-pain-products/mattresses/", "Mattresses for Back Pain")
SHOES = DemoPage("/back-pain-products/shoes/", "Shoes for Back Pain")
LOWER_BACK_PAIN = DemoPage("/back-pain-types/lower-back-pain/", "Lower Back Pain")
UPPER_BACK_PAIN = DemoPage("/back-pain-types/upper-back-pain/", "Upper Back Pain")
MIDDLE_BACK_PAIN = DemoPage("/back-pain-types/middle-back-pain/", "Middle Back Pain")
CHRONIC_BACK_PAIN = DemoPage("/back-pain-types/chronic-back-pain/", "Chronic Back Pain")
NECK_PAIN = DemoPage("/back-pain-types/neck-pain/", "Neck Pain Relief")
BACK_PAIN_WHILE_SLEEPING = DemoPage(
    "/back-pain-types/back-pain-while-sleeping/", "Back Pain While Sleeping"
)
BACK_PAIN_MANAGEMENT = DemoPage("/back-pain-management/", "Back Pain Management")
MANAGEMENT_REMEDIES = DemoPage("/back-pain-management/remedies/", "Back Pain Remedies")
RELIEF_PRODUCTS = DemoPage("/back-pain-management/relief-products/", "Back Pain Relief Products")
MANAGEMENT_EXERCISES = DemoPage("/back-pain-management/exercises/", "Exercises for Back Pain")
LIFTING_TECHNIQUE = DemoPage("/back-pain-management/lifting-technique/", "Lifting Technique")
PREGNANCY = DemoPage("/specific-back-pain/pregnancy/", "Pregnancy and Back Pain")
WHIPLASH = DemoPage("/specific-back-pain/whiplash/", "Whiplash")
TMJ_PAIN = DemoPage("/specific-back-pain/tmj-pain/", "TMJ Pain")
ARTHRITIS = DemoPage("/specific-back-pain/arthritis/", "Back Arthritis")
SPINAL_STENOSIS = DemoPage("/specific-back-pain/spinal-stenosis/", "Spinal Stenosis")
HERNIATED_DISC = DemoPage("/specific-back-pain/herniated-disc/", "Herniated Disc")
TENDONITIS = DemoPage("/specific-back-pain/tendonitis/", "Tendonitis")
BURSITIS = DemoPage("/specific-back-pain/bursitis/", "Bursitis")
HEADACHES = DemoPage("/specific-back-pain/headaches/", "Headaches")
USEFUL_LINKS = DemoPage("/learn-more/useful-links/", "Useful Links")
