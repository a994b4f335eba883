"""Every refusal's English words, by code (translated when worded: refusals.py).

The words keep their values' names in braces ("'{step}' is already done."); a translation
keeps the same names. A count's words come in two: one, and more than one.
"""

from __future__ import annotations

from deliverydesk.wording.refusal_codes import RefusalCode
from deliverydesk.wording.words import N_

REFUSAL_WORDS: dict[RefusalCode, str] = {
    RefusalCode.DEMO_NEEDS_EMPTY_FOLDER: N_(
        "This data folder already holds a practice; the demo only fills an empty one."
    ),
    RefusalCode.SCALE_CLIENTS_OUT_OF_RANGE: N_("Ask for between 1 and {limit:,} clients."),
    RefusalCode.SCALE_STEPS_OUT_OF_RANGE: N_("Steps per journey must be between 6 and {limit}."),
    RefusalCode.READ_ONLY_PRACTICE: N_("{read_only} Nothing was changed."),
    RefusalCode.BENCHMARK_NEEDS_EMPTY_FOLDER: N_(
        "This data folder already holds a practice; benchmark data only goes into an empty one."
    ),
    RefusalCode.TIME_ZONE_UNKNOWN: N_(
        "'{zone}' is not a time zone this computer knows; choose one from the list "
        "(Europe/Berlin, America/New_York…)."
    ),
    RefusalCode.ALARM_OUT_OF_RANGE: N_(
        "The reminder before a session must be between 0 and {limit:,} minutes."
    ),
    RefusalCode.SESSION_TIME_NOT_SESSION: N_("Only a session has a time; '{step}' is not one."),
    RefusalCode.SESSION_LENGTH_OUT_OF_RANGE: N_("A session lasts between 0 and {limit:,} minutes."),
    RefusalCode.ICS_NOT_A_FILE: N_(
        "{file} is a folder, not a calendar file (.ics). Nothing was imported."
    ),
    RefusalCode.ICS_TOO_LARGE: N_(
        "{file} is larger than {limit_mb} MB, far more than a calendar holds. Nothing was imported."
    ),
    RefusalCode.ICS_NOT_CALENDAR: N_(
        "{file} is not a calendar file (.ics, beginning with BEGIN:VCALENDAR). Nothing was "
        "imported."
    ),
    RefusalCode.ICS_DAMAGED: N_(
        "{file} looks like a calendar but is damaged and cannot be read. Nothing was imported."
    ),
    RefusalCode.ICS_CHANGED_SINCE: N_(
        "'{step}' changed since the import was shown; open the calendar file again. Nothing "
        "was imported."
    ),
    RefusalCode.NO_PRACTICE_YET: N_("There is no practice yet; create one first."),
    RefusalCode.FONT_NOT_IN_LIST: N_("Choose a font from the list: {fonts}."),
    RefusalCode.PAGE_SIZE_UNKNOWN: N_("The page size is A4 or Letter (or the computer's choice)."),
    RefusalCode.LOGO_NOT_COPIED: N_(
        "The logo must be one DeliveryDesk copied into its data folder; choose the logo file "
        "again in Settings > Brand."
    ),
    RefusalCode.COLOUR_NOT_HEX: N_("{label} must be written like #2F6F73."),
    RefusalCode.OFFER_GONE: N_("That offer no longer exists."),
    RefusalCode.OFFER_HAS_NO_PHASES: N_("The offer '{offer}' has no phases yet; design it first."),
    RefusalCode.CLIENT_LIST_TOO_LARGE: N_("A client list can be at most {limit_mb} MB."),
    RefusalCode.CSV_EMPTY: N_("The file is empty: it needs a header row naming the columns."),
    RefusalCode.CSV_HEADER_MISSING: N_(
        "The first row must name the columns (Name, E-mail, Company…)."
    ),
    RefusalCode.CSV_NAME_COLUMN_MISSING: N_(
        "The file needs a column for the client's name: name its first row Name (or First name "
        "and Last name)."
    ),
    RefusalCode.PATH_IS_FOLDER_NOT_CSV: N_("{path} is a folder, not a CSV file."),
    RefusalCode.CLIENT_LIST_FILE_TOO_LARGE: N_(
        "{file} is {size_mb:.0f} MB; a client list can be at most {limit_mb} MB. Split it into "
        "smaller files."
    ),
    RefusalCode.NO_FILE_AT: N_("There is no file at {path}."),
    RefusalCode.CANNOT_READ_FILE: N_("Cannot read {path}: {reason}."),
    RefusalCode.CSV_TOO_MANY_ROWS: N_(
        "The file has more than {limit:,} clients; split it into smaller files."
    ),
    RefusalCode.UNKNOWN_ENCODING: N_("'{encoding}' is not a text encoding DeliveryDesk knows."),
    RefusalCode.CSV_WRONG_ENCODING: N_(
        'The file is not {encoding} text (at byte {byte:,}). In your spreadsheet, save it as "CSV'
        ' UTF-8", or name its encoding.'
    ),
    RefusalCode.CSV_ROW_UNREADABLE: N_("Row {row} (line {line_num}) cannot be read: {reason}"),
    RefusalCode.CLIENT_GONE: N_("That client no longer exists."),
    RefusalCode.FIT_ANSWER_NOT_YES_NO: N_("Right-fit answers must be yes or no."),
    RefusalCode.CLIENT_NEEDS_NAME: N_("A client needs a name."),
    RefusalCode.START_DATE_OUT_OF_RANGE: N_("Choose a start date within ten years of today."),
    RefusalCode.CLIENT_OR_OFFER_GONE: N_("That client or offer no longer exists."),
    RefusalCode.CLIENT_ALREADY_ON_OFFER: N_(
        "{client} is already on '{offer}'. Complete or cancel that journey before enrolling them "
        "again."
    ),
    RefusalCode.CLIENT_ENROLLED_SINCE: N_(
        "{client} has been enrolled since, so they cannot simply be removed."
    ),
    RefusalCode.ENROLMENT_GONE: N_("That enrolment no longer exists."),
    RefusalCode.ENROLMENT_NO_LONGER_UNDOABLE: N_(
        "This journey has been paused or ended since, so its enrolment cannot be undone."
    ),
    RefusalCode.ENROLMENT_HAS_HISTORY: N_(
        "Things have happened on this journey since it began (notes, moves, feedback...); cancel "
        "the journey instead of undoing the enrolment."
    ),
    RefusalCode.ENROLMENT_CANNOT_COME_BACK: N_("That enrolment cannot be brought back."),
    RefusalCode.DATE_BEYOND_CALENDAR: N_(
        "That would put a date beyond what a calendar can hold; nothing was changed."
    ),
    RefusalCode.JOURNEY_GONE: N_("That journey no longer exists."),
    RefusalCode.INTAKE_NO_FORM_KEY: N_(
        "This PDF is not a DeliveryDesk intake form (it has no form key)."
    ),
    RefusalCode.INTAKE_FORM_TOO_OLD: N_(
        "This intake form was made by an older version of DeliveryDesk, before each practice "
        "signed its forms with a key of its own; export a new intake form and send the client "
        "that one."
    ),
    RefusalCode.INTAKE_KEY_UNREADABLE: N_(
        "This intake form was altered: its form key cannot be read."
    ),
    RefusalCode.INTAKE_KEY_MISMATCH: N_(
        "This intake form was altered or comes from another practice: its form key does not match."
    ),
    RefusalCode.INTAKE_QUESTIONS_CHANGED: N_(
        "The intake questions of {offer} changed since this form was made; send the client a new "
        "form."
    ),
    RefusalCode.INTAKE_ANSWERS_FOR_OTHER_CLIENT: N_("These answers were read for another client."),
    RefusalCode.INTAKE_FORM_FOR_OTHER_CLIENT: N_(
        "This intake form was made for another client, not for {client}."
    ),
    RefusalCode.INTAKE_FORM_FOR_NAMED_CLIENT: N_(
        "This intake form was made for {other}, not for {client}."
    ),
    RefusalCode.INTAKE_CLIENT_NOT_ENROLLED: N_(
        "This intake form is for {offer}, and {client} is not enrolled in it."
    ),
    RefusalCode.INTAKE_QUESTION_WITHOUT_FIELD: N_(
        "This intake form was altered: question {question} has no field."
    ),
    RefusalCode.INTAKE_FILE_TOO_LARGE: N_("This file is too large to be an intake form."),
    RefusalCode.PDF_PASSWORD_LOCKED: N_("This PDF is locked with a password; save it without one."),
    RefusalCode.NOT_A_PDF: N_("This file is not a PDF, or it is damaged."),
    RefusalCode.INTAKE_ANSWERS_REPLACED_SINCE: N_(
        "The intake answers of {client} were replaced since (another filled form was imported); "
        "they were left as they are."
    ),
    RefusalCode.INTAKE_OFFER_GONE: N_("This intake form is for an offer that no longer exists."),
    RefusalCode.CSV_PLACE_UNKNOWN: N_(
        "'{written}' is neither a phase nor a step of {offer} (its phases: {names})."
    ),
    RefusalCode.CSV_COLUMNS_MISSING: N_(
        "The file needs a column for {missing}: the template names them ({columns})."
    ),
    RefusalCode.CSV_START_MISSING: N_("Give the day the client started, as 2026-09-14."),
    RefusalCode.CSV_DATE_UNREADABLE: N_("'{written}' is not a date: write it as 2026-09-14."),
    RefusalCode.CSV_DATE_TOO_FAR: N_("{day} is more than ten years from today."),
    RefusalCode.CSV_STEP_IN_SEVERAL_PHASES: N_(
        "'{written}' is a step of several phases: write {phases}."
    ),
    RefusalCode.CSV_TEMPLATE_EXAMPLE_ROW: N_(
        "This is the template's example row: replace it with a client."
    ),
    RefusalCode.CSV_DONE_BEFORE_START: N_(
        "It starts on a day still to come, so nothing of it can be done yet: leave the phase or "
        "step empty."
    ),
    RefusalCode.CSV_OFFER_MISSING: N_("Name the offer the client is on."),
    RefusalCode.CSV_OFFER_UNKNOWN: N_("No offer is called '{name}' (your offers: {names})."),
    RefusalCode.CSV_OFFER_AMBIGUOUS: N_("{count} offers are called '{name}'; rename one first."),
    RefusalCode.CSV_OFFER_NOT_READY: N_("'{offer}' cannot take a client yet: {problem}"),
    RefusalCode.CSV_DATE_AMBIGUOUS: N_(
        "'{written}' could be {first} {first_month} or {second} {second_month}: write it as "
        "{year}-MM-DD."
    ),
    RefusalCode.CSV_ROW_TOO_MANY_VALUES: N_(
        "has {count} values, but the first row names only {width} columns."
    ),
    RefusalCode.CSV_SAME_EMAIL_AS: N_("Same e-mail as {who}."),
    RefusalCode.CSV_SAME_NAME_AS: N_("Same name as {who}."),
    RefusalCode.CSV_NAMESAKE_ADDED: N_(
        "Someone of the same name has another e-mail: added as a new client."
    ),
    RefusalCode.CSV_REPEATS_ROW: N_("Repeats row {row}."),
    RefusalCode.CSV_CLIENT_ALREADY_ON_OFFER: N_("{client} is already on {offer}."),
    RefusalCode.CSV_ENROLS_CLIENT: N_("Enrols {client}, already a client."),
    RefusalCode.CSV_CLIENT_OF_EARLIER_ROW: N_("The client of row {row}, in a second offer."),
    RefusalCode.STEP_GONE: N_("That step no longer exists."),
    RefusalCode.PHASES_CHANGED_SINCE: N_(
        "This journey's phases changed since; it cannot be put back."
    ),
    RefusalCode.JOURNEY_MOVED_SINCE: N_(
        "This journey was moved since (it is now in '{phase}'); the move was not undone."
    ),
    RefusalCode.NOTE_EMPTY: N_("A note needs some text."),
    RefusalCode.STEP_ALREADY_DONE: N_("'{step}' is already done."),
    RefusalCode.STEP_DONE_IN_FUTURE: N_("A step cannot be marked done on a day still to come."),
    RefusalCode.STEP_NOT_DONE: N_("'{step}' is not done."),
    RefusalCode.STEP_DONE_ON_OTHER_DAY: N_(
        "'{step}' was marked done on another day since ({completed_on}); it was not opened again."
    ),
    RefusalCode.STEP_DUE_DATE_CHANGED_SINCE: N_(
        "'{step}' was given another due date since ({due_on}); it was not changed back."
    ),
    RefusalCode.STEP_DUE_BEFORE_START: N_("'{step}' cannot be due before it starts ({starts})."),
    RefusalCode.PHASE_NOT_IN_JOURNEY: N_("That phase is not part of this journey."),
    RefusalCode.NOTE_GONE: N_("That note no longer exists."),
    RefusalCode.RESUME_DATE_NOT_AFTER_TODAY: N_("The planned resume date must be after today."),
    RefusalCode.PAUSE_NEEDS_ACTIVE: N_(
        "Only an active journey can be paused; this one is {status}."
    ),
    RefusalCode.RESUME_NEEDS_PAUSED: N_(
        "Only a paused journey can be resumed; this one is {status}."
    ),
    RefusalCode.JOURNEY_ALREADY_IN_STATUS: N_("This journey is already {status}."),
    RefusalCode.ARCHIVE_NEEDS_ENDED: N_("Complete or cancel this journey before archiving it."),
    RefusalCode.STEPS_CHANGED_SINCE: N_(
        "This journey's steps changed since; it cannot be put back."
    ),
    RefusalCode.NUDGE_NOT_CLIENTS_STEP: N_(
        "'{step}' is not the client's to do and is not a touchpoint; there is nothing to nudge "
        "them about."
    ),
    RefusalCode.JOURNEYS_GONE: N_("One of those journeys no longer exists."),
    RefusalCode.APPLY_DESIGN_BROKEN: N_(
        "Fix the design of '{offer}' before applying it: {problem}"
    ),
    RefusalCode.JOURNEY_NOT_IN_OFFER: N_("A journey picked is not in '{offer}'."),
    RefusalCode.APPLY_TO_ENDED_JOURNEY: N_(
        "A journey that has ended keeps the design it ended with; pick only journeys still under "
        "way."
    ),
    RefusalCode.OFFER_ARCHIVED: N_(
        "'{offer}' is archived; bring it back before enrolling a client."
    ),
    RefusalCode.OFFER_NOT_ENROLLABLE: N_(
        "'{offer}' cannot be used to enrol a client until its design is fixed: {reasons}{more}"
    ),
    RefusalCode.OFFER_HAS_JOURNEYS: N_(
        "'{offer}' has clients' journeys, so it cannot be removed; archive it."
    ),
    RefusalCode.OFFER_FILE_TOO_LARGE: N_(
        "This file is larger than {limit_mb} MB; it is not an offer file."
    ),
    RefusalCode.PATH_IS_FOLDER_NOT_OFFER_FILE: N_("{path} is a folder, not an offer file."),
    RefusalCode.NO_FOLDER_FOR_FILE: N_("There is no folder {folder} to save the file in."),
    RefusalCode.CANNOT_WRITE_IN_FOLDER: N_("Cannot write in {folder}: {reason}."),
    RefusalCode.CANNOT_SAVE_FILE: N_("Cannot save {path}: {reason}."),
    RefusalCode.DISK_FULL_SAVING_FILE: N_(
        "Cannot save {path}: the disk is full. Free some space and try again."
    ),
    RefusalCode.OFFER_FILE_SIZE_TOO_LARGE: N_(
        "This file is {size_mb:.1f} MB; an offer file is at most {limit_mb} MB. It is probably "
        "not an offer file."
    ),
    RefusalCode.NOT_AN_OFFER_FILE: N_("This is not a DeliveryDesk offer file."),
    RefusalCode.OFFER_FILE_NO_VERSION: N_(
        "This offer file does not say which version of the format it uses."
    ),
    RefusalCode.OFFER_FILE_TOO_NEW: N_(
        "This offer file was made by a newer DeliveryDesk (format version {version}); update "
        "DeliveryDesk to import it."
    ),
    RefusalCode.OFFER_FILE_UNUSABLE: N_("This offer file cannot be used: {reasons}"),
    RefusalCode.OFFER_FILE_NOT_TEXT: N_("This file is not text (UTF-8); it is not an offer file."),
    RefusalCode.OFFER_FILE_TOO_DEEP: N_("This file is nested too deeply to be an offer file."),
    RefusalCode.OFFER_FILE_NOT_JSON: N_("This file is damaged or not JSON ({reason})."),
    RefusalCode.OFFER_FILE_TOO_MANY_STEPS: N_(
        "This offer file holds {steps:,} steps; at most {limit:,} fit."
    ),
    RefusalCode.OFFER_FILE_CHOICES_NOT_TEXT: N_("{where}: each of its choices should be text."),
    RefusalCode.OFFER_FILE_WRONG_SHAPE: N_(
        "{where} is not written the way an offer file writes it."
    ),
    RefusalCode.OFFER_FILE_NOT_A_LIST: N_("{where}: '{key}' should be a list."),
    RefusalCode.OFFER_FILE_TOO_MANY: N_("{where} has {count:,} {key}; at most {limit:,} fit."),
    RefusalCode.OFFER_FILE_NOT_TEXT_VALUE: N_("{where}: '{key}' should be text."),
    RefusalCode.OFFER_FILE_NOT_WHOLE_NUMBER: N_("{where}: '{key}' should be a whole number."),
    RefusalCode.OFFER_FILE_NOT_TRUE_FALSE: N_("{where}: '{key}' should be true or false."),
    RefusalCode.OFFER_FILE_NOT_A_CHOICE: N_("{where}: '{key}' should be one of {choices}."),
    RefusalCode.OFFER_FILE_NOT_AN_AMOUNT: N_(
        "{where}: '{key}' should be an amount in pence or cents (a whole number), or null."
    ),
    RefusalCode.STEP_NOT_AN_INVOICE: N_("'{step}' is not an invoice step."),
    RefusalCode.INVOICE_NOT_SENT: N_(
        "'{step}' is not invoiced yet: mark it done when you send the invoice, then paid."
    ),
    RefusalCode.INVOICE_ALREADY_PAID: N_("'{step}' was already marked paid on {paid_on}."),
    RefusalCode.INVOICE_NOT_PAID: N_("'{step}' is not marked paid."),
    RefusalCode.INVOICE_PAID_BEFORE_SENT: N_(
        "'{step}' was invoiced on {invoiced_on}; it cannot have been paid before that."
    ),
    RefusalCode.INVOICE_PAID_IN_FUTURE: N_("An invoice cannot be marked paid on a future day."),
    RefusalCode.INVOICE_PAID_STAYS_SENT: N_(
        "'{step}' is marked paid, so its invoice was sent: mark it not paid first to open it again."
    ),
    RefusalCode.INVOICE_PAID_ON_OTHER_DAY: N_(
        "'{step}' has been marked paid on {paid_on} since; it was left as it is."
    ),
    RefusalCode.REVISION_NOT_KEPT: N_("Revision {revision} of that offer was not kept."),
    RefusalCode.PRACTICE_NEEDS_NAME: N_("Give your practice a name."),
    RefusalCode.WEEKLY_HOURS_OUT_OF_RANGE: N_("Weekly hours must be between 1 and 168."),
    RefusalCode.NO_WORKING_DAY: N_("Choose at least one working day."),
    RefusalCode.PRACTICE_EXISTS: N_("This data folder already holds a practice."),
    RefusalCode.PRACTICE_FILE_RECORD_UNSOUND: N_(
        "{name} cannot be imported, so nothing was: {record} is not sound."
    ),
    RefusalCode.PRACTICE_FILE_WRONG_KIND: N_("{where} holds a value of the wrong kind."),
    RefusalCode.PATH_IS_FOLDER_NOT_PRACTICE_FILE: N_("{path} is a folder, not a practice file."),
    RefusalCode.PRACTICE_FILE_TOO_LARGE: N_(
        "This file is larger than {limit_mb} MB; it is not a DeliveryDesk practice file."
    ),
    RefusalCode.NOT_A_PRACTICE_FILE: N_("{file} is not a DeliveryDesk practice file."),
    RefusalCode.PRACTICE_FILE_NO_VERSION: N_(
        "{file} is damaged: it does not say which version it is."
    ),
    RefusalCode.PRACTICE_FILE_TOO_NEW: N_(
        "{file} was written by a newer DeliveryDesk; update DeliveryDesk to import it."
    ),
    RefusalCode.PRACTICE_FILE_NO_TABLES: N_("{file} is damaged: its tables are missing."),
    RefusalCode.PRACTICE_FILE_SCHEMA_TOO_NEW: N_(
        "{file} was written by a newer DeliveryDesk (schema {schema}); update DeliveryDesk to "
        "import it."
    ),
    RefusalCode.PRACTICE_FILE_TABLE_NOT_RECORDS: N_(
        "{name} is damaged: table '{table}' is not a list of records."
    ),
    RefusalCode.PRACTICE_FILE_UNKNOWN_COLUMN: N_(
        "{name} is damaged: table '{table}' has no column '{column}'."
    ),
    RefusalCode.PRACTICE_FILE_NOT_JSON: N_(
        "{file} is not a DeliveryDesk practice file (it is not JSON)."
    ),
    RefusalCode.PRACTICE_FILE_BROKEN_LINKS: N_(
        "{name} is damaged: {count} records point at records it does not hold (first in '{table}')."
    ),
    RefusalCode.PRACTICE_FILE_VALUE_COUNT: N_("{where} does not have {count} values."),
    RefusalCode.PRACTICE_FILE_TEXT_UNSAVABLE: N_("{where} holds text that cannot be saved."),
    RefusalCode.PRACTICE_FILE_NUMBER_TOO_LARGE: N_("{where} holds a number too large to store."),
    RefusalCode.PRACTICE_FILE_REFUSED: N_("{file} cannot be imported, so nothing was: {reason}"),
    RefusalCode.PRACTICE_FILE_NOT_IMPORTED: N_("{file} cannot be imported: {reason}"),
    RefusalCode.PRACTICE_FILE_NEEDS_EMPTY_FOLDER: N_(
        "This data folder already holds a practice. A practice file can only be imported into an "
        "empty one: start DeliveryDesk on a new data folder (--data-dir) and import it there."
    ),
    RefusalCode.PRACTICE_FILE_UNKNOWN_TABLE: N_(
        "{name} is damaged: it holds an unknown table '{table}'."
    ),
    RefusalCode.PRACTICE_FILE_VALUE_UNSTORABLE: N_("{where} cannot be stored ({reason})."),
    RefusalCode.PRACTICE_FILE_VALUE_UNSOUND: N_(
        "{name} cannot be imported, so nothing was: {record}.{column}: {reason}"
    ),
    RefusalCode.TOO_MANY_CLOSED_DATES: N_("At most {limit:,} closed dates can be kept."),
    RefusalCode.CLOSED_DATE_TOO_FAR: N_("Closed dates must be within 50 years of today."),
    RefusalCode.WORKING_DAYS_NOT_NUMBERS: N_(
        "Working days are written as weekday numbers, 1 (Monday) to 7."
    ),
    RefusalCode.CLOSED_DATES_NOT_A_LIST: N_("Closed dates must be a list of dates."),
    RefusalCode.NOT_A_DATE: N_("{written} is not a date."),
    RefusalCode.DAY_HOURS_OUT_OF_RANGE: N_(
        "Hours in a day must be between 0 and 24, and at least 1 hour in the week."
    ),
    RefusalCode.DAY_HOURS_NOT_A_TABLE: N_(
        "Hours per day are written as weekday numbers, 1 (Monday) to 7, with their hours."
    ),
    RefusalCode.TIME_OFF_ENDS_BEFORE_START: N_("Time off cannot end before it starts."),
    RefusalCode.TIME_OFF_TOO_LONG: N_("Add time off a year at most at a time."),
    RefusalCode.TIME_OFF_TOO_FAR: N_("Time off must be within 50 years of today."),
    RefusalCode.TOO_MANY_TIME_OFF: N_("At most {limit:,} periods of time off can be kept."),
    RefusalCode.TIME_OFF_NOT_A_LIST: N_(
        "Time off must be a list of periods, each with its first and last day."
    ),
    RefusalCode.NO_SUCH_TIME_OFF: N_(
        "No time off is numbered {number}; the list of time off gives each period its number."
    ),
    RefusalCode.VALUE_NOT_OF_KIND: N_("{written} is not {words}."),
    RefusalCode.VALUE_OUT_OF_RANGE: N_("{label} must be between {low:,} and {high:,}."),
    RefusalCode.VALUE_NOT_A_SET: N_("{written} is not a set of named values."),
    RefusalCode.VALUE_MISSING: N_("a value is needed here."),
    RefusalCode.SETTING_REFUSED: N_("{key}: {reason}"),
    RefusalCode.FRICTION_NEEDS_TEXT: N_("Say what went wrong."),
    RefusalCode.SCORE_OUT_OF_RANGE: N_("A score runs from 0 to 10."),
    RefusalCode.STEP_NOT_IN_JOURNEY: N_("That step is not part of this client's journey."),
    RefusalCode.FRICTION_GONE: N_("That friction record no longer exists."),
    RefusalCode.FRICTION_NOT_YET: N_(
        "Friction is logged once it has happened; {occurred} is still to come."
    ),
    RefusalCode.FRICTION_RESOLVED_BEFORE: N_(
        "It cannot be resolved on {resolved}, before it happened on {occurred}."
    ),
    RefusalCode.FRICTION_RESOLVED_LATER: N_(
        "It cannot be resolved on {resolved}, a day still to come."
    ),
    RefusalCode.FRICTION_CHANGED: N_(
        "That friction record was changed elsewhere meanwhile, so it was left as it is."
    ),
    RefusalCode.FEEDBACK_GONE: N_("That feedback record no longer exists."),
    RefusalCode.FEEDBACK_NOT_YET: N_(
        "Feedback is recorded once the client has given it; {received} is still to come."
    ),
    RefusalCode.FEEDBACK_CHANGED: N_(
        "That feedback record was changed elsewhere in the meantime; nothing was changed here."
    ),
    RefusalCode.REVIEW_PERIOD_BACKWARDS: N_(
        "The period starts on {since}, after it ends on {until}: choose its first day first."
    ),
    RefusalCode.REVIEW_PERIOD_AHEAD: N_(
        "The period ends on {until}, still to come: a review looks back, up to today."
    ),
    RefusalCode.FRICTION_UNKNOWN_STEP: N_("This client's journey has no step called '{step}'."),
    RefusalCode.CLIENT_NOT_ENROLLED: N_(
        "This client is not enrolled in an offer yet, so there is no journey to report on."
    ),
    RefusalCode.NO_FOLDER_FOR_REPORTS: N_("There is no folder {folder} to save the reports in."),
    RefusalCode.PROGRESS_REPORT_NEEDS_CLIENT: N_(
        "A progress report is about one client: choose the client."
    ),
    RefusalCode.DOCUMENT_NOT_KEPT_FOR_SENDING: N_(
        "Nothing was sent: the document could not be saved in {folder} to attach it."
    ),
    RefusalCode.NO_CLIENT_TO_SEND_TO: N_(
        "Nothing was sent: no client has a journey running to report on."
    ),
    RefusalCode.TEMPLATE_NEEDS_CLIENT_OR_OFFER: N_(
        "Choose a client, or an offer for a blank template."
    ),
    RefusalCode.FORM_NEEDS_CLIENT_OR_OFFER: N_("Choose a client, or an offer for a blank form."),
    RefusalCode.CLIENT_OFFER_GONE: N_(
        "This client's offer no longer exists, so it has no intake questions."
    ),
    RefusalCode.RESCHEDULE_DONE_STEP: N_(
        "'{step}' is already done; open it again to reschedule it."
    ),
    RefusalCode.STEPS_REMOVED_SINCE: N_(
        "Some of these steps were removed since; their dates stay."
    ),
    RefusalCode.CLIENT_NOT_IN_LIST: N_("That client is no longer in your list."),
    RefusalCode.CLIENT_STILL_ON_OFFER: N_(
        "{client} is still on '{offer}'. Complete or cancel that journey before archiving them."
    ),
    RefusalCode.CLIENT_NOT_IN_TRASH_ANY_MORE: N_("That client is no longer in the trash."),
    RefusalCode.CLIENT_NOT_IN_TRASH: N_("{client} is not in the trash."),
    RefusalCode.PHASE_NOT_IN_OFFER: N_("That phase is not part of this offer's journey."),
    RefusalCode.STEP_NOT_IN_PHASE: N_("That step is not part of this phase."),
    RefusalCode.DONE_BEFORE_IN_FUTURE: N_(
        "Earlier steps cannot be marked done on a day still to come."
    ),
    RefusalCode.DONE_BEFORE_START: N_(
        "Earlier steps cannot be marked done before the journey starts ({starts})."
    ),
    RefusalCode.OFFER_GONE_OR_EMPTY: N_("That offer no longer exists, or has no phases yet."),
    RefusalCode.TEXT_HAS_NUL: N_("{label} contains a NUL character, which cannot be saved."),
    RefusalCode.TEXT_HAS_BROKEN_CHARACTER: N_(
        "{label} contains a broken character that cannot be saved; retype or paste it again."
    ),
    RefusalCode.TEXT_TOO_LONG: N_("{label} can be at most {limit:,} characters long."),
    RefusalCode.PATH_IS_DATA_FILE: N_(
        "{path} is a DeliveryDesk data file, which only DeliveryDesk itself may read or replace. "
        "Choose another file; nothing was changed."
    ),
    RefusalCode.TEXT_HAS_CONTROL_CHARACTER: N_("{label} contains a control character."),
    RefusalCode.TEXT_NOT_ONE_LINE: N_(
        "{label} contains a control character and must fit on one line."
    ),
    RefusalCode.TEXT_EMPTY: N_("{label} cannot be empty."),
    RefusalCode.EMAIL_UNLIKELY: N_(
        "'{email}' does not look like an e-mail address (name@example.com)."
    ),
    RefusalCode.BACKUP_UNOPENABLE: N_(
        "The backup could not be opened ({reason}); your data is as it was."
    ),
    RefusalCode.NO_DATABASE_FILE: N_("There is no database file at {source}."),
    RefusalCode.BACKUP_FAILED_CHECK: N_(
        "The backup of {source} failed its integrity check: {problems}"
    ),
    RefusalCode.BACKUP_FOLDER_UNWRITABLE: N_("Cannot write a backup in {folder}: {reason}."),
    RefusalCode.COPY_FOLDER_MISSING: N_("There is no folder at {folder}."),
    RefusalCode.COPY_FOLDER_INSIDE_DATA: N_(
        "Choose a folder outside DeliveryDesk's own data folder: a copy there is lost with it."
    ),
    RefusalCode.COPY_FOLDER_UNWRITABLE: N_(
        "DeliveryDesk cannot write in {folder}; choose another folder."
    ),
    RefusalCode.COPY_DISK_GONE: N_(
        "The copy was not made: {folder} is not there (is its disk connected?)."
    ),
    RefusalCode.COPY_NOT_MADE: N_("The copy in {folder} was not made: {reason}."),
    RefusalCode.DONE_ON_WITHOUT_AT: N_("--done-on goes with --at: say the phase or step reached."),
    RefusalCode.UNDER_WAY_NOT_STARTED: N_(
        "It starts on a day still to come, so nothing of it can be done yet: leave out --at."
    ),
    RefusalCode.BACKUP_NOT_WRITTEN: N_("The backup of {source} could not be written: {reason}."),
    RefusalCode.BACKUP_FAILED: N_("The backup of {source} failed: {reason}"),
    RefusalCode.DATABASE_UNOPENABLE: N_(
        "{path} could not be opened: {reason}. Nothing was changed."
    ),
    RefusalCode.DATABASE_IN_USE: N_("{path} is in use by another program. Close it and try again."),
    RefusalCode.DATABASE_IS_FOLDER: N_(
        "{path} is a folder, but DeliveryDesk keeps its data file under that name. Move or rename"
        " the folder, then try again."
    ),
    RefusalCode.DATABASE_NOT_READABLE: N_(
        "You are not allowed to read {path}. Check its permissions (you need to be able to read "
        "and write it), then try again; nothing was changed."
    ),
    RefusalCode.DATABASE_READ_ONLY_WITH_LOG: N_(
        "{path} is read-only, and changes from an earlier session are still waiting to be folded "
        "into it. Allow changes to the file and its folder, then open it again; nothing was "
        "changed."
    ),
    RefusalCode.DATABASE_READ_ONLY_EMPTY: N_(
        "{path} holds no practice yet, and it is read-only. Allow changes to it and its folder, "
        "then open it again."
    ),
    RefusalCode.DATABASE_READ_ONLY_NEEDS_UPGRADE: N_(
        "{path} needs an upgrade to this version of DeliveryDesk, but it is read-only. Allow "
        "changes to the file and its folder, then open it again; nothing was changed."
    ),
    RefusalCode.DATABASE_TOO_NEW: N_(
        "{path} was written by a newer DeliveryDesk (schema {revision}). Update DeliveryDesk to "
        "open it; the file was not changed."
    ),
    RefusalCode.DATABASE_UNKNOWN_TABLES: N_(
        "{path} holds tables DeliveryDesk does not know; not touching it."
    ),
    RefusalCode.DATABASE_DAMAGED: N_("{path} is damaged: {reason}"),
    RefusalCode.DATABASE_NOT_OPENED: N_("{path} could not be opened: {reason}"),
    RefusalCode.DATA_FOLDER_READ_ONLY: N_(
        "DeliveryDesk cannot create its data file in {data_dir}: the folder is read-only. Choose "
        "another folder, or allow changes to this one."
    ),
    RefusalCode.PRACTICE_FOLDER_READ_ONLY: N_(
        "The folder holding your data ({folder}) is read-only, so your practice is open for "
        "reading only and changes cannot be saved."
    ),
    RefusalCode.PRACTICE_FILE_READ_ONLY: N_(
        "Your data file ({path}) is read-only, so your practice is open for reading only and "
        "changes cannot be saved."
    ),
    RefusalCode.UPGRADE_BACKUP_FAILED: N_(
        "Before upgrading your data, DeliveryDesk keeps a backup of it in {folder}, but that "
        "backup could not be made ({reason}). Nothing was changed; if a file named 'backups' is "
        "in the way, move it elsewhere and try again."
    ),
    RefusalCode.DATABASE_DAMAGED_FOUND: N_("{path} is damaged: {problems}"),
    RefusalCode.NOT_SQLITE: N_("{path} is not a DeliveryDesk database (it is not SQLite)."),
    RefusalCode.UPGRADE_BREAKS_LINKS: N_(
        "The upgrade to schema {target} would break {count} links between records; nothing was "
        "changed."
    ),
    RefusalCode.RECOVERY_BACKUP_FAILED: N_("The backup {file} could not be restored: {reason}"),
    RefusalCode.RECOVERY_SET_ASIDE_FAILED: N_("The damaged file could not be set aside: {reason}"),
    RefusalCode.BACKUP_NOT_WHOLE: N_(
        "{source} cannot be restored: {reason}, so it is not a whole DeliveryDesk backup. Nothing"
        " was changed."
    ),
    RefusalCode.NOT_A_BACKUP: N_("{source} is not a DeliveryDesk backup."),
    RefusalCode.BACKUP_TOO_NEW: N_(
        "{source} was written by a newer DeliveryDesk (schema {revision}); update DeliveryDesk to"
        " restore it. Nothing was changed."
    ),
    RefusalCode.DATA_OPEN_ELSEWHERE: N_(
        "DeliveryDesk (or another program) has this data open. Close it, then restore again; "
        "nothing was changed."
    ),
    RefusalCode.SCHEMA_MISMATCH: N_("The two databases are at different schema versions."),
    RefusalCode.FOLDER_HOLDS_RECORDS: N_(
        "This data folder already holds records; nothing was added."
    ),
    RefusalCode.OFFER_DESIGN_PROBLEMS: N_("{reasons}"),
    RefusalCode.NOTHING_MADE: N_("Nothing was made."),
    RefusalCode.NO_LOGO_FILE: N_("No logo file was given."),
    RefusalCode.LOGO_UNUSABLE: N_("{problem}"),
    RefusalCode.SAME_AS_CAUSE: N_("{reason}"),
    RefusalCode.CHECKPOINTS_NOT_DONE: N_("{checkpoints} not done."),
    RefusalCode.STORAGE_LOCKED: N_(
        "Another program is writing to your data right now. Nothing was changed; try again in a "
        "moment."
    ),
    RefusalCode.STORAGE_DISK_FULL: N_(
        "The disk is full. Nothing was changed; free some space and try again."
    ),
    RefusalCode.STORAGE_READ_ONLY: N_("Your data file is read-only. Nothing was changed."),
    RefusalCode.STORAGE_IO: N_(
        "Your data could not be written to the disk (it may be full or failing). Nothing was "
        "changed; free some space and try again."
    ),
    RefusalCode.STORAGE_FAILED: N_("Your data could not be saved ({reason}). Nothing was changed."),
}
# Words that agree with a count: (one, more than one).
PLURAL_WORDS: dict[RefusalCode, tuple[str, str]] = {
    RefusalCode.CSV_ROWS_REFUSED: (
        N_("{count} row of {file} cannot be imported, so nothing was: {listed}{more}."),
        N_("{count} rows of {file} cannot be imported, so nothing was: {listed}{more}."),
    ),
    RefusalCode.ENROLMENT_HAS_DONE_STEPS: (
        N_(
            "{count} step is already done on this journey; cancel the journey instead of undoing "
            "the enrolment."
        ),
        N_(
            "{count} steps are already done on this journey; cancel the journey instead of "
            "undoing the enrolment."
        ),
    ),
    RefusalCode.STEPS_STILL_OPEN: (
        N_("{count} step is still open ({titles}). Complete the journey anyway?"),
        N_("{count} steps are still open ({titles}). Complete the journey anyway?"),
    ),
}
