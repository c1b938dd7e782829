"""Keeping the site safe and standing: security headers, rate limits, a database outage page."""
