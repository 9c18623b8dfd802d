-- The warehouse system's copy of the ERP's suppliers (MySQL / MariaDB syntax).
CREATE TABLE wms_supplier (
  supplier_id BIGINT NOT NULL PRIMARY KEY,
  supplier_document_status VARCHAR(1),
  supplier_forbide_status VARCHAR(1),
  supplier_number VARCHAR(80),
  supplier_group_id BIGINT NOT NULL,
  master_id BIGINT NOT NULL,
  user_org_id BIGINT NOT NULL,
  last_time DATETIME(6) NOT NULL,
  supplier_name VARCHAR(255)
);
