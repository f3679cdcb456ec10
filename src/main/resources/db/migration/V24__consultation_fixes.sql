-- participation: consultation fixes after review.
-- The reason staff give for ending a consultation before its announced last day (Art. 14 ¶2), shown publicly.
ALTER TABLE pt_consultation ADD COLUMN closed_early_reason VARCHAR(2000);
-- The day a comment sent by e-mail, letter, fax or telephone reached the agency (null for the online form and API).
ALTER TABLE pt_consultation_comment ADD COLUMN received_on DATE;
