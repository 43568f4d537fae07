"""How much a reader may write: the form, the models and the admin share these limits."""

TITLE = 100
STORY = 5_000
TELLER = 40  # a first name or initials, never a full name and address
EMAIL = 254  # the longest address RFC 5321 allows
NOTE = 1_000
