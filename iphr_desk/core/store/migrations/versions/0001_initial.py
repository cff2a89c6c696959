"""Initial schema: letters, cases, people, reviews

Revision ID: 0001_initial
Revises: (none)
Create Date: 2026-11-26 18:21:40.686227
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op


revision = '0001_initial'
down_revision = None
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.create_table('cases',
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('reference', sa.String(length=40), nullable=False),
    sa.Column('title', sa.String(length=500), nullable=False),
    sa.Column('country', sa.String(length=2), nullable=False),
    sa.Column('region', sa.String(length=200), nullable=True),
    sa.Column('status', sa.String(length=16), nullable=False),
    sa.Column('summary', sa.Text(), nullable=False),
    sa.Column('created_at', sa.DateTime(), nullable=False),
    sa.Column('updated_at', sa.DateTime(), nullable=False),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_cases')),
    sa.UniqueConstraint('reference', name=op.f('uq_cases_reference'))
    )
    with op.batch_alter_table('cases', schema=None) as batch_op:
        batch_op.create_index(batch_op.f('ix_cases_country'), ['country'], unique=False)
        batch_op.create_index(batch_op.f('ix_cases_status'), ['status'], unique=False)
        batch_op.create_index('ix_cases_status_updated', ['status', 'updated_at'], unique=False)
        batch_op.create_index(batch_op.f('ix_cases_title'), ['title'], unique=False)
        batch_op.create_index(batch_op.f('ix_cases_updated_at'), ['updated_at'], unique=False)

    op.create_table('letterheads',
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('name', sa.String(length=40), nullable=False),
    sa.Column('organisation', sa.String(length=300), nullable=False),
    sa.Column('address', sa.Text(), nullable=True),
    sa.Column('website', sa.String(length=300), nullable=True),
    sa.Column('house_style', sa.JSON(), nullable=False),
    sa.Column('template_path', sa.String(length=1000), nullable=True),
    sa.Column('created_at', sa.DateTime(), nullable=False),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_letterheads')),
    sa.UniqueConstraint('name', name=op.f('uq_letterheads_name'))
    )
    op.create_table('letters',
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('uuid', sa.String(length=36), nullable=False),
    sa.Column('language', sa.String(length=8), nullable=False),
    sa.Column('place', sa.String(length=200), nullable=False),
    sa.Column('date', sa.Date(), nullable=False),
    sa.Column('subject', sa.String(length=1000), nullable=False),
    sa.Column('register', sa.String(length=16), nullable=False),
    sa.Column('voice', sa.String(length=8), nullable=False),
    sa.Column('cc', sa.JSON(), nullable=False),
    sa.Column('letterhead', sa.String(length=40), nullable=True),
    sa.Column('batch', sa.Boolean(), nullable=False),
    sa.Column('body', sa.Text(), nullable=False),
    sa.Column('status', sa.String(length=24), nullable=False),
    sa.Column('created_at', sa.DateTime(), nullable=False),
    sa.Column('updated_at', sa.DateTime(), nullable=False),
    sa.Column('deleted_at', sa.DateTime(), nullable=True),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_letters')),
    sa.UniqueConstraint('uuid', name=op.f('uq_letters_uuid'))
    )
    with op.batch_alter_table('letters', schema=None) as batch_op:
        batch_op.create_index(batch_op.f('ix_letters_created_at'), ['created_at'], unique=False)
        batch_op.create_index(batch_op.f('ix_letters_date'), ['date'], unique=False)
        batch_op.create_index('ix_letters_deleted_date', ['deleted_at', 'date'], unique=False)
        batch_op.create_index('ix_letters_deleted_updated', ['deleted_at', 'updated_at'], unique=False)
        batch_op.create_index('ix_letters_language_updated', ['language', 'updated_at'], unique=False)
        batch_op.create_index(batch_op.f('ix_letters_status'), ['status'], unique=False)
        batch_op.create_index('ix_letters_status_updated', ['status', 'updated_at'], unique=False)
        batch_op.create_index(batch_op.f('ix_letters_subject'), ['subject'], unique=False)
        batch_op.create_index(batch_op.f('ix_letters_updated_at'), ['updated_at'], unique=False)

    op.create_table('recipients',
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('name', sa.String(length=300), nullable=False),
    sa.Column('surname', sa.String(length=200), nullable=True),
    sa.Column('gender', sa.String(length=16), nullable=False),
    sa.Column('office', sa.String(length=40), nullable=False),
    sa.Column('title', sa.String(length=500), nullable=True),
    sa.Column('organisation', sa.String(length=300), nullable=True),
    sa.Column('address', sa.Text(), nullable=True),
    sa.Column('salutation', sa.String(length=300), nullable=True),
    sa.Column('closing', sa.Text(), nullable=True),
    sa.Column('language', sa.String(length=8), nullable=True),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_recipients'))
    )
    with op.batch_alter_table('recipients', schema=None) as batch_op:
        batch_op.create_index(batch_op.f('ix_recipients_language'), ['language'], unique=False)
        batch_op.create_index(batch_op.f('ix_recipients_name'), ['name'], unique=False)

    op.create_table('signatories',
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('name', sa.String(length=300), nullable=False),
    sa.Column('title', sa.String(length=300), nullable=True),
    sa.Column('organisation', sa.String(length=300), nullable=True),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_signatories'))
    )
    with op.batch_alter_table('signatories', schema=None) as batch_op:
        batch_op.create_index(batch_op.f('ix_signatories_name'), ['name'], unique=False)

    op.create_table('case_events',
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('case_id', sa.Integer(), nullable=False),
    sa.Column('date', sa.Date(), nullable=False),
    sa.Column('description', sa.Text(), nullable=False),
    sa.Column('source_url', sa.String(length=2000), nullable=True),
    sa.ForeignKeyConstraint(['case_id'], ['cases.id'], name=op.f('fk_case_events_case_id_cases'), ondelete='CASCADE'),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_case_events'))
    )
    with op.batch_alter_table('case_events', schema=None) as batch_op:
        batch_op.create_index('ix_case_events_case_date', ['case_id', 'date'], unique=False)

    op.create_table('case_themes',
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('case_id', sa.Integer(), nullable=False),
    sa.Column('theme', sa.String(length=100), nullable=False),
    sa.Column('position', sa.Integer(), nullable=False),
    sa.ForeignKeyConstraint(['case_id'], ['cases.id'], name=op.f('fk_case_themes_case_id_cases'), ondelete='CASCADE'),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_case_themes')),
    sa.UniqueConstraint('case_id', 'theme', name='uq_case_themes_case_theme')
    )
    with op.batch_alter_table('case_themes', schema=None) as batch_op:
        batch_op.create_index(batch_op.f('ix_case_themes_theme'), ['theme'], unique=False)

    op.create_table('comments',
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('letter_id', sa.Integer(), nullable=False),
    sa.Column('parent_id', sa.Integer(), nullable=True),
    sa.Column('author', sa.String(length=200), nullable=False),
    sa.Column('created_at', sa.DateTime(), nullable=False),
    sa.Column('text', sa.Text(), nullable=False),
    sa.Column('resolved', sa.Boolean(), nullable=False),
    sa.Column('resolved_by', sa.String(length=200), nullable=True),
    sa.Column('resolved_at', sa.DateTime(), nullable=True),
    sa.ForeignKeyConstraint(['letter_id'], ['letters.id'], name=op.f('fk_comments_letter_id_letters'), ondelete='CASCADE'),
    sa.ForeignKeyConstraint(['parent_id'], ['comments.id'], name=op.f('fk_comments_parent_id_comments'), ondelete='CASCADE'),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_comments'))
    )
    with op.batch_alter_table('comments', schema=None) as batch_op:
        batch_op.create_index('ix_comments_letter_created', ['letter_id', 'created_at'], unique=False)
        batch_op.create_index(batch_op.f('ix_comments_parent_id'), ['parent_id'], unique=False)

    op.create_table('letter_cases',
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('letter_id', sa.Integer(), nullable=False),
    sa.Column('position', sa.Integer(), nullable=False),
    sa.Column('reference', sa.String(length=100), nullable=False),
    sa.Column('case_id', sa.Integer(), nullable=True),
    sa.ForeignKeyConstraint(['case_id'], ['cases.id'], name=op.f('fk_letter_cases_case_id_cases'), ondelete='SET NULL'),
    sa.ForeignKeyConstraint(['letter_id'], ['letters.id'], name=op.f('fk_letter_cases_letter_id_letters'), ondelete='CASCADE'),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_letter_cases')),
    sa.UniqueConstraint('letter_id', 'position', name='uq_letter_cases_letter_position')
    )
    with op.batch_alter_table('letter_cases', schema=None) as batch_op:
        batch_op.create_index(batch_op.f('ix_letter_cases_case_id'), ['case_id'], unique=False)

    op.create_table('letter_recipients',
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('letter_id', sa.Integer(), nullable=False),
    sa.Column('position', sa.Integer(), nullable=False),
    sa.Column('recipient_id', sa.Integer(), nullable=True),
    sa.Column('name', sa.String(length=300), nullable=False),
    sa.Column('surname', sa.String(length=200), nullable=True),
    sa.Column('gender', sa.String(length=16), nullable=False),
    sa.Column('office', sa.String(length=40), nullable=False),
    sa.Column('title', sa.String(length=500), nullable=True),
    sa.Column('organisation', sa.String(length=300), nullable=True),
    sa.Column('address', sa.Text(), nullable=True),
    sa.Column('salutation', sa.String(length=300), nullable=True),
    sa.Column('closing', sa.Text(), nullable=True),
    sa.ForeignKeyConstraint(['letter_id'], ['letters.id'], name=op.f('fk_letter_recipients_letter_id_letters'), ondelete='CASCADE'),
    sa.ForeignKeyConstraint(['recipient_id'], ['recipients.id'], name=op.f('fk_letter_recipients_recipient_id_recipients'), ondelete='SET NULL'),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_letter_recipients')),
    sa.UniqueConstraint('letter_id', 'position', name='uq_letter_recipients_letter_position')
    )
    with op.batch_alter_table('letter_recipients', schema=None) as batch_op:
        batch_op.create_index(batch_op.f('ix_letter_recipients_name'), ['name'], unique=False)
        batch_op.create_index(batch_op.f('ix_letter_recipients_recipient_id'), ['recipient_id'], unique=False)

    op.create_table('letter_signatories',
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('letter_id', sa.Integer(), nullable=False),
    sa.Column('position', sa.Integer(), nullable=False),
    sa.Column('signatory_id', sa.Integer(), nullable=True),
    sa.Column('name', sa.String(length=300), nullable=False),
    sa.Column('title', sa.String(length=300), nullable=True),
    sa.Column('organisation', sa.String(length=300), nullable=True),
    sa.ForeignKeyConstraint(['letter_id'], ['letters.id'], name=op.f('fk_letter_signatories_letter_id_letters'), ondelete='CASCADE'),
    sa.ForeignKeyConstraint(['signatory_id'], ['signatories.id'], name=op.f('fk_letter_signatories_signatory_id_signatories'), ondelete='SET NULL'),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_letter_signatories')),
    sa.UniqueConstraint('letter_id', 'position', name='uq_letter_signatories_letter_position')
    )
    with op.batch_alter_table('letter_signatories', schema=None) as batch_op:
        batch_op.create_index(batch_op.f('ix_letter_signatories_signatory_id'), ['signatory_id'], unique=False)

    op.create_table('people',
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('case_id', sa.Integer(), nullable=False),
    sa.Column('position', sa.Integer(), nullable=False),
    sa.Column('name', sa.String(length=300), nullable=False),
    sa.Column('role', sa.String(length=32), nullable=False),
    sa.Column('situation', sa.String(length=16), nullable=False),
    sa.Column('at_risk', sa.Boolean(), nullable=False),
    sa.Column('notes', sa.Text(), nullable=False),
    sa.ForeignKeyConstraint(['case_id'], ['cases.id'], name=op.f('fk_people_case_id_cases'), ondelete='CASCADE'),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_people'))
    )
    with op.batch_alter_table('people', schema=None) as batch_op:
        batch_op.create_index(batch_op.f('ix_people_case_id'), ['case_id'], unique=False)

    op.create_table('revisions',
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('letter_id', sa.Integer(), nullable=False),
    sa.Column('created_at', sa.DateTime(), nullable=False),
    sa.Column('author', sa.String(length=200), nullable=False),
    sa.Column('reason', sa.String(length=500), nullable=False),
    sa.Column('status', sa.String(length=24), nullable=False),
    sa.Column('text', sa.Text(), nullable=False),
    sa.ForeignKeyConstraint(['letter_id'], ['letters.id'], name=op.f('fk_revisions_letter_id_letters'), ondelete='CASCADE'),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_revisions'))
    )
    with op.batch_alter_table('revisions', schema=None) as batch_op:
        batch_op.create_index('ix_revisions_letter_created', ['letter_id', 'created_at'], unique=False)

    op.create_table('status_changes',
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('letter_id', sa.Integer(), nullable=False),
    sa.Column('author', sa.String(length=200), nullable=False),
    sa.Column('changed_at', sa.DateTime(), nullable=False),
    sa.Column('from_status', sa.String(length=24), nullable=False),
    sa.Column('to_status', sa.String(length=24), nullable=False),
    sa.Column('note', sa.Text(), nullable=True),
    sa.ForeignKeyConstraint(['letter_id'], ['letters.id'], name=op.f('fk_status_changes_letter_id_letters'), ondelete='CASCADE'),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_status_changes'))
    )
    with op.batch_alter_table('status_changes', schema=None) as batch_op:
        batch_op.create_index('ix_status_changes_letter_changed', ['letter_id', 'changed_at'], unique=False)



def downgrade() -> None:
    with op.batch_alter_table('status_changes', schema=None) as batch_op:
        batch_op.drop_index('ix_status_changes_letter_changed')

    op.drop_table('status_changes')
    with op.batch_alter_table('revisions', schema=None) as batch_op:
        batch_op.drop_index('ix_revisions_letter_created')

    op.drop_table('revisions')
    with op.batch_alter_table('people', schema=None) as batch_op:
        batch_op.drop_index(batch_op.f('ix_people_case_id'))

    op.drop_table('people')
    with op.batch_alter_table('letter_signatories', schema=None) as batch_op:
        batch_op.drop_index(batch_op.f('ix_letter_signatories_signatory_id'))

    op.drop_table('letter_signatories')
    with op.batch_alter_table('letter_recipients', schema=None) as batch_op:
        batch_op.drop_index(batch_op.f('ix_letter_recipients_recipient_id'))
        batch_op.drop_index(batch_op.f('ix_letter_recipients_name'))

    op.drop_table('letter_recipients')
    with op.batch_alter_table('letter_cases', schema=None) as batch_op:
        batch_op.drop_index(batch_op.f('ix_letter_cases_case_id'))

    op.drop_table('letter_cases')
    with op.batch_alter_table('comments', schema=None) as batch_op:
        batch_op.drop_index(batch_op.f('ix_comments_parent_id'))
        batch_op.drop_index('ix_comments_letter_created')

    op.drop_table('comments')
    with op.batch_alter_table('case_themes', schema=None) as batch_op:
        batch_op.drop_index(batch_op.f('ix_case_themes_theme'))

    op.drop_table('case_themes')
    with op.batch_alter_table('case_events', schema=None) as batch_op:
        batch_op.drop_index('ix_case_events_case_date')

    op.drop_table('case_events')
    with op.batch_alter_table('signatories', schema=None) as batch_op:
        batch_op.drop_index(batch_op.f('ix_signatories_name'))

    op.drop_table('signatories')
    with op.batch_alter_table('recipients', schema=None) as batch_op:
        batch_op.drop_index(batch_op.f('ix_recipients_name'))
        batch_op.drop_index(batch_op.f('ix_recipients_language'))

    op.drop_table('recipients')
    with op.batch_alter_table('letters', schema=None) as batch_op:
        batch_op.drop_index(batch_op.f('ix_letters_updated_at'))
        batch_op.drop_index(batch_op.f('ix_letters_subject'))
        batch_op.drop_index('ix_letters_status_updated')
        batch_op.drop_index(batch_op.f('ix_letters_status'))
        batch_op.drop_index('ix_letters_language_updated')
        batch_op.drop_index('ix_letters_deleted_updated')
        batch_op.drop_index('ix_letters_deleted_date')
        batch_op.drop_index(batch_op.f('ix_letters_date'))
        batch_op.drop_index(batch_op.f('ix_letters_created_at'))

    op.drop_table('letters')
    op.drop_table('letterheads')
    with op.batch_alter_table('cases', schema=None) as batch_op:
        batch_op.drop_index(batch_op.f('ix_cases_updated_at'))
        batch_op.drop_index(batch_op.f('ix_cases_title'))
        batch_op.drop_index('ix_cases_status_updated')
        batch_op.drop_index(batch_op.f('ix_cases_status'))
        batch_op.drop_index(batch_op.f('ix_cases_country'))

    op.drop_table('cases')
