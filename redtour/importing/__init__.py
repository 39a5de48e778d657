"""Reading the files staff bring in (rosters, sign-in sheets, other offices' logs) safely. Qt-free."""
