"""Use cases about money: invoices paid, revenue read for the dashboard, the accountant's CSV."""
