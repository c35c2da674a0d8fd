-- 0003: the reporter's words around each quote, which let a fragment
-- ("grave threat") be placed in its source. Quotes stored before this
-- version have none until their article is ingested again with new text.

ALTER TABLE quotes ADD COLUMN context_before TEXT NOT NULL DEFAULT '';
ALTER TABLE quotes ADD COLUMN context_after TEXT NOT NULL DEFAULT '';
