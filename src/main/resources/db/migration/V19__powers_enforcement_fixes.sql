-- powers: the withdrawal limit of a changed decision is 3 working days (《行政处罚法》 Art. 48 with Art. 85), counted on
-- the working-day calendar and, like the publication limit, provisional while it reaches a year not yet loaded.
ALTER TABLE pw_decision ADD COLUMN withdraw_by_provisional BOOLEAN DEFAULT FALSE NOT NULL;

-- Limits stored before this change were counted in calendar days: marked provisional so that the next recount
-- (when a holiday notice is loaded) counts them again in working days.
UPDATE pw_decision SET withdraw_by_provisional = TRUE WHERE withdraw_by IS NOT NULL;
