-- Issue 16 s4: the bank may ask for more information; the form opens again under a new link.
ALTER TABLE applications DROP CONSTRAINT applications_status;
ALTER TABLE applications ADD CONSTRAINT applications_status
    CHECK (status IN ('started', 'submitted', 'in_review', 'more_info', 'approved', 'declined'));
