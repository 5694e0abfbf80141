"""Publishing: charts, headlines, notebooks, HTML briefings and Excel workbooks."""
