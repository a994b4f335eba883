"""Every entity of the domain, in one import (`from deliverydesk.model.entities import Client`)."""

from deliverydesk.model.base import Base
from deliverydesk.model.client import Client
from deliverydesk.model.journey import Journey, JourneyPhase, JourneyStep
from deliverydesk.model.offer import (
    DeliveryStandard,
    Offer,
    OfferPhase,
    OfferRevision,
    OfferStep,
)
from deliverydesk.model.practice import Practice
from deliverydesk.model.records import Activity, Feedback, Friction, Note

__all__ = [
    "Activity",
    "Base",
    "Client",
    "DeliveryStandard",
    "Feedback",
    "Friction",
    "Journey",
    "JourneyPhase",
    "JourneyStep",
    "Note",
    "Offer",
    "OfferPhase",
    "OfferRevision",
    "OfferStep",
    "Practice",
]
