"""DeliveryDesk: deliver what you promised, offline."""

__version__ = "0.1.0"
APP_NAME = "DeliveryDesk"
APP_ID = "io.github.deliverydesk.DeliveryDesk"
