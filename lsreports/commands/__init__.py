"""Sub-commands of the ``lsreports`` command line (see :mod:`lsreports.cli`)."""
