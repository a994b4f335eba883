"""Every entity of the domain, in one import (`from deliverydesk.model.entities import Client`)."""

from deliverydesk.model.entities.base import Base
from deliverydesk.model.entities.client import Client
from deliverydesk.model.entities.journey import Journey, JourneyPhase, JourneyStep
from deliverydesk.model.entities.offer import (
    DeliveryStandard,
    Offer,
    OfferPhase,
    OfferRevision,
    OfferStep,
)
from deliverydesk.model.entities.practice import Practice
from deliverydesk.model.entities.records import Activity, Feedback, Friction, Note

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
