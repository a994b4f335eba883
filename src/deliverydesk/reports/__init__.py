"""Branded PDFs (progress reports, onboarding packs, checklists): reportlab only, no Qt."""
