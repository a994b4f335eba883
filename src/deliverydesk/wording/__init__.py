"""Words for the domain (words.py) and for refusals (refusals.py), without Qt; one import
for both: `from deliverydesk.wording import ENGLISH, RefusalCode`."""

from deliverydesk.wording.problems import Problems as Problems
from deliverydesk.wording.problems import problem_text as problem_text
from deliverydesk.wording.refusals import Listed as Listed
from deliverydesk.wording.refusals import More as More
from deliverydesk.wording.refusals import Names as Names
from deliverydesk.wording.refusals import Note as Note
from deliverydesk.wording.refusals import Phrase as Phrase
from deliverydesk.wording.refusals import Refusal as Refusal
from deliverydesk.wording.refusals import RefusalCode as RefusalCode
from deliverydesk.wording.refusals import Term as Term
from deliverydesk.wording.refusals import error_text as error_text
from deliverydesk.wording.refusals import refusal_text as refusal_text
from deliverydesk.wording.words import *  # noqa: F403 (every name of words.py, as before)
