-- interaction: fixes to the handling of suggestions and proposals.

-- The deadline that had already passed when a supervisor moved it: a reply is late against this date, not the new one.
ALTER TABLE ia_motion ADD COLUMN missed_due_on DATE;

-- The day the dispatcher had the motion handled again: a second-round reply cannot be dated before it.
ALTER TABLE ia_motion ADD COLUMN rehandled_on DATE;
