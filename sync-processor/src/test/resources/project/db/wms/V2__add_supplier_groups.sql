ALTER TABLE wms_supplier ADD COLUMN supplier_group_number VARCHAR(80);
ALTER TABLE wms_supplier ADD COLUMN supplier_group_name VARCHAR(255);
