-- A target table with the columns reconciliation's soft deletes mark.
CREATE TABLE marked_item (
  id BIGINT NOT NULL PRIMARY KEY,
  changed_at DATETIME(6) NOT NULL,
  is_gone BOOLEAN NOT NULL DEFAULT FALSE,
  gone_at DATETIME(6)
);
