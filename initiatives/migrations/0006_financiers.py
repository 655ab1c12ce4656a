"""Financier accounts, saved searches with their alerts, and expressions of interest.

Moderators approve financiers and answer expressions of interest (view and
change); they read saved searches. Nobody is given "add": all three come
from the financier area.
"""

import django.core.validators
import django.db.models.deletion
from decimal import Decimal
from django.conf import settings
from django.db import migrations, models

from portal.migration_grants import grant

GRANTS = {
    "Moderators": {"financier": "view change", "expressionofinterest": "view change", "savedsearch": "view"},
}


class Migration(migrations.Migration):

    dependencies = [
        ('initiatives', '0005_eod_restricted_documents'),
        migrations.swappable_dependency(settings.AUTH_USER_MODEL),
        ('wagtailcore', '0098_apitoken'),
        ('contenttypes', '0002_remove_content_type_name'),
    ]

    operations = [
        migrations.CreateModel(
            name='AlertDigest',
            fields=[
                ('id', models.BigAutoField(auto_created=True, primary_key=True, serialize=False, verbose_name='ID')),
                ('created_at', models.DateTimeField(auto_now_add=True, verbose_name='made at')),
                ('outcome', models.CharField(choices=[('pending', 'Waiting to be sent'), ('sent', 'Sent'), ('skipped', 'Not sent (alerts switched off or account not approved)')], db_index=True, default='pending', max_length=10, verbose_name='outcome')),
                ('sent_at', models.DateTimeField(blank=True, null=True, verbose_name='sent at')),
            ],
            options={
                'verbose_name': 'alert email',
                'verbose_name_plural': 'alert emails',
                'ordering': ['-created_at', '-pk'],
            },
        ),
        migrations.CreateModel(
            name='FinancierEmail',
            fields=[
                ('id', models.BigAutoField(auto_created=True, primary_key=True, serialize=False, verbose_name='ID')),
                ('key', models.CharField(max_length=200, unique=True, verbose_name='key')),
                ('recipients', models.JSONField(default=list, verbose_name='recipients')),
                ('sent_at', models.DateTimeField(auto_now_add=True, verbose_name='sent at')),
            ],
            options={
                'verbose_name': 'financier email',
                'verbose_name_plural': 'financier emails',
                'ordering': ['-sent_at'],
            },
        ),
        migrations.CreateModel(
            name='Financier',
            fields=[
                ('id', models.BigAutoField(auto_created=True, primary_key=True, serialize=False, verbose_name='ID')),
                ('full_name', models.CharField(max_length=150, verbose_name='full name')),
                ('organisation', models.CharField(max_length=200, verbose_name='organisation')),
                ('kind', models.CharField(choices=[('bank', 'Bank'), ('fund', 'Investment fund'), ('insurer', 'Insurer'), ('corporate', 'Social capital or corporate investor'), ('dfi', 'Development finance institution'), ('other', 'Other')], max_length=20, verbose_name='kind of organisation')),
                ('position', models.CharField(max_length=150, verbose_name='position')),
                ('phone', models.CharField(blank=True, max_length=40, verbose_name='phone')),
                ('language', models.CharField(default='en', help_text='Emails are written in it.', max_length=10, verbose_name='language')),
                ('status', models.CharField(choices=[('pending', 'Waiting for approval'), ('approved', 'Approved'), ('rejected', 'Not approved'), ('suspended', 'Suspended')], db_index=True, default='pending', max_length=12, verbose_name='status')),
                ('decision_note', models.TextField(blank=True, help_text='Sent with the decision email, e.g. why it was declined.', verbose_name='note to the applicant')),
                ('decided_at', models.DateTimeField(blank=True, null=True, verbose_name='decided at')),
                ('consented_at', models.DateTimeField(verbose_name='agreed to the privacy notice at')),
                ('created_at', models.DateTimeField(auto_now_add=True, verbose_name='signed up at')),
                ('decided_by', models.ForeignKey(blank=True, null=True, on_delete=django.db.models.deletion.SET_NULL, related_name='+', to=settings.AUTH_USER_MODEL, verbose_name='decided by')),
                ('user', models.OneToOneField(on_delete=django.db.models.deletion.CASCADE, related_name='financier', to=settings.AUTH_USER_MODEL, verbose_name='user account')),
            ],
            options={
                'verbose_name': 'financier',
                'verbose_name_plural': 'financiers',
                'ordering': ['-created_at', 'pk'],
            },
        ),
        migrations.CreateModel(
            name='SavedSearch',
            fields=[
                ('id', models.BigAutoField(auto_created=True, primary_key=True, serialize=False, verbose_name='ID')),
                ('name', models.CharField(max_length=120, verbose_name='name')),
                ('querystring', models.CharField(help_text="The catalogue's query string, in canonical form.", max_length=2000, verbose_name='search')),
                ('frequency', models.CharField(choices=[('daily', 'Daily'), ('weekly', 'Weekly, on Mondays'), ('off', 'No emails')], db_index=True, default='weekly', max_length=10, verbose_name='email alerts')),
                ('created_at', models.DateTimeField(auto_now_add=True, verbose_name='saved at')),
                ('last_run_at', models.DateTimeField(blank=True, null=True, verbose_name='last checked at')),
                ('financier', models.ForeignKey(on_delete=django.db.models.deletion.CASCADE, related_name='saved_searches', to='initiatives.financier', verbose_name='financier')),
            ],
            options={
                'verbose_name': 'saved search',
                'verbose_name_plural': 'saved searches',
                'ordering': ['name', 'pk'],
            },
        ),
        migrations.CreateModel(
            name='AlertItem',
            fields=[
                ('id', models.BigAutoField(auto_created=True, primary_key=True, serialize=False, verbose_name='ID')),
                ('programme_version', models.DateTimeField(verbose_name='programme published at')),
                ('created_at', models.DateTimeField(auto_now_add=True, verbose_name='recorded at')),
                ('digest', models.ForeignKey(blank=True, null=True, on_delete=django.db.models.deletion.CASCADE, related_name='items', to='initiatives.alertdigest', verbose_name='alert email')),
                ('programme', models.ForeignKey(on_delete=django.db.models.deletion.CASCADE, related_name='+', to='initiatives.eodprogrammepage', verbose_name='programme')),
                ('saved_search', models.ForeignKey(on_delete=django.db.models.deletion.CASCADE, related_name='alert_items', to='initiatives.savedsearch', verbose_name='saved search')),
            ],
            options={
                'verbose_name': 'alert item',
                'verbose_name_plural': 'alert items',
                'ordering': ['pk'],
            },
        ),
        migrations.AddField(
            model_name='alertdigest',
            name='saved_search',
            field=models.ForeignKey(on_delete=django.db.models.deletion.CASCADE, related_name='digests', to='initiatives.savedsearch', verbose_name='saved search'),
        ),
        migrations.CreateModel(
            name='ExpressionOfInterest',
            fields=[
                ('id', models.BigAutoField(auto_created=True, primary_key=True, serialize=False, verbose_name='ID')),
                ('programme_title', models.CharField(editable=False, max_length=255, verbose_name='programme title')),
                ('amount_min', models.DecimalField(decimal_places=2, help_text='CNY million', max_digits=12, validators=[django.core.validators.MinValueValidator(Decimal('0.01'))], verbose_name='amount from')),
                ('amount_max', models.DecimalField(decimal_places=2, help_text='CNY million', max_digits=12, validators=[django.core.validators.MinValueValidator(Decimal('0.01'))], verbose_name='amount up to')),
                ('instrument', models.CharField(choices=[('loan', 'Loan'), ('bond', 'Bond'), ('equity', 'Equity'), ('ppp', 'Public-private partnership (PPP)'), ('guarantee', 'Guarantee')], max_length=20, verbose_name='instrument')),
                ('message', models.TextField(blank=True, max_length=4000, verbose_name='message')),
                ('status', models.CharField(choices=[('submitted', 'Submitted'), ('acknowledged', 'Acknowledged'), ('in-discussion', 'In discussion'), ('declined', 'Declined'), ('closed', 'Closed')], db_index=True, default='submitted', max_length=20, verbose_name='status')),
                ('staff_note', models.TextField(blank=True, help_text='Sent to the financier when the status changes.', verbose_name='note to the financier')),
                ('status_changed_at', models.DateTimeField(blank=True, null=True, verbose_name='status changed at')),
                ('created_at', models.DateTimeField(auto_now_add=True, verbose_name='submitted at')),
                ('updated_at', models.DateTimeField(auto_now=True, verbose_name='updated at')),
                ('programme', models.ForeignKey(null=True, on_delete=django.db.models.deletion.SET_NULL, related_name='expressions_of_interest', to='initiatives.eodprogrammepage', verbose_name='programme')),
                ('financier', models.ForeignKey(on_delete=django.db.models.deletion.CASCADE, related_name='interests', to='initiatives.financier', verbose_name='financier')),
            ],
            options={
                'verbose_name': 'expression of interest',
                'verbose_name_plural': 'expressions of interest',
                'ordering': ['-created_at', '-pk'],
                'constraints': [models.UniqueConstraint(condition=models.Q(('status__in', ('submitted', 'acknowledged', 'in-discussion'))), fields=('financier', 'programme'), name='one_open_interest_per_programme'), models.CheckConstraint(condition=models.Q(('amount_min__lte', models.F('amount_max'))), name='interest_min_le_max')],
            },
        ),
        migrations.AddConstraint(
            model_name='savedsearch',
            constraint=models.UniqueConstraint(fields=('financier', 'querystring'), name='one_saved_search_per_query'),
        ),
        migrations.AddConstraint(
            model_name='alertitem',
            constraint=models.UniqueConstraint(fields=('saved_search', 'programme', 'programme_version'), name='one_alert_per_programme_version'),
        ),
        grant('initiatives', GRANTS),
    ]
