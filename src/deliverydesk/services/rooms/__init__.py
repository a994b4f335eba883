"""The Workspace's rooms: its use cases grouped by subject (ws.journeys, ws.offers, ...)."""
