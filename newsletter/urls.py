"""The links in newsletter e-mails (the signup itself posts to the newsletter page)."""

from django.urls import path

from . import views

app_name = "newsletter"

urlpatterns = [
    path("confirm/<str:token>/", views.confirm, name="confirm"),
    path("unsubscribe/<str:token>/", views.unsubscribe, name="unsubscribe"),
]
