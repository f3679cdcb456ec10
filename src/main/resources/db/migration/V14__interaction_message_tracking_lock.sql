-- interaction: ten wrong verifiers in a row lock a message's tracking code for an hour (as for information requests).
ALTER TABLE ia_message ADD COLUMN tracking_locked_until TIMESTAMP WITH TIME ZONE;
