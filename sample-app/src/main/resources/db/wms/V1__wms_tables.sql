-- The warehouse system's copies of the ERP's master data (MySQL / MariaDB syntax).
CREATE TABLE wms_supplier (
  supplier_id BIGINT NOT NULL PRIMARY KEY,
  supplier_document_status VARCHAR(1),
  supplier_forbide_status VARCHAR(1),
  supplier_number VARCHAR(80),
  supplier_group_id BIGINT NOT NULL,
  master_id BIGINT NOT NULL,
  user_org_id BIGINT NOT NULL,
  last_time DATETIME(6) NOT NULL,
  supplier_name VARCHAR(255),
  supplier_group_number VARCHAR(80),
  supplier_group_name VARCHAR(255)
);

CREATE TABLE wms_material (
  material_id BIGINT NOT NULL PRIMARY KEY,
  material_number VARCHAR(80),
  material_name VARCHAR(255),
  specification VARCHAR(255),
  net_weight DECIMAL(18,4),
  last_time DATETIME(6) NOT NULL
);
