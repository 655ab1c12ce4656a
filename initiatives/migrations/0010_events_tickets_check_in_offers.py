"""Tickets and check-in at the door, reminders at chosen times, waitlist offers, follow-ups.

Existing registrations get a ticket code each (added empty, filled, then made
unique); the reminders already sent were the day-before ones. Event staff
(Editors and Moderators) may check people in at the door.
"""

import django.db.models.deletion
import initiatives.events.models.pages
import initiatives.events.models.registrations
from django.conf import settings
from django.db import migrations, models

from portal.migration_grants import grant


def fill_ticket_codes(apps, schema_editor):
    Registration = apps.get_model("initiatives", "Registration")
    for registration in Registration.objects.filter(ticket_code__isnull=True).only("pk"):
        registration.ticket_code = initiatives.events.models.registrations.new_ticket_code()
        registration.save(update_fields=["ticket_code"])


def day_before_reminders(apps, schema_editor):
    RegistrationEmail = apps.get_model("initiatives", "RegistrationEmail")
    RegistrationEmail.objects.filter(kind="reminder").update(hours_before=24)


class Migration(migrations.Migration):

    dependencies = [
        ('initiatives', '0009_eod_green_categories_2021'),
        migrations.swappable_dependency(settings.AUTH_USER_MODEL),
        ('auth', '0012_alter_user_first_name_max_length'),
        ('contenttypes', '0002_remove_content_type_name'),
    ]

    operations = [
        migrations.CreateModel(
            name='FollowUp',
            fields=[
                ('id', models.BigAutoField(auto_created=True, primary_key=True, serialize=False, verbose_name='ID')),
                ('audience', models.CharField(choices=[('attended', 'People who came'), ('absent', 'People who registered and did not come')], max_length=10, verbose_name='audience')),
                ('message', models.TextField(verbose_name='message')),
                ('created_at', models.DateTimeField(auto_now_add=True, verbose_name='sent at')),
            ],
            options={
                'verbose_name': 'follow-up',
                'verbose_name_plural': 'follow-ups',
            },
        ),
        migrations.AlterModelOptions(
            name='registration',
            options={'ordering': ['created_at', 'pk'], 'permissions': [('check_in_registration', 'Can check people in at the door')], 'verbose_name': 'registration', 'verbose_name_plural': 'registrations'},
        ),
        migrations.RemoveConstraint(
            model_name='registrationemail',
            name='one_email_per_kind',
        ),
        migrations.AddField(
            model_name='eventpage',
            name='certificate_hours',
            field=models.DecimalField(blank=True, decimal_places=1, help_text='Hours stated on certificates of attendance. Empty: the length of the event.', max_digits=4, null=True, verbose_name='training hours'),
        ),
        migrations.AddField(
            model_name='eventpage',
            name='offer_hours',
            field=models.PositiveSmallIntegerField(default=24, help_text='A freed seat is offered to the first person on the waitlist, who has this long to accept it before it passes to the next. 0: the seat is given at once, without asking.', verbose_name='hours to accept a freed seat'),
        ),
        migrations.AddField(
            model_name='eventpage',
            name='reminder_hours',
            field=models.JSONField(blank=True, default=initiatives.events.models.pages.default_reminder_hours, help_text='When confirmed people are reminded, before the event starts. None ticked: no reminders.', verbose_name='reminders'),
        ),
        migrations.AddField(
            model_name='registration',
            name='checked_in_at',
            field=models.DateTimeField(blank=True, db_index=True, null=True, verbose_name='checked in at'),
        ),
        migrations.AddField(
            model_name='registration',
            name='offer_expires_at',
            field=models.DateTimeField(blank=True, null=True, verbose_name='offer expires at'),
        ),
        migrations.AddField(
            model_name='registration',
            name='offered_at',
            field=models.DateTimeField(blank=True, null=True, verbose_name='offered a seat at'),
        ),
        migrations.AddField(
            model_name='registration',
            name='ticket_code',
            field=models.CharField(editable=False, max_length=16, null=True, verbose_name='ticket code'),
        ),
        migrations.RunPython(fill_ticket_codes, migrations.RunPython.noop),
        migrations.AlterField(
            model_name='registration',
            name='ticket_code',
            field=models.CharField(default=initiatives.events.models.registrations.new_ticket_code, editable=False, max_length=16, unique=True, verbose_name='ticket code'),
        ),
        migrations.AddField(
            model_name='registration',
            name='walk_in',
            field=models.BooleanField(default=False, help_text='Registered at the door.', verbose_name='walk-in'),
        ),
        migrations.AddField(
            model_name='registrationemail',
            name='hours_before',
            field=models.PositiveIntegerField(default=0, verbose_name='hours before the event'),
        ),
        migrations.RunPython(day_before_reminders, migrations.RunPython.noop),
        migrations.AlterField(
            model_name='registration',
            name='status',
            field=models.CharField(choices=[('confirmed', 'Confirmed'), ('waitlisted', 'On the waitlist'), ('offered', 'Offered a seat'), ('cancelled', 'Cancelled')], db_index=True, max_length=12, verbose_name='status'),
        ),
        migrations.AlterField(
            model_name='registrationemail',
            name='kind',
            field=models.CharField(choices=[('confirmation', 'Confirmation'), ('waitlist', 'Waitlist place'), ('promotion', 'Seat from the waitlist'), ('reminder', 'Reminder'), ('cancellation', 'Cancellation receipt'), ('event-cancelled', 'Event cancelled'), ('offer', 'Offer of a freed seat'), ('follow-up-attended', 'Follow-up to attendees'), ('follow-up-absent', 'Follow-up to people who did not come')], max_length=20, verbose_name='kind'),
        ),
        migrations.AddConstraint(
            model_name='registrationemail',
            constraint=models.UniqueConstraint(fields=('registration', 'kind', 'hours_before'), name='one_email_per_kind'),
        ),
        migrations.AddField(
            model_name='followup',
            name='event',
            field=models.ForeignKey(on_delete=django.db.models.deletion.CASCADE, related_name='follow_ups', to='initiatives.eventpage', verbose_name='event'),
        ),
        migrations.AddField(
            model_name='followup',
            name='sent_by',
            field=models.ForeignKey(null=True, on_delete=django.db.models.deletion.SET_NULL, related_name='+', to=settings.AUTH_USER_MODEL, verbose_name='sent by'),
        ),
        migrations.AddConstraint(
            model_name='followup',
            constraint=models.UniqueConstraint(fields=('event', 'audience'), name='one_follow_up_per_audience'),
        ),
        grant("initiatives", {"Editors": {"registration": "check_in"}, "Moderators": {"registration": "check_in"}}),
    ]
