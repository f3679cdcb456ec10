-- publication: the site-wide list of public items (all agencies, newest first) walks this index in order.
CREATE INDEX pub_document_public_idx ON pub_document (status, published_on, id);
