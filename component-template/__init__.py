"""The component template, shipped with appcore as package data: ``appcore component new NAME``
renders ``{{cookiecutter.project_slug}}/`` (see README.md here); so does ``cookiecutter``."""
