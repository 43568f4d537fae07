# Person and MedicalReviewTask now belong to editorial (editorial 0001 took them over with
# their tables): the content page's links to people point there, and the models leave this
# app's state. Nothing changes in the database here.

import django.db.models.deletion
from django.db import migrations, models


class Migration(migrations.Migration):

    dependencies = [
        ('editorial', '0001_initial'),
        ('healthsite', '0007_index_newest_first'),
    ]

    operations = [
        migrations.SeparateDatabaseAndState(
            state_operations=[
                migrations.AlterField(
                    model_name='contentpage',
                    name='reviewed_by',
                    field=models.ForeignKey(blank=True, editable=False, null=True, on_delete=django.db.models.deletion.SET_NULL, related_name='reviewed_pages', to='editorial.person'),
                ),
                migrations.AlterField(
                    model_name='contentpage',
                    name='author',
                    field=models.ForeignKey(blank=True, null=True, on_delete=django.db.models.deletion.SET_NULL, related_name='written_pages', to='editorial.person'),
                ),
                migrations.DeleteModel(
                    name='MedicalReviewTask',
                ),
                migrations.DeleteModel(
                    name='Person',
                ),
            ],
            database_operations=[],
        ),
    ]
