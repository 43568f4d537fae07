"""Plain-English checks of health pages: reading age, medical words without their everyday
alternatives, and the rules health pages follow. Shown to editors as they type, to reviewers
on approval, in the "Plain English" report and by `manage.py check_plain_english`."""
