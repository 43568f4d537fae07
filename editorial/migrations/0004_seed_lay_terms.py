"""Seeds the lay terms: medical words used about back pain, each with the everyday words a
reader in pain knows it by (written for this site). Ticked pairs also serve search."""

from django.db import migrations

# (medical term, everyday words, also a search synonym)
LAY_TERMS = [
    ("lumbar radiculopathy", "sciatica", True),
    ("radiculopathy", "pain from a trapped or irritated nerve", False),
    ("analgesia", "painkillers", True),
    ("analgesic", "painkiller", True),
    ("bilateral", "on both sides", False),
    ("unilateral", "on one side", False),
    ("acute", "sudden or short-term", False),
    ("chronic", "long-term or lasting", False),
    ("lumbar spine", "lower back", True),
    ("thoracic spine", "middle back", True),
    ("cervical spine", "neck", False),
    ("vertebrae", "bones of the spine", False),
    ("vertebra", "bone of the spine", False),
    ("intervertebral disc", "disc between the bones of the spine", False),
    ("herniated disc", "slipped disc", True),
    ("disc herniation", "slipped disc", True),
    ("disc prolapse", "slipped disc", True),
    ("paraesthesia", "pins and needles", True),
    ("paresthesia", "pins and needles", True),
    ("myalgia", "muscle pain", True),
    ("neuropathic pain", "nerve pain", True),
    ("musculoskeletal", "muscles, bones and joints", False),
    ("non-steroidal anti-inflammatory drugs", "anti-inflammatory painkillers such as ibuprofen", False),
    ("nsaids", "anti-inflammatory painkillers such as ibuprofen", False),
    ("cauda equina syndrome", "pressure on the nerves at the very bottom of the spine", False),
    ("spinal stenosis", "narrowing of the spaces in the spine", False),
    ("spondylolisthesis", "a bone of the spine slipping forward", False),
    ("degenerative disc disease", "wear and tear of the discs", False),
    ("kyphosis", "rounded upper back", False),
    ("lordosis", "inward curve of the lower back", False),
    ("sacroiliac joint", "joint between the base of the spine and the pelvis", False),
    ("coccyx", "tailbone", True),
    ("coccydynia", "tailbone pain", True),
    ("piriformis syndrome", "a buttock muscle pressing on the sciatic nerve", False),
    ("prone", "lying face down", False),
    ("supine", "lying on your back", False),
    ("flexion", "bending forward", False),
    ("mobilisation", "gentle movement of a joint by a physiotherapist", False),
    ("idiopathic", "with no known cause", False),
    ("contraindicated", "not advised", False),
    ("prognosis", "what is likely to happen", False),
    ("aetiology", "cause", False),
    ("asymptomatic", "without symptoms", False),
    ("epidural steroid injection", "steroid injection into the spine", False),
    ("laminectomy", "an operation to take away part of a bone of the spine to free a nerve", False),
    ("discectomy", "an operation to take away part of a disc", False),
    ("spinal fusion", "an operation to join bones of the spine together", False),
    ("trigger point", "tight, tender knot in a muscle", False),
    ("proprioception", "sense of where your body is", False),
    ("tendinopathy", "tendon pain", True),
    ("temporomandibular joint", "jaw joint", True),
    ("osteoporosis", "weak, brittle bones", False),
    ("anterior", "front", False),
    ("posterior", "back", False),
    ("lateral", "side", False),
]


def seed(apps, schema_editor):
    LayTerm = apps.get_model("editorial", "LayTerm")
    for term, everyday, search_synonym in LAY_TERMS:
        LayTerm.objects.get_or_create(
            term=term, defaults={"everyday": everyday, "search_synonym": search_synonym}
        )


def unseed(apps, schema_editor):
    LayTerm = apps.get_model("editorial", "LayTerm")
    LayTerm.objects.filter(term__in=[term for term, _everyday, _synonym in LAY_TERMS]).delete()


class Migration(migrations.Migration):
    dependencies = [("editorial", "0003_plain_english")]

    operations = [migrations.RunPython(seed, unseed)]
