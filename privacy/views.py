"""The admin's "Personal data" tool: export or erase everything held about one e-mail address."""

import json

from django import forms
from django.contrib import messages
from django.core.exceptions import PermissionDenied
from django.core.serializers.json import DjangoJSONEncoder
from django.http import HttpResponse
from django.shortcuts import redirect
from django.template.response import TemplateResponse

from .personal_data import erase, export, holders

# Kept on the site shell's SiteSettings (healthsite/models/site_settings.py), where groups were
# granted it: this app has no model of its own to carry it.
PERMISSION = "healthsite.manage_personal_data"


class EmailForm(forms.Form):
    email = forms.EmailField(label="The reader's e-mail address", max_length=254)
    confirm = forms.BooleanField(
        required=False,
        label="Yes, erase everything held about this address. This cannot be undone.",
    )


def personal_data(request):
    if not request.user.has_perm(PERMISSION):
        raise PermissionDenied
    form = EmailForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        email = form.cleaned_data["email"]
        if "export" in request.POST:
            data = export(email)
            response = HttpResponse(
                json.dumps({"email": email, "data": data}, cls=DjangoJSONEncoder, indent=2),
                content_type="application/json",
            )
            response["Content-Disposition"] = 'attachment; filename="personal-data.json"'
            return response
        if "erase" in request.POST:
            if not form.cleaned_data["confirm"]:
                form.add_error("confirm", "Tick the box to confirm the erasure.")
            else:
                erased = erase(email)
                summary = ", ".join(f"{name}: {count}" for name, count in erased.items())
                messages.success(request, f"Erased everything held about the address ({summary}).")
                return redirect("personal_data")
    kinds = holders()
    return TemplateResponse(
        request, "privacy/admin/personal_data.html", {"form": form, "holders": kinds}
    )
