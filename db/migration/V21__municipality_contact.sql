-- Where residents reach the municipality about the service (the about page's contact), and where they
-- report content they cannot use (the accessibility statement the DOS law requires names it): an
-- e-mail address, or for accessibility also the https:// address of a web form. Both optional: without
-- them the about page tells residents to contact the municipality.
ALTER TABLE municipality
  ADD COLUMN contact_email varchar(254) CHECK (contact_email ~ '^[^@\s]+@[^@\s]+\.[^@\s]+$'),
  ADD COLUMN accessibility_contact varchar(500)
    CHECK (accessibility_contact ~ '^([^@\s]+@[^@\s]+\.[^@\s]+|https?://\S+)$');
