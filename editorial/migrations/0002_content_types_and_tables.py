# People and the medical review task, moved from healthsite (editorial 0001, healthsite 0008),
# keep their rows, and now also:
# - their content types: the rows healthsite.person and healthsite.medicalreviewtask are
#   renamed to editorial.*, so that everything pointing at them keeps pointing at the right
#   model: Wagtail's tasks (wagtailcore_task.content_type, found again by Task.specific), log
#   entries, the reference and search indexes, and the permissions (add_person…) groups hold.
#   Should the new rows exist already (post_migrate makes them when a migrate stops half way),
#   what points at them is moved to the old rows, which are kept and renamed.
# - their tables: renamed to editorial's names (the foreign keys follow the tables).
# Both are undone going backwards.

from django.db import IntegrityError, migrations, transaction

MODELS = ["person", "medicalreviewtask"]


def repoint(apps, db, model, old, new):
    """Every reference to `old` (a row of `model`) made a reference to `new`, in the models
    known at this point; a reference `new` already has (a permission a group holds twice) is
    dropped instead."""
    label = model._meta.label_lower
    for other in apps.get_models(include_auto_created=True):
        for field in other._meta.concrete_fields:
            if not (field.many_to_one or field.one_to_one):
                continue
            if field.related_model._meta.label_lower != label:
                continue
            rows = other._base_manager.using(db).filter(**{field.name: old.pk})
            try:
                with transaction.atomic(using=db):
                    rows.update(**{field.name: new.pk})
            except IntegrityError:
                for row in rows:
                    try:
                        with transaction.atomic(using=db):
                            other._base_manager.using(db).filter(pk=row.pk).update(
                                **{field.name: new.pk}
                            )
                    except IntegrityError:
                        other._base_manager.using(db).filter(pk=row.pk).delete()


def merge(apps, db, duplicate, kept):
    """What points at the content type `duplicate` made to point at `kept`, then `duplicate`
    deleted. Permissions are matched by codename (permissions are unique per content type)."""
    ContentType = apps.get_model("contenttypes", "ContentType")
    Permission = apps.get_model("auth", "Permission")
    for permission in Permission.objects.using(db).filter(content_type=duplicate):
        same = Permission.objects.using(db).filter(
            content_type=kept, codename=permission.codename
        ).first()
        if same is None:
            permission.content_type = kept
            permission.save(update_fields=["content_type"])
        else:
            repoint(apps, db, Permission, permission, same)
            permission.delete()
    repoint(apps, db, ContentType, duplicate, kept)
    duplicate.delete()


def move_content_types(apps, schema_editor, source, target):
    from django.contrib.contenttypes.models import ContentType as CurrentContentType

    ContentType = apps.get_model("contenttypes", "ContentType")
    db = schema_editor.connection.alias
    for model in MODELS:
        old = ContentType.objects.using(db).filter(app_label=source, model=model).first()
        if old is None:
            continue  # a new database: post_migrate makes the content type, under its new app
        duplicate = ContentType.objects.using(db).filter(app_label=target, model=model).first()
        if duplicate is not None:
            merge(apps, db, duplicate, old)
        old.app_label = target
        old.save(update_fields=["app_label"])
    # Content types are cached by id and by model, in this process.
    CurrentContentType.objects.clear_cache()


def forwards(apps, schema_editor):
    move_content_types(apps, schema_editor, "healthsite", "editorial")


def backwards(apps, schema_editor):
    move_content_types(apps, schema_editor, "editorial", "healthsite")


class Migration(migrations.Migration):

    dependencies = [
        ('auth', '0012_alter_user_first_name_max_length'),
        ('contenttypes', '0002_remove_content_type_name'),
        ('editorial', '0001_initial'),
        ('healthsite', '0008_people_and_review_move_to_editorial'),
    ]

    operations = [
        migrations.RunPython(forwards, backwards),
        migrations.AlterModelTable(name='medicalreviewtask', table=None),
        migrations.AlterModelTable(name='person', table=None),
    ]
