# People and the medical review task move here from healthsite (healthsite 0008 lets go of
# them). The database keeps their tables and rows: this only tells Django's state that the
# models, with the tables they have, now belong to editorial. 0002 then moves their content
# types and renames the tables.

import django.db.models.deletion
import modelsearch.index
from django.conf import settings
from django.db import migrations, models


class Migration(migrations.Migration):

    initial = True

    dependencies = [
        # The tables are made by healthsite's migrations, before this.
        ('healthsite', '0007_index_newest_first'),
        ('wagtailcore', '0098_apitoken'),
        ('wagtailimages', '0027_image_description'),
        migrations.swappable_dependency(settings.AUTH_USER_MODEL),
    ]

    operations = [
        migrations.SeparateDatabaseAndState(
            state_operations=[
                migrations.CreateModel(
                    name='MedicalReviewTask',
                    fields=[
                        ('groupapprovaltask_ptr', models.OneToOneField(auto_created=True, on_delete=django.db.models.deletion.CASCADE, parent_link=True, primary_key=True, serialize=False, to='wagtailcore.groupapprovaltask')),
                    ],
                    options={
                        'verbose_name': 'medical review',
                        'verbose_name_plural': 'medical reviews',
                        'db_table': 'healthsite_medicalreviewtask',
                    },
                    bases=('wagtailcore.groupapprovaltask',),
                ),
                migrations.CreateModel(
                    name='Person',
                    fields=[
                        ('id', models.BigAutoField(auto_created=True, primary_key=True, serialize=False, verbose_name='ID')),
                        ('name', models.CharField(max_length=120)),
                        ('slug', models.SlugField(blank=True, help_text="The profile's address, /people/<slug>/. Made from the name when left empty.", max_length=120, unique=True)),
                        ('role', models.CharField(blank=True, help_text='E.g. Chartered physiotherapist', max_length=120)),
                        ('credentials', models.CharField(blank=True, help_text='Qualifications as readers should see them.', max_length=200)),
                        ('bio', models.TextField(blank=True, help_text='Two or three sentences.', max_length=1000)),
                        ('profession', models.CharField(blank=True, help_text='The regulated profession, e.g. General practitioner', max_length=120)),
                        ('registration_body', models.CharField(blank=True, help_text='Who registers them, e.g. General Medical Council, Health and Care Professions Council.', max_length=120)),
                        ('registration_number', models.CharField(blank=True, help_text='So readers can check the register.', max_length=40)),
                        ('photo', models.ForeignKey(blank=True, null=True, on_delete=django.db.models.deletion.SET_NULL, related_name='+', to='wagtailimages.image')),
                        ('user', models.OneToOneField(blank=True, help_text="Their admin account: a medical reviewer's approvals are signed with this profile.", null=True, on_delete=django.db.models.deletion.SET_NULL, related_name='person', to=settings.AUTH_USER_MODEL)),
                    ],
                    options={
                        'verbose_name_plural': 'people',
                        'ordering': ['name'],
                        'db_table': 'healthsite_person',
                    },
                    bases=(modelsearch.index.Indexed, models.Model),
                ),
            ],
            database_operations=[],
        ),
    ]
