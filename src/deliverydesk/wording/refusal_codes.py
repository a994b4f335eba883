"""Every refusal's code: what was refused, not where (see refusals.py).

Grouped by the module that raises them first (a code may be raised in several).
A service raises `InvalidInput(RefusalCode.CLIENT_GONE)` or `InvalidInput(
RefusalCode.STEP_ALREADY_DONE, step=title)`; refusal_words.py holds each code's English
words, and tests/unit/test_refusals.py proves every code has them.
"""

from __future__ import annotations

from enum import StrEnum, auto


class RefusalCode(StrEnum):
    # demo
    DEMO_NEEDS_EMPTY_FOLDER = auto()

    # scale
    SCALE_CLIENTS_OUT_OF_RANGE = auto()
    SCALE_STEPS_OUT_OF_RANGE = auto()
    READ_ONLY_PRACTICE = auto()
    BENCHMARK_NEEDS_EMPTY_FOLDER = auto()

    # sessions and the calendar (services/practice/time_zone.py, services/data/calendar_import.py)
    TIME_ZONE_UNKNOWN = auto()
    ALARM_OUT_OF_RANGE = auto()
    SESSION_TIME_NOT_SESSION = auto()
    SESSION_LENGTH_OUT_OF_RANGE = auto()
    ICS_NOT_A_FILE = auto()
    ICS_TOO_LARGE = auto()
    ICS_NOT_CALENDAR = auto()
    ICS_DAMAGED = auto()
    ICS_CHANGED_SINCE = auto()

    # brand
    NO_PRACTICE_YET = auto()
    FONT_NOT_IN_LIST = auto()
    PAGE_SIZE_UNKNOWN = auto()
    LOGO_NOT_COPIED = auto()
    COLOUR_NOT_HEX = auto()
    NO_LOGO_FILE = auto()
    LOGO_UNUSABLE = auto()

    # capacity
    OFFER_GONE = auto()
    OFFER_HAS_NO_PHASES = auto()

    # client_csv
    CLIENT_LIST_TOO_LARGE = auto()
    CSV_EMPTY = auto()
    CSV_HEADER_MISSING = auto()
    CSV_NAME_COLUMN_MISSING = auto()
    PATH_IS_FOLDER_NOT_CSV = auto()
    CLIENT_LIST_FILE_TOO_LARGE = auto()
    NO_FILE_AT = auto()
    CANNOT_READ_FILE = auto()
    CSV_TOO_MANY_ROWS = auto()
    UNKNOWN_ENCODING = auto()
    CSV_WRONG_ENCODING = auto()
    CSV_ROW_UNREADABLE = auto()
    CSV_ROWS_REFUSED = auto()

    # client_lookup
    CLIENT_GONE = auto()

    # clients
    FIT_ANSWER_NOT_YES_NO = auto()
    CLIENT_NEEDS_NAME = auto()
    START_DATE_OUT_OF_RANGE = auto()
    CLIENT_OR_OFFER_GONE = auto()
    CLIENT_ALREADY_ON_OFFER = auto()
    CLIENT_ENROLLED_SINCE = auto()
    ENROLMENT_GONE = auto()
    ENROLMENT_NO_LONGER_UNDOABLE = auto()
    ENROLMENT_HAS_HISTORY = auto()
    ENROLMENT_CANNOT_COME_BACK = auto()
    ENROLMENT_HAS_DONE_STEPS = auto()

    # context
    DATE_BEYOND_CALENDAR = auto()

    # detail
    JOURNEY_GONE = auto()

    # errors
    CHECKPOINTS_NOT_DONE = auto()

    # intake
    INTAKE_NO_FORM_KEY = auto()
    INTAKE_FORM_TOO_OLD = auto()
    INTAKE_KEY_UNREADABLE = auto()
    INTAKE_KEY_MISMATCH = auto()
    INTAKE_QUESTIONS_CHANGED = auto()
    INTAKE_ANSWERS_FOR_OTHER_CLIENT = auto()
    INTAKE_FORM_FOR_OTHER_CLIENT = auto()
    INTAKE_FORM_FOR_NAMED_CLIENT = auto()
    INTAKE_CLIENT_NOT_ENROLLED = auto()
    INTAKE_QUESTION_WITHOUT_FIELD = auto()
    INTAKE_FILE_TOO_LARGE = auto()
    PDF_PASSWORD_LOCKED = auto()
    NOT_A_PDF = auto()
    INTAKE_ANSWERS_REPLACED_SINCE = auto()
    INTAKE_OFFER_GONE = auto()

    # journey_csv
    CSV_PLACE_UNKNOWN = auto()
    CSV_COLUMNS_MISSING = auto()
    CSV_START_MISSING = auto()
    CSV_DATE_UNREADABLE = auto()
    CSV_DATE_TOO_FAR = auto()
    CSV_STEP_IN_SEVERAL_PHASES = auto()
    CSV_TEMPLATE_EXAMPLE_ROW = auto()
    CSV_DONE_BEFORE_START = auto()
    CSV_OFFER_MISSING = auto()
    CSV_OFFER_UNKNOWN = auto()
    CSV_OFFER_AMBIGUOUS = auto()
    CSV_OFFER_NOT_READY = auto()
    CSV_DATE_AMBIGUOUS = auto()

    # client_csv, journey_csv: a preview row's note (Note), why it is skipped or what it does
    CSV_ROW_TOO_MANY_VALUES = auto()
    CSV_SAME_EMAIL_AS = auto()
    CSV_SAME_NAME_AS = auto()
    CSV_NAMESAKE_ADDED = auto()
    CSV_REPEATS_ROW = auto()
    CSV_CLIENT_ALREADY_ON_OFFER = auto()
    CSV_ENROLS_CLIENT = auto()
    CSV_CLIENT_OF_EARLIER_ROW = auto()

    # journeys
    STEP_GONE = auto()
    PHASES_CHANGED_SINCE = auto()
    JOURNEY_MOVED_SINCE = auto()
    NOTE_EMPTY = auto()
    STEP_ALREADY_DONE = auto()
    STEP_DONE_IN_FUTURE = auto()
    STEP_NOT_DONE = auto()
    STEP_DONE_ON_OTHER_DAY = auto()
    STEP_DUE_DATE_CHANGED_SINCE = auto()
    STEP_DUE_BEFORE_START = auto()
    PHASE_NOT_IN_JOURNEY = auto()
    NOTE_GONE = auto()

    # lifecycle
    RESUME_DATE_NOT_AFTER_TODAY = auto()
    PAUSE_NEEDS_ACTIVE = auto()
    RESUME_NEEDS_PAUSED = auto()
    JOURNEY_ALREADY_IN_STATUS = auto()
    ARCHIVE_NEEDS_ENDED = auto()
    STEPS_CHANGED_SINCE = auto()
    STEPS_STILL_OPEN = auto()

    # nudge
    NUDGE_NOT_CLIENTS_STEP = auto()

    # offer_apply
    JOURNEYS_GONE = auto()
    APPLY_DESIGN_BROKEN = auto()
    JOURNEY_NOT_IN_OFFER = auto()
    APPLY_TO_ENDED_JOURNEY = auto()

    # offer_design
    OFFER_ARCHIVED = auto()
    OFFER_NOT_ENROLLABLE = auto()
    OFFER_HAS_JOURNEYS = auto()

    # offer_file
    OFFER_FILE_TOO_LARGE = auto()
    PATH_IS_FOLDER_NOT_OFFER_FILE = auto()
    NO_FOLDER_FOR_FILE = auto()
    CANNOT_WRITE_IN_FOLDER = auto()
    CANNOT_SAVE_FILE = auto()
    DISK_FULL_SAVING_FILE = auto()

    # offer_format
    OFFER_FILE_SIZE_TOO_LARGE = auto()
    NOT_AN_OFFER_FILE = auto()
    OFFER_FILE_NO_VERSION = auto()
    OFFER_FILE_TOO_NEW = auto()
    OFFER_FILE_UNUSABLE = auto()
    OFFER_FILE_NOT_TEXT = auto()
    OFFER_FILE_TOO_DEEP = auto()
    OFFER_FILE_NOT_JSON = auto()
    OFFER_FILE_TOO_MANY_STEPS = auto()
    OFFER_FILE_CHOICES_NOT_TEXT = auto()
    OFFER_FILE_WRONG_SHAPE = auto()
    OFFER_FILE_NOT_A_LIST = auto()
    OFFER_FILE_TOO_MANY = auto()
    OFFER_FILE_NOT_TEXT_VALUE = auto()
    OFFER_FILE_NOT_WHOLE_NUMBER = auto()
    OFFER_FILE_NOT_TRUE_FALSE = auto()
    OFFER_FILE_NOT_A_CHOICE = auto()
    OFFER_FILE_NOT_AN_AMOUNT = auto()

    # money
    STEP_NOT_AN_INVOICE = auto()
    INVOICE_NOT_SENT = auto()
    INVOICE_ALREADY_PAID = auto()
    INVOICE_NOT_PAID = auto()
    INVOICE_PAID_BEFORE_SENT = auto()
    INVOICE_PAID_IN_FUTURE = auto()
    INVOICE_PAID_ON_OTHER_DAY = auto()
    INVOICE_PAID_STAYS_SENT = auto()

    # offer_revisions
    REVISION_NOT_KEPT = auto()

    # offers
    OFFER_DESIGN_PROBLEMS = auto()

    # practice
    PRACTICE_NEEDS_NAME = auto()
    WEEKLY_HOURS_OUT_OF_RANGE = auto()
    NO_WORKING_DAY = auto()
    PRACTICE_EXISTS = auto()

    # practice_file
    PRACTICE_FILE_RECORD_UNSOUND = auto()
    PRACTICE_FILE_WRONG_KIND = auto()
    PATH_IS_FOLDER_NOT_PRACTICE_FILE = auto()
    PRACTICE_FILE_TOO_LARGE = auto()
    NOT_A_PRACTICE_FILE = auto()
    PRACTICE_FILE_NO_VERSION = auto()
    PRACTICE_FILE_TOO_NEW = auto()
    PRACTICE_FILE_NO_TABLES = auto()
    PRACTICE_FILE_SCHEMA_TOO_NEW = auto()
    PRACTICE_FILE_TABLE_NOT_RECORDS = auto()
    PRACTICE_FILE_UNKNOWN_COLUMN = auto()
    PRACTICE_FILE_NOT_JSON = auto()
    PRACTICE_FILE_BROKEN_LINKS = auto()
    PRACTICE_FILE_VALUE_COUNT = auto()
    PRACTICE_FILE_TEXT_UNSAVABLE = auto()
    PRACTICE_FILE_NUMBER_TOO_LARGE = auto()
    PRACTICE_FILE_REFUSED = auto()
    PRACTICE_FILE_NOT_IMPORTED = auto()
    PRACTICE_FILE_NEEDS_EMPTY_FOLDER = auto()
    PRACTICE_FILE_UNKNOWN_TABLE = auto()
    PRACTICE_FILE_VALUE_UNSTORABLE = auto()
    PRACTICE_FILE_VALUE_UNSOUND = auto()
    SAME_AS_CAUSE = auto()

    # practice_settings
    TOO_MANY_CLOSED_DATES = auto()
    CLOSED_DATE_TOO_FAR = auto()
    WORKING_DAYS_NOT_NUMBERS = auto()
    CLOSED_DATES_NOT_A_LIST = auto()
    NOT_A_DATE = auto()
    DAY_HOURS_OUT_OF_RANGE = auto()
    DAY_HOURS_NOT_A_TABLE = auto()
    TIME_OFF_ENDS_BEFORE_START = auto()
    TIME_OFF_TOO_LONG = auto()
    TIME_OFF_TOO_FAR = auto()
    TOO_MANY_TIME_OFF = auto()
    TIME_OFF_NOT_A_LIST = auto()
    NO_SUCH_TIME_OFF = auto()

    # practice_values
    VALUE_NOT_OF_KIND = auto()
    VALUE_OUT_OF_RANGE = auto()
    VALUE_NOT_A_SET = auto()
    VALUE_MISSING = auto()
    SETTING_REFUSED = auto()

    # records
    FRICTION_NEEDS_TEXT = auto()
    SCORE_OUT_OF_RANGE = auto()
    STEP_NOT_IN_JOURNEY = auto()
    FRICTION_GONE = auto()
    FRICTION_NOT_YET = auto()
    FRICTION_RESOLVED_BEFORE = auto()
    FRICTION_RESOLVED_LATER = auto()
    FRICTION_CHANGED = auto()
    FRICTION_UNKNOWN_STEP = auto()
    FEEDBACK_GONE = auto()
    FEEDBACK_NOT_YET = auto()
    FEEDBACK_CHANGED = auto()
    REVIEW_PERIOD_BACKWARDS = auto()
    REVIEW_PERIOD_AHEAD = auto()

    # report_data
    CLIENT_NOT_ENROLLED = auto()

    # report_export
    NO_FOLDER_FOR_REPORTS = auto()
    PROGRESS_REPORT_NEEDS_CLIENT = auto()

    # send
    DOCUMENT_NOT_KEPT_FOR_SENDING = auto()
    NO_CLIENT_TO_SEND_TO = auto()

    # report_packs
    TEMPLATE_NEEDS_CLIENT_OR_OFFER = auto()
    FORM_NEEDS_CLIENT_OR_OFFER = auto()
    CLIENT_OFFER_GONE = auto()

    # reschedule
    RESCHEDULE_DONE_STEP = auto()
    STEPS_REMOVED_SINCE = auto()

    # trash
    CLIENT_NOT_IN_LIST = auto()
    CLIENT_STILL_ON_OFFER = auto()
    CLIENT_NOT_IN_TRASH_ANY_MORE = auto()
    CLIENT_NOT_IN_TRASH = auto()

    # under_way
    PHASE_NOT_IN_OFFER = auto()
    STEP_NOT_IN_PHASE = auto()
    DONE_BEFORE_IN_FUTURE = auto()
    DONE_BEFORE_START = auto()
    OFFER_GONE_OR_EMPTY = auto()

    # validation
    TEXT_HAS_NUL = auto()
    TEXT_HAS_BROKEN_CHARACTER = auto()
    TEXT_TOO_LONG = auto()
    PATH_IS_DATA_FILE = auto()
    TEXT_HAS_CONTROL_CHARACTER = auto()
    TEXT_NOT_ONE_LINE = auto()
    TEXT_EMPTY = auto()
    EMAIL_UNLIKELY = auto()

    # workspace
    BACKUP_UNOPENABLE = auto()

    # backup
    NO_DATABASE_FILE = auto()
    BACKUP_FAILED_CHECK = auto()
    BACKUP_FOLDER_UNWRITABLE = auto()

    # backup_copies
    COPY_FOLDER_MISSING = auto()
    COPY_FOLDER_INSIDE_DATA = auto()
    COPY_FOLDER_UNWRITABLE = auto()
    COPY_DISK_GONE = auto()
    COPY_NOT_MADE = auto()

    # cli_clients
    DONE_ON_WITHOUT_AT = auto()
    UNDER_WAY_NOT_STARTED = auto()
    BACKUP_NOT_WRITTEN = auto()
    BACKUP_FAILED = auto()

    # database
    DATABASE_UNOPENABLE = auto()
    DATABASE_IN_USE = auto()
    DATABASE_IS_FOLDER = auto()
    DATABASE_NOT_READABLE = auto()
    DATABASE_READ_ONLY_WITH_LOG = auto()
    DATABASE_READ_ONLY_EMPTY = auto()
    DATABASE_READ_ONLY_NEEDS_UPGRADE = auto()
    DATABASE_TOO_NEW = auto()
    DATABASE_UNKNOWN_TABLES = auto()
    DATABASE_DAMAGED = auto()
    DATABASE_NOT_OPENED = auto()
    DATA_FOLDER_READ_ONLY = auto()
    PRACTICE_FOLDER_READ_ONLY = auto()  # a Note: why a practice opens for reading only
    PRACTICE_FILE_READ_ONLY = auto()  # a Note
    UPGRADE_BACKUP_FAILED = auto()
    DATABASE_DAMAGED_FOUND = auto()
    NOT_SQLITE = auto()

    # errors
    STORAGE_LOCKED = auto()
    STORAGE_DISK_FULL = auto()
    STORAGE_READ_ONLY = auto()
    STORAGE_IO = auto()
    STORAGE_FAILED = auto()

    # migrate
    UPGRADE_BREAKS_LINKS = auto()

    # recovery
    RECOVERY_BACKUP_FAILED = auto()
    RECOVERY_SET_ASIDE_FAILED = auto()

    # restore
    BACKUP_NOT_WHOLE = auto()
    NOT_A_BACKUP = auto()
    BACKUP_TOO_NEW = auto()
    DATA_OPEN_ELSEWHERE = auto()

    # transfer
    SCHEMA_MISMATCH = auto()
    FOLDER_HOLDS_RECORDS = auto()

    # offers/offers_page
    NOTHING_MADE = auto()
