"""Static assets of the HTML report (CSS and JavaScript), shipped as package data."""
